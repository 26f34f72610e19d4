"""Reading answers off the screen: the value a question asks for (by its shape: an e-mail, a
price, a time), the value shown with a label ("Key: value", a row's summary), and the state of
a switch for a yes/no question ("is bluetooth on?").

Each function returns a finishing `Decision` with the answer, or None when this screen does
not show it (then the planner navigates on).
"""

from __future__ import annotations

import re

from perception.merge import SEPARATOR
from planners.embedded.acts import MATCH, entity_here, finish
from planners.embedded.goal import Goal
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.planner import Decision

_VALUE_PATTERNS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    "phone": re.compile(r"\+?\(?\d[\d\s().-]{5,}\d"),
    "version": re.compile(r"\b\d+(\.\d+)*\b"),
    "time": re.compile(r"\b\d{1,2}:\d{2}\s*([AaPp]\.?[Mm]\b\.?)?|\b\d{1,2}\s*[AaPp]\.?[Mm]\b\.?"),
    "percent": re.compile(r"\b\d{1,3}(\.\d+)?\s?%"),
    "code": re.compile(r"\b[A-Z]{1,5}-?\d{3,}\b|#\d{3,}\b"),
    "date": re.compile(
        r"\b(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]*\.? \d{1,2}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)",
        re.I,
    ),
    "price": re.compile(r"[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?[$€£¥]"),
    "count": re.compile(r"\b\d+\b"),
}




def _value_of(label: Scored, view: View) -> str:
    """The value shown with a label: inside the same row (a row merged by perception keeps
    its summary line as the description), or just below / right of it."""
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
    ]
    near.sort(key=lambda s: (s.element.bounds.top - b.top, abs(s.element.bounds.left - b.left)))
    return near[0].element.label if near else ""


_KEY_COLON = re.compile(r":\s+")
# "the password for the studio", "the code of the gate": what the value belongs to
_FOR = re.compile(r"\b(?:for|of)\s+(?:the\s+|my\s+|our\s+)?([\w' -]+?)(?=[?.!,;]|\s+(?:in|on|"
                  r"from|at)\b|$)", re.I)


def _keyed_value(goal: Goal, view: View) -> str | None:
    """The value of a "Key: value" pair whose key is made of the question's words
    ("Password: loon-2024"). Perception joins a text's lines with spaces, so a value runs
    to the next key (the last word before the next colon), a comma or a semicolon. What the
    question says it is for must be on the page too: the password "for the studio" is not
    the one in a note about the shed."""
    wanted = words(goal.target)
    page = set().union(*(words(s.text) for s in view.scored))
    if not all(words(owner) <= page for owner in _FOR.findall(goal.text)):
        return None
    for s in view.scored:
        parts = _KEY_COLON.split(s.element.text)
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
            if value:
                return value
    return None


def answer(goal: Goal, view: View, at_best_page: bool) -> Decision | None:
    """Finish with the value the question asks for, when it is on this screen."""
    if goal.value_type == "state" and (state := switch_state(goal, view)) is not None:
        return state  # else a row that shows its state as text ("Data Saver / Off")
    keyed = _keyed_value(goal, view)
    if keyed is not None:
        return finish(f"The screen says {keyed!r}.", answer=keyed)
    if not entity_here(goal, view):
        return None
    pattern = _VALUE_PATTERNS.get(goal.value_type or "")
    texts = sorted(view.scored, key=lambda s: -s.score)
    if pattern is not None and goal.value_type not in ("version", "count"):
        found = [(s, m) for s in texts if not s.element.editable
                 and (m := pattern.search(_shown(s)))]
        if found:
            s, m = max(found, key=lambda p: p[0].score + 0.2 * (len(p[0].element.label) > len(
                p[1].group(0)) + 3))
            if s.score < MATCH - 0.1 and not at_best_page:
                return None
            return finish(f"The screen shows {m.group(0)!r}.", answer=m.group(0).strip())
    labels = [s for s in texts if not s.element.editable and s.element.label]
    if not labels or labels[0].score < MATCH or not at_best_page:
        return None
    for label in [s for s in labels[:3] if s.score >= labels[0].score - 0.05]:
        value = _value_of(label, view)  # a heading and its row tie: the one with a value
        if pattern is not None and goal.value_type in ("version", "count"):
            m = pattern.search(value) or pattern.search(label.element.label)
            value = m.group(0) if m else ""
        if value:
            return finish(f"'{label.element.label}' shows {value!r}.", answer=value)
    return None


def _shown(s: Scored) -> str:
    """Everything an element shows: its label, its summary line and the texts inside it."""
    e = s.element
    return " ".join(dict.fromkeys(t for t in (e.label, e.description, s.context) if t))


def switch_state(goal: Goal, view: View) -> Decision | None:
    """A yes/no question about a switch, answered from the switch that matches it."""
    switches = [s for s in view.scored if s.element.checkable]
    best = view.best(switches)
    if best is None or best.score < MATCH:
        return None
    on = bool(best.element.checked)
    state = "on" if on else "off"
    yes = "yes" if on == (goal.desired is not False) else "no"
    name = best.text or "the switch"
    return finish(f"'{name}' is {state}.", answer=f"{yes}, {state}", confidence=best.score)
