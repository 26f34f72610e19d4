"""Recording a person: their own touches and keys, written step by step as an episode.

The person uses the device as always; a watch (devices.android_input) reads the input
events as they happen. Every step is written in the agent's own format (automator.recording)
with the screen as it was *before* the action: the recorder keeps a fresh capture of the
screen while the person looks at it (after each action has settled, and again after a quiet
while), and that capture becomes the step of whatever the person does next. `on_ready` is
called whenever that capture is ready: a person, or a test playing one, acts then.

A tap waits `double_tap_s` for a second one: two make one `double_tap` step.
Typing is one step: the keys pressed (a keyboard's, or taps on the soft keyboard) until the
person stops for `typing_idle_s`, presses Enter (the step's `submit`) or does something
else. Its text is what the focused field gained, read from the trees before and after (the
keys themselves where the field is gone, e.g. after Enter left the page).

The person ends the recording with `finish` (done, an answer, or infeasible, written as a
last `finish` step); Ctrl-C ends it as aborted, keeping every step before.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from automator.demo_actions import KERNEL_KEYS, gesture_action, gesture_record
from automator.errors import RecordingError
from automator.recording import Recorder
from automator.secrets import typed_secret
from automator.trajectory import Outcome, Step, Trajectory
from devices.actions import Action, DoubleTap, Finish, FinishStatus, PressKey, Tap, TypeText
from devices.errors import DeviceError
from devices.getevent import typed_char
from devices.observation import Observation
from devices.touch_reading import Gesture, GestureKind, KeyPress, StreamEnded, TouchDown
from perception.elements import Screen, UIElement
from perception.hit import element_record
from perception.perceive import perceive
from perception.signature import signature

log = logging.getLogger(__name__)

HUMAN = "human"
LATE = "the screen before this step was captured while the person was already acting"


@dataclass(frozen=True)
class RecordConfig:
    settle_s: float = 0.5  # s after an action before the next "before" screen is captured
    typing_idle_s: float = 1.0  # s without a keystroke that end a typed text
    refresh_s: float = 5.0  # s of quiet after which the "before" screen is captured again
    wheel_merge_s: float = 0.6  # s between a wheel's notches that still make one scroll
    double_tap_s: float = 0.4  # s a tap waits for a second one (0: never a double tap)


@dataclass(frozen=True)
class _Before:
    """A screen the person may act on next."""

    observation: Observation
    screen: Screen
    signature: str
    late: bool = False  # the person was already acting when it was taken


@dataclass(frozen=True)
class _PendingTap:
    """A tap that waits for a second one (a double tap) before it is written."""

    gesture: Gesture
    before: _Before
    action: Tap
    element: UIElement | None
    since: float  # s (monotonic) when it came


@dataclass
class _Typing:
    before: _Before  # the screen when the first key was pressed
    keys: list[KeyPress] = field(default_factory=list)
    last: float = 0.0  # s (monotonic) of the last key


class _Stop:
    """The person stopped the recording."""


_STOP = _Stop()


class Demonstration:
    """One recording of a person doing `goal` on `device` (see the module docstring).

    `watch` reads the person's input: `start(inbox)`, `orient(screen, rotation)`,
    `keyboard(tree)` (the soft keyboard's box, or None) and `close()`."""

    def __init__(self, goal: str, device: Any, watch: Any, recorder: Recorder,
                 config: RecordConfig | None = None,
                 on_step: Callable[[Step], None] | None = None,
                 on_ready: Callable[[], None] | None = None) -> None:  # fmt: skip
        self.goal = goal
        self.device = device
        self.watch = watch
        self.recorder = recorder
        self.config = config or RecordConfig()
        self.on_step = on_step
        self.on_ready = on_ready
        self.inbox: queue.Queue[Any] = queue.Queue()
        self.steps: list[Step] = []
        self.secrets: tuple[str, ...] = ()  # typed into password fields so far: never stored
        self.typing: _Typing | None = None
        self.end: tuple[Outcome, str, str | None] | None = None
        self.before: _Before | None = None
        self._last_wheel: Gesture | None = None
        self.pending: _PendingTap | None = None

    def finish(self, action: Finish) -> None:
        """The person's closing word (from any thread)."""
        self.inbox.put(action)

    def stop(self) -> None:
        """End the recording as aborted, as Ctrl-C does (from any thread)."""
        self.inbox.put(_STOP)

    # --- the recording ------------------------------------------------------------------------

    def run(self) -> Trajectory:
        trajectory = Trajectory(goal=self.goal, device=self.device.name, planner=HUMAN,
                                started=time.time(), author=HUMAN)  # fmt: skip
        try:
            self.recorder.start(trajectory, {"demonstration": asdict(self.config)})
            self.before = self._capture()
            self.watch.start(self.inbox.put)
            self._ready()
            while self.end is None:
                self._next()
        except DeviceError as e:
            self.end = (Outcome.INFRASTRUCTURE, f"device failure: {e}", None)
        except RecordingError as e:
            self.end = (Outcome.INFRASTRUCTURE, f"recording failure: {e}", None)
        except KeyboardInterrupt:
            self.end = (Outcome.ABORTED, "the person stopped the recording", None)
            self._keep_last_words()
        finally:
            self.watch.close()
            outcome, reason, answer = self.end or (Outcome.ABORTED, "stopped on an error", None)
            trajectory = replace(trajectory, steps=tuple(self.steps), outcome=outcome,
                                 reason=reason, answer=answer, ended=time.time())
            self.recorder.finish(trajectory)
        return trajectory

    def _keep_last_words(self) -> None:
        """On the way out, write down a tap or a text still waiting, if that can be done."""
        try:
            self._flush_tap(then_capture=False)
            self._keep_typing()
        except (DeviceError, RecordingError, KeyboardInterrupt) as e:
            log.warning("the last action could not be written: %r", e)

    def _next(self) -> None:
        try:
            item = self.inbox.get(timeout=self._quiet_for())
        except queue.Empty:
            return self._quiet()
        match item:
            case Finish():
                self._end(item)
            case _Stop():
                raise KeyboardInterrupt
            case StreamEnded(reason=reason):
                raise DeviceError(reason)
            case TouchDown():
                pass
            case Gesture():
                self._gesture(item)
            case KeyPress():
                self._key(item)
        return None

    def _quiet_for(self) -> float:
        if self.pending is not None:
            return max(0.0, self.pending.since + self.config.double_tap_s - time.monotonic())
        if self.typing is not None:
            return max(0.0, self.typing.last + self.config.typing_idle_s - time.monotonic())
        return self.config.refresh_s

    def _quiet(self) -> None:
        if self.pending is not None:
            self._flush_tap()
        elif self.typing is not None:
            self._end_typing()
            self._ready()
        elif self.inbox.empty():
            fresh = self._capture()
            if self.inbox.empty():  # nobody acted while it was taken: it is still "before"
                self.before = fresh

    # --- what the person did --------------------------------------------------------------

    def _gesture(self, gesture: Gesture) -> None:
        if self._same_scroll(gesture) or self._double_tap(gesture):
            return None
        self._flush_tap()
        before = self.typing.before if self.typing is not None else self._current()
        box = self.watch.keyboard(before.observation.tree)
        if gesture.kind == GestureKind.TAP and box is not None and _inside(box, gesture):
            return self._type_key(None, before)
        self._keep_typing()
        before = self._current()
        action, element = gesture_action(gesture, before.screen)
        if isinstance(action, Tap) and self.config.double_tap_s > 0:
            self.pending = _PendingTap(gesture, before, action, element, time.monotonic())
            return None
        self._commit(action, before, element, gesture_record(gesture))
        self._after_action()
        return None

    def _double_tap(self, gesture: Gesture) -> bool:
        pending = self.pending
        if pending is None or gesture.kind != GestureKind.TAP or not gesture.second_tap:
            return False
        self.pending = None
        record = {**gesture_record(pending.gesture), "kind": "double_tap"}
        self._commit(DoubleTap(pending.action.target), pending.before, pending.element, record)
        self._after_action()
        return True

    def _flush_tap(self, then_capture: bool = True) -> None:
        """A tap that no second tap followed is a tap."""
        pending, self.pending = self.pending, None
        if pending is not None:
            self._commit(pending.action, pending.before, pending.element,
                         gesture_record(pending.gesture))  # fmt: skip
            if then_capture:
                self._after_action()

    def _same_scroll(self, gesture: Gesture) -> bool:
        """A wheel turns in notches: the notches of one turn are one scroll."""
        last, self._last_wheel = self._last_wheel, None
        if gesture.kind != GestureKind.SCROLL:
            return False
        self._last_wheel = gesture
        return (last is not None and last.scroll == gesture.scroll
                and gesture.time - last.time <= self.config.wheel_merge_s)  # fmt: skip

    def _key(self, press: KeyPress) -> None:
        self._flush_tap()
        if _char(press) is not None or press.key == "KEY_BACKSPACE":
            return self._type_key(press, self._current())
        key = KERNEL_KEYS.get(press.key)
        if key is None:
            log.info("key %s: no action of the vocabulary; not recorded", press.key)
            return None
        if press.key == "KEY_ENTER" and self.typing is not None:
            self._end_typing(submit=True)
        else:
            self._keep_typing()
            self._commit(PressKey(key), self._current(), None, None)
        self._after_action()
        return None

    def _end(self, action: Finish) -> None:
        self._flush_tap()
        self._keep_typing()
        self._commit(action, self._current(), None, None)
        if action.status == FinishStatus.INFEASIBLE:
            reason = action.answer or "the person found the goal infeasible"
            self.end = (Outcome.INFEASIBLE, reason, action.answer)
        else:
            self.end = (Outcome.SUCCESS, "the person finished the task", action.answer)

    # --- typing ---------------------------------------------------------------------------

    def _type_key(self, press: KeyPress | None, before: _Before) -> None:
        if self.typing is None:
            self.typing = _Typing(before)
        if press is not None:
            self.typing.keys.append(press)
        self.typing.last = time.monotonic()

    def _keep_typing(self) -> None:
        """Write down the text being typed, if any, before something else happens."""
        if self.typing is not None:
            self._end_typing()

    def _end_typing(self, submit: bool = False) -> None:
        typing, self.typing = self.typing, None
        assert typing is not None
        if submit:
            self._settle()
        after = self._capture()
        field = _focused_field(typing.before.screen) or _focused_field(after.screen)
        old = field.text if field is not None else ""
        new = _field_text(field, after.screen)
        if field is not None and field.password:  # it shows dots: the keys tell what was typed
            old, new = "", _apply_keys("", typing.keys)
        elif new is None:  # the field is gone: the keys tell what was typed
            new = _apply_keys(old, typing.keys)
        self.before = after
        if new == old and not submit:
            log.info("keys pressed, but the focused field did not change: nothing recorded")
            return
        text = new[len(old) :] if new.startswith(old) else new
        action = TypeText(text, clear=not new.startswith(old), submit=submit)
        self._commit(action, typing.before, field, None)

    # --- steps ----------------------------------------------------------------------------

    def _commit(self, action: Action, before: _Before, element: UIElement | None,
                gesture: dict[str, Any] | None) -> None:  # fmt: skip
        index = len(self.steps)
        png, tree = self.recorder.save_observation(index, before.observation, before.screen)
        secret = typed_secret(action, before.screen)
        if secret is not None:  # stored and shown masked, as the agent's own steps are
            self.secrets += (secret,)
        step = Step(index=index, app=before.observation.app, screen_signature=before.signature,
                    screenshot=png, tree=tree, executed=action,
                    target=element.label if element is not None else "",
                    element=element_record(element) if element is not None else None,
                    gesture=gesture, note=LATE if before.late else "",
                    typed_secret=secret is not None, secrets=self.secrets)  # fmt: skip
        self.recorder.append(step)
        self.steps.append(step)
        log.info("step %d: %s", index, step.headline())
        if self.on_step is not None:
            self.on_step(step)

    def _after_action(self) -> None:
        self._settle()
        self.before = self._capture()
        self._ready()

    def _settle(self) -> None:
        if self.config.settle_s > 0:
            time.sleep(self.config.settle_s)

    def _capture(self) -> _Before:
        observation = self.device.capture()
        late = not self.inbox.empty()  # something came while the screen was being read
        screen = perceive(observation)
        self.watch.orient((observation.width, observation.height), observation.rotation)
        return _Before(observation, screen, signature(screen), late)

    def _current(self) -> _Before:
        assert self.before is not None
        return self.before

    def _ready(self) -> None:
        if self.on_ready is not None:
            self.on_ready()


def _inside(box: tuple[int, int, int, int], gesture: Gesture) -> bool:
    return box[0] <= gesture.start.x < box[2] and box[1] <= gesture.start.y < box[3]


def _focused_field(screen: Screen) -> UIElement | None:
    return next((e for e in screen.elements if e.focused and e.editable), None)


def _field_text(field: UIElement | None, after: Screen) -> str | None:
    """The field's text after typing, if it is still there (focused, at the same place)."""
    now = _focused_field(after)
    if now is None:
        return None
    if field is not None and (now.resource_id or field.resource_id):
        same = now.resource_id == field.resource_id
    else:
        same = field is None or now.bounds == field.bounds
    return now.text if same else None


def _apply_keys(text: str, keys: list[KeyPress]) -> str:
    for press in keys:
        if press.key == "KEY_BACKSPACE":
            text = text[:-1]
        else:
            text += _char(press) or ""
    return text


def _char(press: KeyPress) -> str | None:
    return press.char if press.char is not None else typed_char(press.key, press.shift)
