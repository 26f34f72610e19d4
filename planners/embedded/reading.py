"""Reading answers off the screen: the value a question asks for (by its shape: an e-mail, a
price, a time), the value shown with a label ("Key: value", a row's summary), and the state of
a switch for a yes/no question ("is nfc on?").

Each function returns a finishing `Decision` with the answer, or None when this screen does
not show it (then the planner navigates on).
"""

from __future__ import annotations

import re
from dataclasses import replace

from perception.merge import SEPARATOR
from planners.embedded.acts import MATCH, entity_here, entity_rows, finish, open_entity, shown
from planners.embedded.answer_shape import (
    asks_level,
    asks_when,
    asks_who,
    is_help_text,
    is_sentence,
    with_its_day,
)
from planners.embedded.belonging import (
    FOR,
    names_whose,
    of_owner,
    owner_words,
    row_of,
    shows_owner,
    whose_words,
)
from planners.embedded.goal import Goal
from planners.embedded.lines import of_room_taker, on_named_line, room_taker
from planners.embedded.objects import FILLER
from planners.embedded.pairs import asked_phrase, unmarked_pairs
from planners.embedded.persons import said_line
from planners.embedded.replies import (
    is_key,
    kind_asked,
    row_state,
    shows_named_numbers,
    switch_state,
    total_due,
    which_holds,
)
from planners.embedded.scoring import words
from planners.embedded.senders import sender
from planners.embedded.sources import named_item
from planners.embedded.streets import STREET
from planners.embedded.view import Scored, View
from planners.planner import Decision

_VALUE_PATTERNS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    # a number of its own: digits glued to letters or dots are a build or a serial number
    "phone": re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{5,}\d(?!\.?\w)"),
    "version": re.compile(r"\b\d+(\.\d+)*\b"),
    # a clock time, not an offset ("GMT+09:00" is a time zone)
    "time": re.compile(r"(?<![+\-−])\b\d{1,2}:\d{2}\s*([AaPp]\.?[Mm]\b\.?)?|"
                       r"\b\d{1,2}\s*[AaPp]\.?[Mm]\b\.?"),
    "percent": re.compile(r"\b\d{1,3}(\.\d+)?\s?%"),
    # a code is made with digits: "RX-4471", "#5521", a one-time "583027"
    "code": re.compile(r"\b[A-Z]{1,5}-?\d{3,}\b|#\d{3,}\b|(?<![\d.,:/-])\b\d{4,8}\b(?![.,:/-]?\d)"),
    "date": re.compile(
        r"\b(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]*\.? \d{1,2}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)",
        re.I,
    ),
    "price": re.compile(r"[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?[$€£¥]"),
    "count": re.compile(r"\b\d+\b"),
    "size": re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:[KMGTP]i?B|bytes?)\b", re.I),
    "address": STREET,
}
# kinds of value with a shape of their own: an answer without that shape is not one of them
SHAPED = ("email", "phone", "time", "percent", "date", "price", "size", "address")


def shaped_part(value: str, kind: str | None, question: str = "") -> str:
    """The part of `value` that has the shape of the kind asked ("6:15 AM" of "6:15 AM alarm,
    Gym"), or the value as it is when the kind has no shape or none is found. A time that
    answers "when" keeps the day `value` states with it."""
    pattern = _VALUE_PATTERNS.get(kind or "") if kind in SHAPED else None
    m = pattern.search(value) if pattern is not None else None
    if m and kind == "time" and asks_when(question):
        return with_its_day(value, m.start(), m.end())
    return m.group(0).strip() if m else value




def _value_of(label: Scored, view: View) -> str:
    """The value shown with a label: inside the same row (a row merged by perception keeps
    its summary line as the description), or just below / right of it. Below a row that is
    a list's entry of its own (it opens the item) is the next entry or a section's letter,
    not its value; a lone letter is no value anywhere."""
    if label.context:
        return label.context
    e = label.element
    if e.text and e.description and e.description != e.text:
        return e.description.split(SEPARATOR)[0]
    b = label.element.bounds
    near = [
        s for s in view.scored
        if s.element.id != label.element.id and s.element.text and not s.element.clickable
        and not s.element.scrollable
        and s.element.bounds.top >= b.top - 4 and s.element.bounds.top <= b.bottom + b.height
        and (not e.clickable or b.contains(s.element.bounds.center))
        and len(s.element.label.strip()) > 1
    ]
    near.sort(key=lambda s: (s.element.bounds.top - b.top, abs(s.element.bounds.left - b.left)))
    return near[0].element.label if near else ""


