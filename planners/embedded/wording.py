"""Small general parsers for the shape of a request, before any meaning is read.

What is found here is grammar, not phrasings: values with a shape of their own (quoted
text, times, e-mail addresses, phone numbers, street addresses, numbers), the manner of the
request (an order, a question, a wish, the state the person wants), the words of courtesy
around it, and its verb phrase (the verb and its particle: "shut off", "jot down"). The word
sets are closed classes of English (question words, auxiliaries, particles, pronouns); which
operation a verb means is read by the sentence model (`operations`), never listed.
"""

from __future__ import annotations

import re
import unicodedata

from planners.embedded.attachment import without_given_name
from planners.embedded.counts import NUMBER_WORDS as NUMBER_WORDS  # said here before

QUOTE = re.compile(r"(?<!\w)[\"“”'‘’]([^\"“”‘’]+?)[\"“”'‘’](?=\s|$|[.,!?;:)])")
# a clause that says what a value is: "the gate code is 4471", "it's now x@y.z"
SAYS_VALUE = re.compile(r"\b(?:is|are|it's)\s+(?:now\s+)?\S*[\d@]", re.I)
TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# digits and hyphens, or seven digits or more in groups ("07700 900123", "(555) 010 0199")
PHONE = re.compile(r"(?<![\w-])(?:\+?\(?\d(?:(?:[-.]|\)?\s|\))?\d){6,}|\+?\d[\d-]{3,}\d)(?![\w-])")


def _letters(categories: frozenset[str]) -> str:
    """A regex class of the letters (of the Basic Multilingual Plane) in `categories`."""
    spans: list[str] = []
    start = None
    for cp in range(0x10001):
        inside = cp < 0x10000 and unicodedata.category(chr(cp)) in categories
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            spans.append(re.escape(chr(start)) + (f"-{re.escape(chr(cp - 1))}" if cp - 1 > start
                                                  else ""))
            start = None
    return "[" + "".join(spans) + "]"


# A letter that can begin a name: a capital of a cased alphabet ("Åsa", "Łukasz", "Ömer") or
# any letter of a script without case (黄丽, 서연, سارا, אורי): names are written in every script.
NAME_START = _letters(frozenset({"Lu", "Lt", "Lo"}))
NAME_WORD = NAME_START + r"[\w.'-]*"
NAMES = rf"{NAME_WORD}(?:\s+{NAME_WORD})*"  # "Åsa Lindqvist": name words in a row
_CAPS = rf"{NAME_START}[\w.]*(?:\s+{NAME_START}[\w.]*)*"
ADDRESS = re.compile(rf"\b\d+\s+{_CAPS}(?:,\s*{_CAPS})*")  # "12 Oak Street, Springfield"
NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*(%|percent\b)?", re.I)



_NEGATED_WISH = re.compile(r"^(?:i|we)\s+(?:(?:don'?t|do\s+not|no\s+longer)\s+(?:want|need)|"
                           r"(?:won'?t|will\s+not)\s+(?:be\s+(?:wanting|needing)|want|need))\s+"
                           r"(?!to\b)((?:(?!\.\s)[^,;!?])+?)(?:\s+(?:right\s+now|any\s?more|"
                           r"for\s+now|at\s+the\s+moment|today|tonight))?[\s.!]*$", re.I)


def wished_away(clause: str) -> str:
    """What a clause wishes away ("we no longer need the torch" -> "the torch"), or ""."""
    wish = _NEGATED_WISH.match(without_courtesy(clause).rstrip(" ,;"))
    return wish.group(1) if wish is not None else ""


def ends_something(verb: str) -> bool:
    """The verb asks for something to stop: an aspectual verb of ending ("stop syncing",
    "quit using"). (Prefixes are no guide: "uncheck", but "display", "understand".)"""
    return verb.lower().strip() in _ENDING


def is_name_word(word: str) -> bool:
    """The word can be (part of) a name: it begins as `NAME_START` says."""
    return re.match(NAME_START, word) is not None


def closed_class(words: str) -> frozenset[str]:
    """A closed class of English words, written as one space-separated string."""
    return frozenset(words.split())


