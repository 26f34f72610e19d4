"""Finding a recorded element again on a live screen, and telling whether two screens agree.

A replay cannot trust coordinates: another phone, another seed or an app update moves
things. So the element a recorded step acted on is described by what identifies it (resource
id, text, content description, role and class, where it was on the screen) and every element
of the live screen is scored against that description:

    resource id equal       +3 when no other element on the live screen has it, else +1
    text equal / contained  +3 / +1.5, and -3 when both have unrelated texts
    description the same    +2 / +1, and -2 when both have unrelated descriptions
    role equal, class equal +1, +0.5
    position                up to +1.5, falling to 0 at a quarter of the screen away

A unique resource id outweighs a renamed label ("Network & internet" is "Connections" on
another phone; its row keeps `category_network`), so the label penalties apply only when the
id does not settle it. The best candidate is taken when it scores at least `MIN_SCORE`; an
element with no id, text or description (an unlabelled icon) is found only by its role at
nearly the same place (a list, by being the only scrollable one of its role: `find_container`).
Anything less is a divergence, reported with the candidates.

Screens are compared by the sets of what perception reads on them (role and label, resource
ids), system bars aside and digits masked: `screen_similarity` is the Jaccard index of the
two sets. `SAME_SCREEN` is the threshold a replay holds screens to. Measured on the virtual
phone (seeds 0, 1, 3, 8; home, Settings and three of its pages, Contacts, Clock): two
different pages score at most 0.20; one page on another seed's layout (renamed, reordered
Settings categories, other network names) 0.38 to 1.0. A list of other data (another seed's
contacts) falls to 0.16: a replay is held to the recorded content, not only the layout.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from perception.elements import Bounds, Screen, UIElement
from perception.roles import is_keyboard_package, is_system_package

MIN_SCORE = 3.0  # the least score of an accepted match
NEAR = 0.05  # screen fractions: how close an unlabelled element must be to where it was
POSITION_RANGE = 0.25  # screen fractions: beyond this distance position adds nothing
SAME_SCREEN = 0.3  # least Jaccard similarity of two screens' element sets to be the same
_DIGITS = str.maketrans("0123456789", "##########")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _related(a: str, b: str) -> float:
    """1 when equal, 0.5 when one holds the other, 0 when unrelated (after normalising)."""
    a, b = _norm(a), _norm(b)
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    return 0.5 if len(short) >= 3 and short in long else 0.0


@dataclass(frozen=True)
class Wanted:
    """What identifies the element a recorded step acted on."""

    resource_id: str = ""
    text: str = ""
    description: str = ""
    role: str = ""
    class_name: str = ""
    where: tuple[float, float] | None = None  # its centre, as fractions of the screen

    @property
    def labelled(self) -> bool:
        return bool(self.resource_id or self.text or self.description)

    @classmethod
    def of(cls, element: UIElement, width: int, height: int) -> Wanted:
        """The description of an element of a recorded screen."""
        return cls(element.resource_id, _shown(element), element.description, element.role,
                   element.class_name, _fraction(element.bounds, width, height))

    @classmethod
    def from_dict(cls, data: dict[str, Any], width: int, height: int) -> Wanted:
        """A step's named element: the keys of `perception.render.element_json` (any may be
        missing; `bounds` is [left, top, right, bottom] in device pixels)."""
        bounds = data.get("bounds")
        where = None
        if isinstance(bounds, list | tuple) and len(bounds) == 4:
            where = _fraction(Bounds(*(int(v) for v in bounds)), width, height)
        text = data.get("hint") if data.get("editable") and data.get("hint") else (
            data.get("text"))
        return cls(str(data.get("resource_id") or ""), str(text or ""),
                   str(data.get("description") or ""), str(data.get("role") or ""),
                   str(data.get("class_name") or ""), where)

    def describe(self) -> str:
        parts = [f"{k}={v!r}" for k, v in (("id", self.resource_id), ("text", self.text),
                 ("description", self.description), ("role", self.role)) if v]
        if self.where is not None:
            parts.append(f"at ({self.where[0]:.2f}, {self.where[1]:.2f}) of the screen")
        return ", ".join(parts) or "an element"


def _shown(element: UIElement) -> str:
    """The text that names an element: a field's hint, not what was typed into it."""
    return element.hint if element.editable else element.text


def _fraction(bounds: Bounds, width: int, height: int) -> tuple[float, float]:
    c = bounds.center
    return (c.x / max(1, width), c.y / max(1, height))


