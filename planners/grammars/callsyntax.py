"""A small reader for Python-looking calls in model replies: `name(key='value', k2=v2)`.

Only this shape is read; values are quoted strings (single or double quotes, escapes
\\' \\" \\\\ \\n \\t) or bare words. Nothing is evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_KEY = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*")
_BARE = re.compile(r"[^,()'\"\s]+")
_ESCAPES = {"n": "\n", "t": "\t", "'": "'", '"': '"', "\\": "\\"}


class CallSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Call:
    name: str
    args: dict[str, str]


def _quoted(text: str, i: int) -> tuple[str, int]:
    quote, i, out = text[i], i + 1, []
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
        elif c == quote:
            return "".join(out), i + 1
        else:
            out.append(c)
            i += 1
    raise CallSyntaxError("unterminated string (the reply looks cut off)")


def _value(text: str, i: int) -> tuple[str, int]:
    if i < len(text) and text[i] in "'\"":
        return _quoted(text, i)
    m = _BARE.match(text, i)
    if not m:
        raise CallSyntaxError(f"expected a value at {text[i:i + 20]!r}")
    return m.group(0), m.end()


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _args(text: str, i: int) -> tuple[dict[str, str], int]:
    args: dict[str, str] = {}
    i = _skip_space(text, i)
    while i < len(text) and text[i] != ")":
        m = _KEY.match(text, i)
        if not m:
            raise CallSyntaxError(f"expected key=value at {text[i:i + 20]!r}")
        value, i = _value(text, m.end())
        args[m.group(1)] = value
        i = _skip_space(text, i)
        if i < len(text) and text[i] == ",":
            i = _skip_space(text, i + 1)
    if i >= len(text):
        raise CallSyntaxError("unclosed call (the reply looks cut off)")
    return args, i + 1


def read_call(text: str, start: int = 0) -> tuple[Call, int]:
    """The call starting at `start` and the index just past it."""
    m = _NAME.match(text, start)
    if not m:
        raise CallSyntaxError(f"expected a call like name(...), got {text[start:start + 30]!r}")
    args, end = _args(text, m.end())
    return Call(m.group(1), args), end


def read_calls(text: str) -> list[Call]:
    """Every call in `text`, in order; anything else between them is an error."""
    calls, i = [], _skip_space(text, 0)
    while i < len(text):
        call, i = read_call(text, i)
        calls.append(call)
        i = _skip_space(text, i)
        while i < len(text) and text[i] in ";,":
            i = _skip_space(text, i + 1)
    return calls
