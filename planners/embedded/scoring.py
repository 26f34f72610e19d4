"""How well texts match a goal (embeddings + word overlap), and how valuable each remembered
page is for the goal (its own best match, or the best page it leads to, discounted per step)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from perception.merge import SEPARATOR
from planners.embedded.encoder import TextEncoder
from planners.embedded.goal import Goal
from planners.embedded.memory import BACK_KEY, AppMemory, MemElement

GAMMA = 0.9  # value discount per navigation step
LEXICAL_WEIGHT = 0.35  # weight of word overlap next to the cosine
REVERSED_FACTOR = 0.5  # what is left of the match of a name the request says the other way
NAMED_APP_BOOST = 1.2  # pages of an app the goal names; soft: "phone" may name an app by chance
ELSEWHERE_FACTOR = 0.5  # pages of other apps, where the goal says which app to look in
_WORD = re.compile(r"[a-z0-9@.+-]+|[^\W\d_]+", re.I)
_STOP_TEXT = "a an the my this that to for of on in at with and or is are be it its your me"
_STOP = frozenset(_STOP_TEXT.split())
_SEQUENCE = re.compile(r"[^\W\d_]+")  # the words of a name, in order
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "to-do", "wi-fi"; not "555-0133"


def words(text: str) -> set[str]:
    """Lower-case content words, with simple plural folding ("contacts" -> "contact"). A
    compound of letters joined by hyphens is its parts ("to-do" is "to do", a title people
    write either way); numbers, codes and addresses with hyphens stay whole."""
    out = set()
    for token in _WORD.findall(text.lower()):
        token = token.strip(".-")
        parts = token.split("-") if _COMPOUND.fullmatch(token) else [token]
        out |= {_folded(w) for w in parts if w and w not in _STOP}
    return out


def _folded(w: str) -> str:
    """The word with a plural ending folded away."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def lexical(goal_words: set[str], text: str) -> float:
    """Word overlap in [0, 1]: half how much of the goal it covers, half how much of it is goal."""
    ws = words(text)
    if not ws or not goal_words:
        return 0.0
    common = len(goal_words & ws)
    return 0.5 * common / len(goal_words) + 0.5 * common / len(ws)


@dataclass
class GoalMatcher:
    """Scores texts against one goal; embeddings come from a cached encoder."""

    goal: Goal
    encoder: TextEncoder

    def __post_init__(self) -> None:
        self.phrases = list(self.goal.phrases)
        self.vectors = self.encoder.encode(self.phrases)
        self.goal_words = words(self.goal.target)
        self.entity_words = [words(e) for e in self.goal.entities]
        self._cache: dict[str, float] = {}
        self._in_order = f" {' '.join(_SEQUENCE.findall(self.goal.text.casefold()))} "

    def cosines(self, texts: Sequence[str]) -> np.ndarray:
        """Best cosine of each text with any goal phrase."""
        if not texts:
            return np.zeros(0, np.float32)
        return (self.encoder.encode(list(texts)) @ self.vectors.T).max(axis=1)

    def prime(self, texts: Sequence[str], rows: np.ndarray | None = None) -> None:
        """Compute and cache scores for many texts at once (`rows`: their embeddings)."""
        todo = [t for t in dict.fromkeys(texts) if t and t not in self._cache]
        if not todo:
            return
        if rows is not None and len(rows) == len(texts) and len(todo) == len(texts):
            cos = (rows @ self.vectors.T).max(axis=1)
        else:
            cos = self.cosines(todo)
        for text, c in zip(todo, cos, strict=True):
            score = float(c) + LEXICAL_WEIGHT * self.lexical(text)
            self._cache[text] = score * REVERSED_FACTOR if self.reversed(text) else score
        parts = [p.strip() for t in todo if SEPARATOR in t for p in t.split(SEPARATOR)]
        if parts:
            self.prime([p for p in parts if p])

    def lexical(self, text: str) -> float:
        base = lexical(self.goal_words, text)
        ws = words(text)
        for entity in self.entity_words:
            if entity and entity <= ws:
                base = max(base, 0.8)
        return base

    def reversed(self, text: str) -> bool:
        """A name of two or three words that the request says in the other order ("Box
        lunch" where it asks about the "lunch box"): a compound names a kind of its last
        word, so the two are different things however alike their words."""
        said = _SEQUENCE.findall(text.casefold())
        if not 2 <= len(said) <= 3:
            return False
        asked = self._in_order
        return f" {' '.join(reversed(said))} " in asked and f" {' '.join(said)} " not in asked

    def score(self, text: str) -> float:
        if not text:
            return 0.0
        if text not in self._cache:
            self.prime([text])
        return self._cache[text]

    def element(self, label: str, context: str = "") -> float:
        """An element's match: its label's (or one of its merged parts'), or a little less for
        the texts drawn inside it."""
        best = self.score(label)
        parts = [p for p in label.split(SEPARATOR) if p.strip()]
        if len(parts) > 1:
            best = max(best, *(0.97 * self.score(p.strip()) for p in parts))
        return max(best, 0.9 * self.score(context) if context else 0.0)


