"""Does a reply answer a question? Whole tokens and numbers, never substrings.

Both texts are normalised, then cut into tokens:

- case and accents do not count ("Café" = "cafe"); punctuation and symbols separate tokens
  and are dropped ("$12.00" -> "12", "555-0142" -> "555", "0142");
- a number is its value: thousands separators and trailing decimal zeros go ("1,200" =
  "1200", "12.50" = "12.5"); a code that starts with 0 ("0142") keeps its digits;
- a time of day `H:MM` drops a leading zero of the hour ("06:15" = "6:15");
- letters and digits that touch are separate tokens ("5pm" = "5 pm").

The reply matches an expected answer when every token of the expected answer appears in the
reply as a whole token, in the same order (other words may come between and around them):
"12 dollars" and "It is $12.00" match "12"; "120" and "1.2" do not. A task may list several
accepted answers; one match is enough.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_TOKEN = re.compile(
    r"\d{1,2}:\d{2}(?!\d)"  # a time of day
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 1,200 or 1,200.50
    r"|\d+(?:\.\d+)?"  # 12 or 12.50
    r"|[^\W\d_]+"  # a word
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _number(token: str) -> str:
    if ":" in token:
        hour, minute = token.split(":")
        return f"{int(hour)}:{minute}"
    plain = token.replace(",", "")
    if plain.isdigit() and len(plain) > 1 and plain.startswith("0"):
        return plain  # a code, not a quantity
    try:
        value = Decimal(plain).normalize()
    except InvalidOperation:
        return plain
    return format(value, "f")


def tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of a text."""
    found = _TOKEN.findall(_fold(text))
    return tuple(_number(t) if t[0].isdigit() else t for t in found)


def matches(reply: str, expected: str) -> bool:
    """Every token of `expected` appears in `reply`, as a whole token, in order."""
    want = tokens(expected)
    if not want:
        return False
    remaining = iter(tokens(reply))
    return all(any(t == w for t in remaining) for w in want)


def answer_matches(reply: str | None, accepted: tuple[str, ...]) -> bool:
    """The reply matches one of the accepted answers."""
    return reply is not None and any(matches(reply, a) for a in accepted)