# closed classes of English words
QUESTION_WORDS = closed_class("what what's whats which how when who whom whose where why")
AUXILIARIES = closed_class("is are was were am does do did can could has have had will would "
                        "should shall may might must isn't aren't doesn't don't didn't "
                        "hasn't haven't")
SUBJECTS = closed_class("i you we it he she they there this that these those my the a an your "
                     "any anything something someone")
_NOUN_PHRASE_STARTS = closed_class("the my your our his her their this that any")  # no verb
PERSONAL = closed_class("i you we they he she")
DEVICE_NOUNS = closed_class("phone device tablet mobile handset")  # the one the request is made on
_NEVER_ORDERS = closed_class("is are was were does did isn't aren't doesn't didn't")
_ENDING = closed_class("stop quit cease discontinue")  # aspectual verbs that end an activity
PARTICLES = closed_class("up down off on out away over back in rid")
# sounds and words said on their own, that tell nothing: "Ugh, ...", "ok so ..."
INTERJECTIONS = closed_class("ugh argh hm hmm mm oh ah aw ooh oops um uh er erm phew wow yay "
                             "yikes gosh jeez sigh welp meh ok okay alright yes yeah yep sure "
                             "well lol omg")
# past forms of the common irregular verbs whose base form is another word ("stuck", "ran",
# "forgot"): a clause that opens with one tells what happened, its subject left out
IRREGULAR_PAST = closed_class("stuck caught left lost kept held sent brought bought found stood "
                              "sat ran went came broke forgot woke told said made met saw heard "
                              "took gave fell drove rode flew wrote spoke ate drank slept began "
                              "swam won paid sold felt thought spent built lent knew grew threw "
                              "wore tore hid stole chose froze shook overslept")
PRONOUNS = closed_class("it them her him this that those these one")
# words that end a noun phrase rather than extend it
_PHRASE_ENDS = (AUXILIARIES | SUBJECTS | PARTICLES | PRONOUNS
                | closed_class("and or but then so to as for with at by from of into onto "
                               "if when while please now too again"))
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _is_content(token: str | None) -> bool:
    return token is not None and token.lower() not in _PHRASE_ENDS and not token.isdigit()


def outside_relative(found: list[str]) -> list[str]:
    """A noun phrase's words (lower case) less a relative clause whose subject is a person:
    in "the code we use at the gate", "we use" says which code; it is no verb of the phrase."""
    for i in range(2, len(found)):
        if re.sub(r"'(?:ve|d|ll)$", "", found[i]) in PERSONAL:
            end = i + 2 + (i + 1 < len(found) and found[i + 1] in AUXILIARIES)  # "we have kept"
            return found[:i] + found[end:]
    return found


def heads_only(clause: str) -> str:
    """The clause with the modifiers of its nouns left out: a content word directly before
    another is dropped ("email the Bluetooth manual" -> "email the manual"). The verb,
    the first word, stays."""
    tokens = _TOKEN.findall(clause)
    return " ".join(t for i, t in enumerate(tokens)
                    if i == 0 or not (_is_content(t) and i + 1 < len(tokens)
                                      and _is_content(tokens[i + 1])))


def modifiers_of(name: str, text: str) -> set[str]:
    """The content words that `text` says directly before a word of `name` and that `name`
    lacks ("lab" in "onto the lab Wi-Fi", for "Wi-Fi"); hyphens and "'s" do not count, nor a
    verb after "to" ("to reach Anna")."""
    def bare(t: str) -> str:
        return re.sub(r"['’]s$", "", t.lower().replace("-", ""))
    own = {bare(t) for t in _TOKEN.findall(name)}
    said = [bare(t) for t in _TOKEN.findall(text)]
    return {said[i - 1] for i in range(1, len(said)) if said[i] in own
            and said[i - 1] not in own and _is_content(said[i - 1])
            and (i < 2 or said[i - 2] != "to")}