_KEY_COLON = re.compile(r":\s+")
def _named_by(goal: Goal, key: set[str], order: list[str]) -> set[str]:
    """The words of the question before the key ("lake cabin router" of "the lake cabin
    router key"): what the value belongs to, or what kind of it is asked."""
    first = min((order.index(w) for w in key if w in order), default=0)
    return {w for w in order[:first] if w in words(goal.target)} - key


def _keyed_value(goal: Goal, view: View, strict: bool = False) -> str | None:
    """The value of a "Key: value" pair whose key is made of the question's words
    ("Password: loon-2024"). Perception joins a text's lines with spaces, so a value runs
    to the next key (the last word before the next colon), a comma or a semicolon.
    Of several keys the question names ("the Wi-Fi password"), the last one is what it asks
    for (an English noun phrase ends with its head, said before what names whose value it
    is: "the code for the gate" asks for a code, not a gate's). What the question says the value is
    for ("the password for the studio") must be on the page; in a list, on the row that
    holds the pair, and a row is not read when a word before the key ("the lake cabin router
    key") is shown by another row and not by this one. A `strict` question (its
    answer is sent or written elsewhere) also needs the words before the key shown."""
    wanted = words(goal.target)
    order = [w for token in goal.text.split() for w in words(token)]
    page = set().union(*(words(s.text) for s in view.scored))
    if not all(words(owner) <= page for owner in FOR.findall(goal.text)):
        return None
    found: list[tuple[int, str, set[str], Scored]] = []
    for s in view.scored:
        e = s.element  # a row keeps its summary line ("Wi-Fi: X Password: Y") apart
        summary = e.description if e.description and e.description != e.text else ""
        parts = _KEY_COLON.split(" ".join(t for t in (e.text, summary) if t))
        for i, head in enumerate(parts[:-1]):
            tail = head.split()[-3:]
            keys = [words(" ".join(tail[-n:])) for n in range(1, len(tail) + 1)]
            key = next((k for k in keys if k and k <= wanted), None)
            if key is None:
                continue
            value = parts[i + 1]
            if i + 2 < len(parts):  # the next key's word ends this value
                value = value.rpartition(" ")[0] or value
            value = re.split(r"[,;]", value)[0].strip()
            if goal.value_type == "code":  # a code is one word with digits; the rest is text
                value = next((w.strip(".!?") for w in value.split() if _DIGIT.search(w)), "")
            at = max((order.index(w) for w in key if w in order), default=-1)
            if value:
                found.append((at, value, key, s))
        for key, value in unmarked_pairs(" ".join(t for t in (e.text, summary) if t), goal):
            found.append((max(order.index(w) for w in key if w in order), value, key, s))
    owners = set().union(*(words(o) for o in FOR.findall(goal.text)),
                         named_item(goal.text) if strict else set())
    phrase = asked_phrase(goal)  # a key of the asked phrase before one of whose value it is
    for _at, value, key, s in sorted(found, key=lambda f: (not f[2] <= phrase, -f[0])):
        before = _named_by(goal, key, order)
        inside = row_of(s, view)
        whole = goal.value_type == "price"  # an item's price: where its whole name is shown
        if inside is None:  # the page of one item
            if (not strict or shows_owner(before, page)) and not (whole and before - page):
                return value
            continue
        row = inside
        if (strict and not shows_owner(before, row)) or (whole and before - row):
            continue
        others = page - row  # what the question names, shown by another row: its pair is there
        if owners <= row and not (before & others):
            return value
    return None


