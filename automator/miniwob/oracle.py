"""A scripted MiniWoB++ planner that reads the task's DOM.

It exists only to prove the plumbing: that a point computed from the page lands on the
element (coordinates), that typing reaches the clicked field (focus, key events), and that
the loop, the device and the page agree on when an episode ends. It knows a handful of
tasks by their utterances and says it cannot do any other (finish: infeasible). It is
never a planner to measure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from devices.actions import Action, Finish, FinishStatus, Point, Tap, TypeText
from perception.elements import Screen
from planners.planner import Decision, PastStep

Dom = list[dict[str, Any]]
Match = Callable[[dict[str, Any]], bool]
ORDINALS = {"1st": 0, "2nd": 1, "3rd": 2, "4th": 3, "5th": 4}


@dataclass(frozen=True)
class Move:
    """One planned step: tap (or type `text` into) the `nth` element `match` accepts."""

    match: Match
    text: str | None = None
    nth: int = 0


@dataclass
class _Plan:
    goal: str
    moves: list[Move] = field(default_factory=list)


def _text(value: str) -> Match:
    return lambda e: e["text"] == value


def _tag(tag: str, text: str | None = None) -> Match:
    return lambda e: e["tag"] == tag and (text is None or e["text"] == text)


def _button(text: str) -> Match:
    return lambda e: e["tag"] == "button" and e["text"].lower() == text.lower()


def _input(**attrs: str) -> Match:
    return lambda e: (e["tag"] in ("input", "textarea")
                      and all(e.get(k) == v for k, v in attrs.items()))


def _choice(label: str) -> Match:
    return lambda e: e["tag"] == "input" and e["type"] in ("checkbox", "radio") and (
        e["label"] == label)


def _items(text: str) -> list[str]:
    """`A, B and C` -> [A, B, C]; `nothing` -> []."""
    if text.strip() == "nothing":
        return []
    return [w.strip() for w in re.split(r",\s*|\s+and\s+", text) if w.strip()]


def _select(m: re.Match[str], dom: Dom) -> list[Move]:
    """Checkboxes (`A, B and C`), or one radio button whose label may hold `and`."""
    radio = any(e["type"] == "radio" for e in dom)
    words = [m[1]] if radio else _items(m[1])
    return [*(Move(_choice(w)) for w in words), Move(_button("Submit"))]


PLANS: list[tuple[str, Callable[[re.Match[str], Dom], list[Move]]]] = [
    (r'^Click on the "(.+)" button\.$', lambda m, d: [Move(_button(m[1]))]),
    (r"^Click button (\S+)\.$", lambda m, d: [Move(_button(m[1]))]),
    (r"^Click button (\S+), then click button (\S+)\.$",
     lambda m, d: [Move(_button(m[1])), Move(_button(m[2]))]),
    (r"^Click the button\.$", lambda m, d: [Move(_tag("button"))]),
    (r'^Click on the link "(.+)"\.$', lambda m, d: [Move(_text(m[1]))]),
    (r"^Click on Tab #(\d+)\.$", lambda m, d: [Move(_tag("a", f"Tab #{m[1]}"))]),
    (r'^Enter "(.+)" into the text field and press Submit\.$',
     lambda m, d: [Move(_input(type="text"), m[1]), Move(_button("Submit"))]),
    (r'^Enter the password "(.+)" into both text fields and press submit\.$',
     lambda m, d: [Move(_input(id="password"), m[1]), Move(_input(id="verify"), m[1]),
                   Move(_button("Submit"))]),
    (r'^Enter the username "(.+)" and the password "(.+)" into the text fields and press '
     r"login\.$",
     lambda m, d: [Move(_input(id="username"), m[1]), Move(_input(id="password"), m[2]),
                   Move(_button("Login"))]),
    (r"^Focus into the textbox\.$", lambda m, d: [Move(_input())]),
    (r"^Focus into the (\d\w\w) input textbox\.$",
     lambda m, d: [Move(_input(), nth=ORDINALS[m[1]])]),
    (r"^Select (.+) and click Submit\.$", _select),
    (r'^Close the dialog box by clicking the "x"\.$',
     lambda m, d: [Move(lambda e: "ui-dialog-titlebar-close" in e["classes"])]),
]


def plan_for(utterance: str, dom: Dom) -> list[Move] | None:
    """The moves for a known utterance; None for a task the oracle does not know."""
    for pattern, build in PLANS:
        m = re.match(pattern, utterance)
        if m:
            return build(m, dom)
    return None


def _point(move: Move, dom: Dom) -> Point | None:
    found = [e for e in dom if move.match(e)]
    if len(found) <= move.nth:
        return None
    e = found[move.nth]
    return Point(int(e["x"] + e["w"] / 2), int(e["y"] + e["h"] / 2))


class MiniWoBOracle:
    """Scripted moves from the utterance, each aimed at the live DOM's element."""

    name = "miniwob-oracle"

    def __init__(self, dom: Callable[[], Dom]) -> None:
        self.dom = dom
        self._plan: _Plan | None = None

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        dom = self.dom()
        if self._plan is None or self._plan.goal != goal or not history:
            moves = plan_for(goal, dom)
            if moves is None:
                return Decision(Finish(FinishStatus.INFEASIBLE, None),
                                thought="the oracle does not know this task")
            self._plan = _Plan(goal, moves)
        done = sum(1 for h in history if h.action is not None)
        if done >= len(self._plan.moves):
            return Decision(Finish(), thought="all moves made")
        move = self._plan.moves[done]
        point = _point(move, dom)
        if point is None:
            return Decision(Finish(FinishStatus.FAILURE, None),
                            thought=f"no element for move {done + 1}")
        action: Action = Tap(point) if move.text is None else TypeText(move.text, point)
        return Decision(action, thought=f"move {done + 1} of {len(self._plan.moves)}")
