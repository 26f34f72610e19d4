"""The page shell every report shares: escaping, the style sheet, and a content security
policy that lets only the page's own style and script run.

Everything recorded is data: a screen's text, a model's reply, a goal may hold markup. All
of it goes through `esc`; the policy (hashes of our own style and script, images only as
data URIs) is a second wall, so that markup that slipped through would still not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import cache
from importlib import resources


def esc(value: object) -> str:
    """Text for HTML content and quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


@cache
def asset(name: str) -> str:
    """A file shipped beside this module (style sheet, script)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page(title: str, body: str, script: str = "") -> str:
    """A complete HTML document: `body` is already-escaped HTML, `script` our own code."""
    style = asset("viewer.css")
    scripts = _hash(script) if script else "'none'"
    policy = (f"default-src 'none'; img-src data:; style-src {_hash(style)}; "
              f"script-src {scripts}; base-uri 'none'; form-action 'none'")
    tail = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(policy)}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)}</title><style>{style}</style></head>\n"
        f"<body>\n{body}\n{tail}</body></html>\n"
    )


def badge(outcome: str) -> str:
    """An outcome (success, failure, ...) as a coloured label."""
    return f'<span class="badge {esc(outcome)}">{esc(outcome)}</span>'


def rate(succeeded: int, total: int) -> str:
    return f"{succeeded}/{total} ({100 * succeeded / total:.0f}%)" if total else "0/0"