def answer(goal: Goal, view: View, at_best_page: bool, strict: bool = False
           ) -> Decision | None:
    """Finish with the value the question asks for, when it is on this screen. `strict`: the
    answer will be sent or written elsewhere, so what the question says it belongs to must
    be shown with it; a reply about an item named by its number comes from where the number
    is shown."""
    goal = kind_asked(goal)
    if not shows_named_numbers(goal, view):
        return None
    page = set().union(*(words(s.text) for s in view.scored))
    if strict and not named_item(goal.text) <= page:
        return None  # the item the value is to be read from is not on this screen
    if goal.value_type in (None, "state") and (state := row_state(goal, view)) is not None:
        return state
    if (held := which_holds(goal, view, at_best_page) or total_due(goal, view)) is not None:
        return held
    if goal.value_type == "state" and (state := switch_state(goal, view)) is not None:
        return state  # else a row that shows its state as text ("Data Saver / Off")
    keyed = _keyed_value(goal, view, strict)
    if keyed is not None and fits_kind(goal, keyed):
        return finish(f"The screen says {keyed!r}.", answer=keyed)
    if (who := sender(goal, view)) is not None:
        return who  # who sent it: a name, never what was said
    said = said_line(goal, view)  # what someone said: their message, not their name's line
    if said is not None and fits_kind(goal, value := shaped_part(said, goal.value_type,
                                                                 goal.text)):
        return finish(f"The conversation says {said!r}.", answer=value)
    if not entity_here(goal, view):
        return None
    named = _named_row(goal, view, strict)
    if named is not None:
        return named
    pattern = _VALUE_PATTERNS.get(goal.value_type or "")
    texts = sorted(view.scored, key=lambda s: -s.score)
    if pattern is not None and goal.value_type not in ("version", "count"):
        found = [(s, m) for s in texts if view.holds(s.element)
                 and (m := pattern.search(_shown(s))) and fits_kind(goal, m.group(0))
                 and of_owner(goal, s, view, strict)]
        found = of_room_taker(goal, on_named_line(goal, found, view), view)
        if found:
            s, m = max(found, key=lambda p: p[0].score + 0.2 * (len(p[0].element.label) > len(
                p[1].group(0)) + 3))
            if s.score < MATCH - 0.1 and not at_best_page and not names_whose(goal, s, view):
                return None
            found_value = (with_its_day(_shown(s), *m.span()) if goal.value_type == "time"
                           and asks_when(goal.text) else m.group(0).strip())
            return finish(f"The screen shows {found_value!r}.", answer=found_value)
    taker = room_taker(goal)  # "how much space are images using?": the Images line
    labels = [s for s in texts if not s.element.editable and s.element.label and (
        not taker or taker & words(s.element.label))]
    if not labels or labels[0].score < MATCH or not at_best_page:
        return None
    if strict and pattern is None and not words(labels[0].element.label) <= words(goal.target):
        return None  # a value sent elsewhere is read by its key ("Model" for "the model") or
        #   its shape, not guessed
    owners = set().union(*(words(e) for e in goal.entities))  # whose value: not its key
    for label in [s for s in labels[:3] if s.score >= labels[0].score - 0.05
                  and of_owner(goal, s, view, strict) and is_key(s.element.label)
                  and not (owners and words(s.element.label) <= owners)
                  and not _keys_another(goal, s.element.label)]:
        value = _value_of(label, view)  # a heading and its row tie: the one with a value
        if is_help_text(value):
            continue  # what the row is for, not what it holds
        if pattern is not None and goal.value_type in ("version", "count"):
            m = pattern.search(value) or pattern.search(label.element.label)
            value = m.group(0) if m else ""
        elif goal.value_type in SHAPED and pattern is not None:  # an e-mail, a time, a price:
            value = shaped_part(value, goal.value_type, goal.text) if pattern.search(  # text
                value) else ""  # of another shape is not the answer, nor what is around it
        elif _KEY_COLON.search(value) and ":" in value:
            value = ""  # "Network: X Password: Y" holds several values, not the one asked
        if value and fits_kind(goal, value):
            return finish(f"'{label.element.label}' shows {value!r}.", answer=value)
    return None


