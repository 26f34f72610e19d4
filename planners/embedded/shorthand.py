"""Shorthand of a name the device shows, read as the name ("bt" for Bluetooth, "nfc" for
Near Field Communication, "pw" for a password).

People shorten a name of several parts to the first letters of its parts: the words of a
label ("Near Field Communication": nfc) or the words a compound is made of ("bluetooth" =
blue + tooth: bt; "password" = pass + word: pw). Such a shorthand is a short word with no
vowel, which no English word is (y counts as a vowel: "by", "my"), so a word of two to four
consonants that is the initials of exactly one name the device shows, and no word the device
shows itself, is read as that name; a word written as a title ("Mr", "St") or after a
number, a unit ("30 cm", "7 pm"), is none. Where two names share the initials, or none has
them ("pls", "thx"), the word is left as typed; so is a word said as a clause of its own
("hm, ..."), and anything in quotes, which is text to type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planners.embedded.spelling import known_words

# lower case or capitals (a capital and small letters is a title: "Mr", "Dr"), and never
# after a number, where it is a unit ("30 cm", "7 pm")
_SHORT = re.compile(r"(?<![\w'-])(?<!\d\s)(?:[b-df-hj-np-tv-xz]{2,4}|[B-DF-HJ-NP-TV-XZ]{2,4})"
                    r"(?![\w'-])")
_QUOTED = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)|“[^”]*”")  # not "Greta's ... I'll"
_PART = re.compile(r"[^\W\d_]+")
PART_AT_LEAST = 3  # letters of the shortest word a compound is read as made of


def _compound_parts(word: str, known: frozenset[str]) -> list[str] | None:
    """The two words a compound is made of ("bluetooth" -> blue, tooth), or None when there
    is no cut into two known words, or two equally even ones: of "passwords" (pas + swords,
    pass + words) the cut with the longer shorter part is the one it is made of."""
    cuts = [(word[:i], word[i:]) for i in range(PART_AT_LEAST, len(word) - PART_AT_LEAST + 1)
            if word[:i] in known and word[i:] in known]
    even = max((min(map(len, cut)) for cut in cuts), default=0)
    best = [cut for cut in cuts if min(map(len, cut)) == even]
    return list(best[0]) if len(best) == 1 else None


def names_by_initials(labels: Iterable[str], known: frozenset[str] | None = None
                      ) -> dict[str, set[str]]:
    """The initials of each name of several parts among `labels` (lower case), with the names
    they stand for: a label's words, and each compound word's two parts."""
    known = known_words() if known is None else known
    out: dict[str, set[str]] = {}
    for label in labels:
        words = [w.lower() for w in _PART.findall(label)]
        if 1 < len(words) <= 4:
            out.setdefault("".join(w[0] for w in words), set()).add(" ".join(words))
        for word in words:
            parts = _compound_parts(word, known) if len(word) >= 2 * PART_AT_LEAST else None
            if parts:
                out.setdefault(parts[0][0] + parts[1][0], set()).add(word)
    return out


def expanded(text: str, labels: Iterable[str], known: frozenset[str] | None = None) -> str:
    """`text` with each shorthand outside quotes replaced by the name it stands for."""
    labels = list(labels)
    shown = {w.lower() for label in labels for w in _PART.findall(label)}
    initials = names_by_initials(labels, known)

    def meant(m: re.Match[str]) -> str:
        word = m.group().lower()
        alone = re.search(r"(?:^|[.!?])\s*$", m.string[:m.start()]) and re.match(
            r"\s*(?:[,.!?]|$)", m.string[m.end():])
        if alone:  # "hm, ...", "... pfft.": a sound made, a clause of its own; a shorthand
            return m.group()  # stands in a phrase
        names = initials.get(word, set())
        return next(iter(names)) if len(names) == 1 and word not in shown else m.group()

    out, last = [], 0
    for quote in [*_QUOTED.finditer(text), None]:
        end = quote.start() if quote else len(text)
        out.append(_SHORT.sub(meant, text[last:end]))
        if quote:
            out.append(quote.group())
            last = quote.end()
    return "".join(out)
