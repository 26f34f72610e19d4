"""What a request forbids, set apart before it is read: a negated verb phrase asks for
nothing of its kind ("keep them, don't delete anything" asks for no deletion), and what it
keeps as it is ("..., but keep it") asks for nothing at all."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from planners.embedded.wording import wished_away, without_courtesy

# "don't forget to call Aunt Rosa" asks for the call; "don't delete anything", "never call after 9",
# "no need to send it", "without asking" forbid, up to the end of their clause. Not a name:
# "Do Not Track" goes on with a capital.
_REMINDED = re.compile(r"\b(?:don'?t|do\s+not|never)\s+(?:forget|fail)\s+to\s+", re.I)
_NEGATED = re.compile(r"\b(?i:don'?t|do\s+not|never|no\s+need\s+to|without)\b(?!\s+[A-Z])"
                      r"(?!\s+(?i:need|want)\s+(?!to\b))"  # a thing wished away is no order
                      r".*?(?=[,;.!?]|\s+(?:but|just|and|instead|then)\b|$)")
# "..., but keep it", "... leave everything else as it is": things stay as they are; nothing to do
_KEPT = re.compile(r"(?:\s*[,;]\s*|\s+)(?:(?:but|and|though|just|still)\s+)*(?:keep|leave)\s+"
                   r"(?:it|them|that|this|those|the\s+rest|the\s+others?|everything\s+else)\b"
                   r"[^,;.!?\"“”]*?(?=[,;.!?]|$)", re.I)
_DANGLING = re.compile(r"(?:\s+(?:but|and|just|then))+\s*$", re.I)
# A forbidding "don't"/"do not"/"never" opens its clause, or follows its subject or a word
# that joins clauses; after a verb or an article it is the object's name, whatever its case
# ("switch do not track on", "the do not track option").
_NEGATION_AFTER = frozenset({"i", "you", "we", "they", "he", "she", "it", "please", "just",
                             "and", "but", "so", "then", "or", "also", "still", "really", "yet",
                             "simply"})
_NEGATION_WORD = re.compile(r"(?:don'?t|do\s+not|never)\b", re.I)


def _negation_out(match: re.Match[str], names: Collection[str] = ()) -> str:
    said = " ".join(match.group(0).casefold().split())
    if any(said == n or said.startswith(f"{n} ") for n in names):
        return match.group(0)  # "Do Not Track off": the name of a thing the phone shows
    before = re.findall(r"[\w']+|[,;:.!?]", match.string[:match.start()])
    opens = not before or before[-1] in ",;:.!?" or before[-1].lower() in _NEGATION_AFTER
    return " " if opens or not _NEGATION_WORD.match(match.group(0)) else match.group(0)


def negated_names(labels: Iterable[str]) -> frozenset[str]:
    """The labels that open as a prohibition does ("Do Not Track", "Never sleep"), in the
    form `without_negated` compares them."""
    return frozenset(" ".join(t.casefold().split()) for t in labels
                     if _NEGATION_WORD.match(t.strip()) and len(t) < 40)


def without_negated(text: str, names: Collection[str] = ()) -> str:
    """The request without what it forbids: a negated verb phrase asks for nothing of its
    kind ("keep them, don't delete anything" asks for no deletion). Quoted text is a value
    and what follows a colon (a message's words) are values and stay as they are. "" when
    the request only forbids. A thing wished away ("I no longer need the torch") is
    no prohibition: it is the state wanted ("the torch off"), nor are the `names` of things
    the phone shows (`negated_names`)."""
    if thing := wished_away(text):
        return f"{thing} off"
    pause = re.search(r"(?<!\d):|:(?!\d)", text)  # the colon of a time ("7:15") opens nothing
    head, colon, said = (text[:pause.start()], ":", text[pause.end():]) if pause else (text, "", "")
    parts = re.split(r"([\"“”][^\"“”]*[\"“”])", head)
    kept = [p if i % 2 else _KEPT.sub("", _NEGATED.sub(lambda m: _negation_out(m, names),
                                                           _REMINDED.sub("", p)))
            for i, p in enumerate(parts)]
    head = _DANGLING.sub("", " ".join("".join(kept).split())).strip(" ,;")
    return f"{head}{colon}{said}" if without_courtesy(head) else ""
