"""What a request asks is its main clause: a clause of purpose or of a case that follows
it ("... so I notice when he rings", "... in case he rings", "... because I moved") tells
why, and its verbs ask for nothing. "Give Jo a tone of her own so I notice when she rings"
asks for a tone, never for a call; "turn the volume up in case the courier rings" asks for no
call either.

Only subordinators that cannot start a reported question are cut: "if", "when" and
"whether" after a verb often carry what is asked or said ("ask Bob if he is free", "tell
me when it ends"), so they stay. The subordinator must be followed by its clause's subject
(a pronoun, a possessive or "the"), which sets it apart from "so" as an adverb ("not so loud");
nothing inside quotes or after a colon (a message's words) is cut."""

from __future__ import annotations

import re

_SUBJECT = r"(?:i|i'm|we|you|he|she|they|it|it's|someone|somebody|my|our|his|her|their|the)"
_WHY = re.compile(rf",?\s+(?:just\s+)?(?:so\s+that|so|in\s+case|because|cause|since|whenever)"
                  rf"\s+{_SUBJECT}\b.*$", re.I | re.S)
_VALUES = re.compile(r"[\"“”«»:]")


def main_clause(text: str) -> str:
    """`text` without a trailing clause of purpose or case (see the module docstring)."""
    m = _WHY.search(text)
    if m is None or _VALUES.search(text[:m.end()]) or not text[:m.start()].strip():
        return text
    return text[:m.start()].rstrip(" ,")
