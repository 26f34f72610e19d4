"""What a request asks is its main clause: a clause of purpose or of a case that follows
it ("... so I notice when he rings", "... in case he rings", "... because I moved") tells
why, and its verbs ask for nothing. "Give Jo a tone of her own so I notice when she rings"
asks for a tone, never for a call; "turn the volume up in case the courier rings" asks for no
call either.

Only subordinators that cannot start a reported question are cut: "if", "when" and
"whether" after a verb often carry what is asked or said ("ask Bob if he is free", "tell
me when it ends"), so they stay. The subordinator must be followed by its clause's subject
(a pronoun, a possessive or "the"), which sets it apart from "so" as an adverb ("not so loud");
nothing inside quotes or after a colon (a message's words) is cut.

A clause of time that comes before the request ("when my friends visit, I'd like ...",
"whenever the phone rings I want ...") sets the scene and asks nothing either: "when" is a
question word only where an auxiliary follows it ("when does the bus leave"); before a
subject it opens a subordinate clause, and the question, if any, is asked by the main clause
that follows (after its comma, or from its subject "I" or a polite "could you"). What the
scene is about stays where the main clause points back at it: "when guests look for my
phone, I'd like it to ..." is about the phone.

After a statement of what the speaker did or is ("I sold the van, so the van's alarm can
go"), "so" says what follows from it: there the clause after "so" is the request, and the
statement tells why.

A sentence after the request that only lets the listener do something ("You've got my
blessing.", "Buying it is okay.", "Feel free to spend it.", "You may go ahead.") asks for
nothing the request does not: it is the person's consent (which the safety gate reads from
the run's `allow`, never from these words), and its words ("okay") name nothing to look for."""

from __future__ import annotations

import re

from planners.embedded.wording import SAYS_VALUE

_SUBJECT = r"(?:i|i'm|we|you|he|she|they|it|it's|someone|somebody|my|our|his|her|their|the)"
_WHY = re.compile(rf",?\s+(?:just\s+)?(?:so\s+that|so|in\s+case|because|cause|since|whenever)"
                  rf"\s+{_SUBJECT}\b[^.!?]*", re.I)  # to the end of its sentence
_VALUES = re.compile(r"[\"“”«»]|(?<!\d):|:(?!\d)")  # a quote, a colon before words (not "5:10")
# a statement of what the speaker did or is, not of a wish ("I sold the van", "we've packed up"):
# after it, "so" says what follows from it, and that is the request
_FACT = re.compile(r"^\s*(?:i|we)(?:'ve|'m|'re|\s+(?:just|have|had|am|are|was|were))?\s+"
                   r"(?!(?:want|wanna|need|wish|would|like|prefer|hope|will|shall)\b)[a-z]+\b",
                   re.I)
# "so" before the speaker's wish: what follows from the clause before it, no purpose
_SO_WISHED = re.compile(r",?\s+so\s+(?=(?:i|we)(?:'d|\s+would)\s+(?:like|love|prefer|rather)\b|"
                        r"(?:i|we)\s+(?:(?:don't|do\s+not)\s+)?(?:want|need)\b)", re.I)
_CLAUSES = re.compile(r"[\"“”«»:.,;!?](?!$)")  # more than one clause, or a value
_THEREFORE = re.compile(rf"(?:,\s*(?:and\s+)?so\s+(?!that\b)|\s+so\s+(?={_SUBJECT}\b))", re.I)
_AUXILIARY = (r"(?:is|are|was|were|am|do|does|did|can|could|will|would|should|shall|may|might|"
              r"must|has|have|had)\b")
# the scene set before the request, and a greeting before it ("Hi, when ...")
_SCENE = re.compile(rf"^((?:\w+,\s*)?)(?:when|whenever|while|once|before|after|until)\s+"
                    rf"(?!{_AUXILIARY})\S",
                    re.I)
# a sentence of leave after the request: "You've got my blessing.", "Buying it is okay."
_LEAVE = re.compile(r"(?<=[.!?;])\s+(?:(?:and\s+)?you(?:'ve|\s+have|\s+got)\s+(?:got\s+)?"
                    r"(?:my|our)\s+(?:ok|okay|permission|blessing|go-ahead|consent|approval)|"
                    r"you\s+(?:may|can|are\s+allowed\s+to|have\s+permission\s+to)(?:\s+go\s+ahead)?|"
                    r"feel\s+free|go\s+ahead(?!\s+and\s)|i\s+(?:approve|allow|authori[sz]e|consent)|"
                    r"[a-z]+ing\s+(?:it\s+)?(?:is|'s)\s+(?:fine|ok|okay|allowed|approved))"
                    r"\b[^.!?\"“”]*[.!]?\s*$", re.I)
_MAIN_STARTS = re.compile(r",\s*|\s(?=I\b|I'|(?i:please|can\s+you|could\s+you|would\s+you)\b)")


def main_clause(text: str) -> str:
    """`text` without a clause of purpose or case after it, nor one of time before it, nor
    a sentence of leave after it (see the module docstring)."""
    text = _LEAVE.sub("", text)
    text = _without_scene(text)
    then = _THEREFORE.search(text)  # after one clause of fact, none of them an order
    if then and _FACT.match(text[:then.start()]) and not _CLAUSES.search(text[:then.start()]):
        return text[then.end():]  # "I sold the van, so ...": what follows is the request
    m = _WHY.search(text)
    if m is None or _SO_WISHED.match(text, m.start()) or _in_values(
            text[_sentence_start(text, m.start()):m.start()]) or _VALUES.search(m.group(0)) or (
            not text[:m.start()].strip()):
        return text
    if SAYS_VALUE.search(m.group(0)):  # ", so his email is now x@y.z": a value told
        return text
    after = text[m.end():]  # the sentences after the one it ends
    return text[:m.start()].rstrip(" ,") + (after if after.strip(" .!?") else "")


def _in_values(before: str) -> bool:
    """What follows `before` (its sentence so far) is inside a quote or after a colon: words
    to write, not the request's own ("text Bo "late, so go ahead""; "... 'hi' so he knows":
    the quote has ended)."""
    return len(re.findall(r"[\"“”«»]", before)) % 2 == 1 or re.search(
        r"(?<!\d):|:(?!\d)", before) is not None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds `at` starts: a colon or quote in an earlier one
    ("... his mobile became 555 0101. Note that, so ...") opens no words of a message here."""
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", text[:at])]
    return ends[-1] if ends else 0


def _without_scene(text: str) -> str:
    """`text` without a clause of time before the request (see the module docstring)."""
    m = _SCENE.match(text)
    main = _MAIN_STARTS.search(text, m.end()) if m else None
    if m is None or main is None or _VALUES.search(text[:main.start()]) or re.search(
            r"[.!?](?:\s|$)", text[m.end():main.start()]):  # a whole sentence: told, with its own
        return text  # main clause ("When I call, it rings twice. I want ...")
    rest = text[main.end():].strip()
    about = re.search(r"\b(?:my|our|the)\s+[a-z]+$", text[:main.start()].rstrip(" ,"), re.I)
    if about is not None:  # "it" is the thing the scene was about
        rest = re.sub(r"\bit\b", about.group(0), rest, count=1)
    return f"{m.group(1)}{rest}" if rest.strip(" .!?") else text