@dataclass(frozen=True)
class Candidate:
    element: UIElement
    score: float
    reasons: tuple[str, ...]  # what agreed and what did not, for the divergence report

    def describe(self) -> str:
        e = self.element
        return (f"#{e.id} {e.role} {e.label!r} {e.bounds.as_list()} score {self.score:.1f} "
                f"({', '.join(self.reasons) or 'nothing in common'})")


def _distance(wanted: Wanted, element: UIElement, screen: Screen) -> float | None:
    if wanted.where is None:
        return None
    x, y = _fraction(element.bounds, screen.width, screen.height)
    return ((x - wanted.where[0]) ** 2 + (y - wanted.where[1]) ** 2) ** 0.5


def _label_score(name: str, want: str, have: str, weight: float, settled: bool
                 ) -> tuple[float, str]:
    if not want:
        return 0.0, ""
    related = _related(want, have) if have else 0.0
    if related:
        how = "equal" if related == 1.0 else "similar"
        return weight * related, f"{name} {how}"
    if have and not settled:
        return -weight, f"{name} differs"
    return 0.0, ""


def score(wanted: Wanted, element: UIElement, screen: Screen) -> Candidate:
    """How well `element` of the live `screen` fits the description (see the module doc)."""
    total, reasons = 0.0, []
    settled = False
    if wanted.resource_id and element.resource_id == wanted.resource_id:
        settled = sum(e.resource_id == wanted.resource_id for e in screen.elements) == 1
        total += 3.0 if settled else 1.0
        reasons.append("unique id" if settled else "shared id")
    for name, want, have, weight in (("text", wanted.text, _shown(element), 3.0),
                                     ("description", wanted.description, element.description,
                                      2.0)):
        points, why = _label_score(name, want, have, weight, settled)
        total += points
        reasons += [why] if why else []
    if wanted.role and element.role == wanted.role:
        total, reasons = total + 1.0, [*reasons, "role"]
    if wanted.class_name and element.class_name == wanted.class_name:
        total += 0.5
    distance = _distance(wanted, element, screen)
    if distance is not None:
        total += 1.5 * max(0.0, 1.0 - distance / POSITION_RANGE)
        reasons.append(f"{distance:.2f} away")
    return Candidate(element, round(total, 3), tuple(reasons))


def candidates(wanted: Wanted, screen: Screen, limit: int = 5) -> list[Candidate]:
    """The live elements that fit best, best first."""
    scored = [score(wanted, e, screen) for e in screen.elements if e.enabled]
    scored.sort(key=lambda c: (-c.score, c.element.bounds.area))
    return scored[:limit]


def accepted(wanted: Wanted, candidate: Candidate, screen: Screen) -> bool:
    """Whether the candidate is the element, not merely the least unlike it."""
    if wanted.labelled:
        return candidate.score >= MIN_SCORE
    distance = _distance(wanted, candidate.element, screen)
    return (candidate.element.role == wanted.role and distance is not None
            and distance <= NEAR)


def find(wanted: Wanted, screen: Screen) -> tuple[Candidate | None, list[Candidate]]:
    """The matching element of `screen` (None when none is good enough) and the candidates
    considered."""
    found = candidates(wanted, screen)
    best = found[0] if found and accepted(wanted, found[0], screen) else None
    return best, found


def find_container(wanted: Wanted, screen: Screen) -> tuple[Candidate | None, list[Candidate]]:
    """`find` among the scrollable elements, for a swipe or scroll: lists are few, so an
    unlabelled list is the live screen's only scrollable element of its role, wherever it
    is."""
    lists = tuple(e for e in screen.elements if e.scrollable)
    best, found = find(wanted, replace(screen, elements=lists))
    same_role = [c for c in found if c.element.role == wanted.role]
    if best is None and not wanted.labelled and len(same_role) == 1:
        best = same_role[0]
    return best, found


def screen_features(screen: Screen) -> frozenset[str]:
    """What a page shows, as a set: role and label of each element, and its resource id;
    system bars and the keyboard left out, digits masked (clocks, counters)."""
    features: set[str] = set()
    for e in screen.elements:
        if e.source != "tree" or is_system_package(e.package) or is_keyboard_package(e.package):
            continue
        label = (e.hint if e.editable else e.text or e.description)[:60]
        if label:
            features.add(f"{e.role}|{_norm(label).translate(_DIGITS)}")
        if e.resource_id:
            features.add(f"id|{e.resource_id}")
    return frozenset(features)


def screen_similarity(expected: Screen, found: Screen) -> float:
    """Jaccard index of the two screens' feature sets; 1.0 for two empty sets."""
    a, b = screen_features(expected), screen_features(found)
    return len(a & b) / len(a | b) if a or b else 1.0