def only_modifies(name: str, text: str) -> bool:
    """Whether `name` occurs in `text` only as a modifier: each time it is followed by a
    content word, which is then the head of the phrase ("the Wi-Fi note" is a note, "the
    alarm sound" a sound). False when it does not occur."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    named = [t.lower() for t in _TOKEN.findall(name)]
    ends = [i + len(named) for i in range(len(tokens) - len(named) + 1)
            if named and tokens[i:i + len(named)] == named]
    return bool(ends) and all(i < len(tokens) and _is_content(tokens[i]) for i in ends)


# courtesy around a request: openers that ask for the request, and words that soften it
_OPENER = re.compile(
    r"^(?:(?:please|pls|kindly|just|ok(?:ay)?|hey|hi|hello|so|now|also|oh|um|well|"
    r"would\s+you\s+mind|(?:would|could)\s+you\s+be\s+so\s+kind\s+as\s+to|be\s+able\s+to|"
    r"(?:are|were)\s+(?:you|u)\s+able\s+to|is\s+it\s+possible\s+(?:for\s+(?:you|u)\s+)?to|"
    r"(?:(?:can|could|would|will)\s+(?:you|u|(?:the|my|this)\s+(?:phone|device|tablet|handset))"
    r"(?:\s+please)?(?:\s+(?:just|quickly|go\s+and))?)|"  # the listener, or the device itself
    r"(?:i\s+)?(?:need|want)\s+you\s+to|i'?d\s+like\s+you\s+to|go\s+ahead\s+and|let'?s|"
    r"help\s+me|actually|(?:yes|yeah|yep|sure|alright|right|no|nope)(?=\s*,))"  # a reply's
    r"\b[\s,]*)+", re.I)  # word, said before the request with a comma, asks for nothing
_CLOSER = re.compile(r"[\s,]*\b(?:please|pls|for\s+me|thanks|thank\s+you|thx|(?:for\s+)?now|asap|"
                     r"for\s+(?:the\s+time\s+being|a\s+while)|"
                     r"right\s+now|real\s+quick|if\s+you\s+can|if\s+possible)"
                     r"\s*[.!?]*\s*$", re.I)
_THANKS = re.compile(r"\b(?:thanks|thank\s+you|thx)\W*$", re.I)
# "..., would you?": a tag that asks for the order before it, no question of its own
_TAG = re.compile(r",\s*(?:would|could|will|can|won't)\s+(?:you|u)(?:\s+please)?\s*[?.!]*\s*$",
                  re.I)
_ONLY_ADDRESSED = re.compile(rf"[a-z]+(?:\s+(?:back|to))*\s+{NAMES}")  # "reply to Ann"
def quoted(text: str) -> list[str]:
    return [m.group(1).strip() for m in QUOTE.finditer(text)]


def strip_quotes(text: str) -> str:
    return QUOTE.sub(" ", text)


def without_pictographs(text: str) -> str:
    """`text` with its pictographs (emoji, symbols) read as the pause they stand for between
    two clauses ("Late again 😩 tell Mia ..." -> "Late again, tell Mia ..."), and dropped
    where no words follow."""
    marks = "".join(sorted({c for c in text if unicodedata.category(c) in ("So", "Sk")}))
    if not marks:
        return text
    run = rf"[\s{re.escape(marks)}\ufe0f\u200d]*[{re.escape(marks)}][\s\ufe0f\u200d]*"
    text = re.sub(rf"(?<=\w)\s*{run}(?=\w)", ", ", text)
    return " ".join(re.sub(run, " ", text).split())


def without_courtesy(text: str) -> str:
    """The request without the words that ask for it politely ("could you please ... for
    me?") and without the closing punctuation a statement does not need. A question mark
    stays: "is it on right now?" is still a question once "right now" is set aside."""
    text = _TAG.sub("", " ".join(text.split()))
    asked = text.endswith("?")
    previous = None
    while previous != text:
        previous = text
        text = _OPENER.sub("", text).strip()
        closed = _CLOSER.sub("", text).strip()
        if not (_ONLY_ADDRESSED.fullmatch(closed) and _THANKS.search(text)):
            text = closed  # "text Ann thank you": the thanks is the words to send
    plain = text.rstrip(" .!") or previous.rstrip(" .!")
    return f"{plain}?" if asked and not plain.endswith("?") else plain


_WHEN_CLOSER = re.compile(r"[\s,]*\b(?:(?:for\s+|right\s+)?now|for\s+(?:the\s+time\s+being|"
                          r"a\s+while))\s*[.!?]*\s*$", re.I)


def courteous(text: str) -> bool:
    """Words around the clause ask for it ("please", "could you ...", "thanks"); a word of
    time that ends it ("... starting now") asks nothing."""
    text = _WHEN_CLOSER.sub("", text)
    return without_courtesy(text).rstrip(" ,;").rstrip(" .!") != text.rstrip(" .!,;")


def _first_word(text: str) -> str:
    return text.split()[0].lower().strip(",.?!") if text.split() else ""


def is_question(clause: str, asked: bool) -> bool:
    """A question: a question word first, or an auxiliary before its subject ("is wifi on",
    "do you have") or any "is", "does" ... (no order opens so); `asked`: the person ended it
    with a question mark. Without it "have"/"do" before a thing is an order ("do a backup")."""
    words = clause.lower().split()
    if not words:
        return False
    first = words[0].strip(",")
    if first in ("when", "where", "how") and not asked and len(words) > 1 and (
            words[1] in SUBJECTS | PERSONAL):  # "When I get home, ...": a clause of time,
        return False  # its subject before its verb; a question puts the verb first
    if first in QUESTION_WORDS or (first.endswith("'s") and first[:-2] in QUESTION_WORDS):
        return True
    if asked and (first in _NOUN_PHRASE_STARTS or re.fullmatch(r"[a-z]{3,}est|most|least", first)):
        return True  # "priciest lamp you stock?", "my next alarm?": a thing asked about
    if first in AUXILIARIES and len(words) > 1:
        if first in ("have", "do") and not asked:  # "have the alarm ring at 7", "do the
            return words[1] in PERSONAL  # update": orders, unless a person is its subject
        return asked or words[1] in SUBJECTS or first in _NEVER_ORDERS
    return False


def verb_phrase(clause: str) -> str:
    """The clause's verb and the particles that belong to it: "shut off", "get rid of", and
    a particle after the object when it ends the clause or comes before "of" ("turn Wi-Fi
    off" -> "turn off", "take the mug out of the cart" -> "take out"). A name the clause gives
    its new item is no part of it ("set an alarm and call it Lights out": no "set out")."""
    words = [w.lower().strip(",.:;!?") for w in strip_quotes(without_given_name(clause)).split()]
    if not words:
        return ""
    out = [words[0]]
    for w in words[1:3]:
        if w not in PARTICLES and not (w == "of" and out[-1] == "rid"):
            break
        out.append(w)
    if len(out) == 1:
        later = [i for i, w in enumerate(words[2:], 2) if w in PARTICLES and (
            i == len(words) - 1 or words[i + 1] == "of")]
        if later:
            out.append(words[later[0]])
    return " ".join(out)


def object_article(clause: str) -> str:
    """The first word of the verb's object, lower case ("set me an alarm" -> "an")."""
    words = [w.lower() for w in strip_quotes(clause).split()]
    rest = words[len(verb_phrase(clause).split()):]
    while rest and rest[0] in ("me", "us", "him", "her", "them") and len(rest) > 1:
        rest = rest[1:]
    return rest[0] if rest else ""


_AFTERTHOUGHTS = frozenset(("though", "anyway", "again", "instead", "too", "then"))


def particle_state(clause: str) -> bool | None:
    """On or off when the verb's particle or the clause's last word says it ("turn wifi
    off", "flip on bluetooth"); None otherwise. A quotation is a word of the clause: in
    "jot 'milk' on my list" the "on" is no particle."""
    words = [w.lower().strip(",.!?") for w in QUOTE.sub(" \"\" ", clause).split()]
    while len(words) > 2 and words[-1] in _AFTERTHOUGHTS:
        words.pop()  # "switch it on though": the last word is said of the whole order
    if len(words) < 2:
        return None
    for w in (words[1], words[-1]):
        if w in ("on", "off"):
            return w == "on"
    return None