def _keys_another(goal: Goal, key: str) -> bool:
    """The key names another thing of the kind asked ("Phone number" for "my policy
    number"): the question, of no value kind the phone knows, says another word before the
    key's head."""
    said = re.findall(r"[a-z']+", key.lower())
    m = re.search(rf"\b([a-z]+)\s+{re.escape(said[-1])}s?\b", goal.text.lower()) if len(
        said) > 1 else None
    return goal.value_type is None and m is not None and m[1] not in said and m[1] not in FILLER


def _named_row(goal: Goal, view: View, strict: bool = False) -> Decision | None:
    """A row whose label is the very thing asked, in two words or more ("Time zone" for
    "which time zone is the phone in?"), answers with the value it shows, whatever its
    shape: a value of the shape the question's words suggest ("time"), found elsewhere
    ("2:20 PM"), is another thing's."""
    asked = words(goal.target)
    owners = set().union(*(words(e) for e in goal.entities))
    for s in sorted(view.scored, key=lambda s: -s.score):
        label = words(s.element.label)
        if len(label) < 2 or not label <= asked or label <= owners or s.element.editable:
            continue  # the name of whose value is asked ("Ana Ruiz") is not the thing asked
        value = _value_of(s, view)
        if value and not is_help_text(value) and not words(value) <= label and fits_kind(
                replace(goal, value_type=None), value) and of_owner(goal, s, view, strict):
            return finish(f"'{s.element.label}' shows {value!r}.",  # of the shape asked if
                          answer=shaped_part(value, goal.value_type, goal.text))  # it has one
    return None


_DIGIT = re.compile(r"\d")
_WHO = re.compile(r"^\s*(?:who|whom|whose)\b", re.I)
_WHERE = re.compile(r"^\s*where\b", re.I)
_WHOSE = re.compile(r"^\s*whose\b", re.I)
_OWNED = ("phone", "email")  # what a person has, never the person
_NOT_A_NAME = ("time", "price", "percent", "date")
_NOT_A_LEVEL = ("price", "time", "date", "email", "phone")


def fits_kind(goal: Goal, value: str) -> bool:
    """The value has the kind the question asks: the shape of an e-mail, a phone number, a
    time... when it asks for one; not a time, a price, a date or a percentage when it asks
    who (a name, though a sender may be a number or an address; never a sentence: that is
    what someone said); not a time or a date when it asks where (a place, or how far
    something has got); nor a number or an address when it asks whose one is (its owner
    is a person); a code has digits; a level ("how loud") is no price, time, date or
    address."""
    kind = goal.value_type
    if kind in SHAPED and (pattern := _VALUE_PATTERNS.get(kind)) and not pattern.search(value):
        return False
    if kind == "code" and not _DIGIT.search(value):
        return False  # "your", "is": a plain word is the text around a code, not the code
    if _WHOSE.match(goal.text) and any(_VALUE_PATTERNS[k].search(value) for k in _OWNED):
        return False  # "whose number is ...?" asks for its owner, not for a number
    if _WHERE.match(goal.text) and any(_VALUE_PATTERNS[k].fullmatch(value.strip())
                                       for k in ("time", "date")):
        return False
    if asks_level(goal.text) and any(_VALUE_PATTERNS[k].search(value) for k in _NOT_A_LEVEL):
        return False  # "how loud is ...?" asks for a level: what it costs is no level
    if _WHO.match(goal.text) or asks_who(goal.text):
        return not any(_VALUE_PATTERNS[k].fullmatch(value.strip()) for k in _NOT_A_NAME) and (
            not is_sentence(value))
    return True


def _shown(s: Scored) -> str:
    """Everything an element shows: its label, its summary line and the texts inside it."""
    e = s.element
    return " ".join(dict.fromkeys(t for t in (e.label, e.description, s.context) if t))


def open_asked(goal: Goal, view: View) -> Decision | None:
    """A question about a named item that this page lists but does not answer: open the
    item's row (its page holds the answer), when the row shows whose value is asked ("the
    beach house Wi-Fi password" is not on the row of another Wi-Fi note; "the email for Ida"
    is on Ida's)."""
    owner = owner_words(goal.text) or whose_words(goal)
    rows = [r for r in entity_rows(goal, view)
            if not owner or shows_owner(owner, words(shown(r)))]
    if not rows:
        return None
    return open_entity(goal, view)