def screen_relevance(matcher: GoalMatcher, elements: Sequence[MemElement],
                     nav: frozenset[str] = frozenset()) -> float:
    """A page's match: its best element, leaving out navigation found on most pages."""
    return max((matcher.element(e.label, e.context) for e in elements if e.key not in nav),
               default=0.0)


def named_apps(memory: AppMemory, goal_words: set[str]) -> dict[str, str]:
    """The apps whose label the goal says ("it's in my notes"): label -> package."""
    return {label: a["package"] for label, a in memory.apps.items()
            if words(label) and words(label) <= goal_words}


def places(text: str, labels: Iterable[str]) -> list[str]:
    """The app labels the request names as the place to look or write ("in Chatter", "from
    my notes", "to my contacts"), not as its object ("a new recipe")."""
    return [label for label in labels if re.search(
        r"\b(?:in|from|on|into|to|inside|within|using|via)\s+(?:the\s+|my\s+|your\s+)?"
        + re.escape(label.lower()), text.lower())]


_PLACE_AT_END = re.compile(r"\b(?:in|into|inside|onto)\s+(?:the\s+|my\s+|our\s+|your\s+)"
                          r"([a-z]+)\s*[.!?]?\s*$", re.I)


def holder_of_place(memory: AppMemory, text: str) -> frozenset[str]:
    """The app a request names by the place it ends on ("... in my cart", "... into the
    basket"): where that place is a word only one app's pages show, the request is for that
    app, and a thing it names that another app also shows (a setting called like the item)
    is not where to go. A place two apps show, or none, names no app."""
    m = _PLACE_AT_END.search(text)
    place = words(m.group(1)) if m else set()
    holders = {r.app for r in memory.screens.values()
               if place and any(place <= words(e.label) for e in r.elements if e.label)}
    return frozenset(holders) if len(holders) == 1 else frozenset()


def without_app_names(goal: Goal, labels: Iterable[str]) -> Goal:
    """The goal less the names of the apps it names as places ("in Chatter", "from my
    notes", "to my contacts"): they say where to look, not what to look for, so a page that
    lists the app ("Apps: Chatter") is no match for "the weekly high scores in Chatter". An
    app name that is the object ("a new contact", "how many notes") stays, and so does a
    target made only of app names."""
    drop = set().union(*(words(label) for label in places(goal.text, labels)))
    if not drop:
        return goal
    drop |= {"app", "application"}  # "in the Shop app": the word that says it is an app
    target = " ".join(w for w in goal.target.split() if not words(w) or not words(w) <= drop)
    entities = tuple(e for e in (_placed_out(x, drop) for x in goal.entities)
                     if not words(e) or not words(e) <= drop)
    return replace(goal, target=target or goal.target, entities=entities)


_PLACE_TAIL = re.compile(r"\s+(?:in|from|on|inside|within)\s+(?:the\s+|my\s+|our\s+|your\s+)?"
                         r"([\w' -]+?)\s*$", re.I)


def _placed_out(name: str, apps: set[str]) -> str:
    """An item's name less a place after it that is an app ("the ski kit inventory in my notes"
    is the ski kit inventory): where it is kept, not a word of its name."""
    m = _PLACE_TAIL.search(name)
    return name[:m.start()] if m and m.start() and words(m.group(1)) <= apps else name


def page_values(
    memory: AppMemory, matcher: GoalMatcher, named: frozenset[str] = frozenset(),
    place: frozenset[str] = frozenset(),
) -> tuple[dict[str, float], dict[str, float]]:
    """(relevance, value) per remembered page: value = max(relevance, GAMMA * best successor).
    The pages of the `named` apps count `NAMED_APP_BOOST` more; where the request names the
    apps to look in (`place`: "from my journal"), other apps' pages count `ELSEWHERE_FACTOR`:
    a page that merely resembles the request elsewhere is not where it said to look."""
    if memory.texts:
        matcher.prime(memory.texts, memory.matrix)
    nav = memory.common_keys()

    def factor(app: str) -> float:
        if app in named:
            return NAMED_APP_BOOST
        return ELSEWHERE_FACTOR if place else 1.0

    relevance = {sig: screen_relevance(matcher, r.elements, nav) * factor(r.app)
                 for sig, r in memory.screens.items()}
    return relevance, propagate(memory, relevance)


def propagate(
    memory: AppMemory, relevance: dict[str, float], exclude: str = ""
) -> dict[str, float]:
    """Values over forward transitions, never through page `exclude` (where the agent is:
    a path that comes back here is no progress)."""
    value = dict(relevance)
    for _ in range(12):
        changed = False
        for t in memory.transitions:
            if t.element == BACK_KEY or exclude in (t.source, t.target):
                continue
            candidate = GAMMA * value.get(t.target, 0.0)
            if candidate > value.get(t.source, 0.0) + 1e-6:
                value[t.source] = candidate
                changed = True
        if not changed:
            break
    return value
