"""The agent loop: observe, perceive, decide, resolve, gate, execute, settle, verify, record.

Errors are sorted by fault:
- the planner's mistakes (`ParseError`, an `InvalidTarget`, an `ActionRejected`) and the
  person's refusals go on the step and are fed back through the history; too many in a row
  end the episode as `failure`;
- the device failing (`DeviceError`, an unreadable screen), the planner failing
  (`PlannerError`: a model server unreachable after its retries) or the disk failing
  (`RecordingError`) ends it as `infrastructure`, with the reason;
- anything else is our bug and raises (the recorder keeps what was written).

Text typed into a password field reaches the device as it is; the loop notes it on the step
(`Step.secrets`), so that every record and line written afterwards masks it
(`automator.secrets`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from automator.config import LoopConfig
from automator.errors import InvalidTarget, RecordingError
from automator.goal_requests import GoalRequests
from automator.recording import Recorder
from automator.resolve import resolve
from automator.safety import Confirm, gate
from automator.secrets import mask, typed_secret
from automator.trajectory import Outcome, Step, Trajectory, Verdict, Verification
from automator.verify import Capture, Snapshot, capture, settle, verify
from devices.actions import Action, Finish, FinishStatus, describe
from devices.device import Device
from devices.errors import ActionRejected, DeviceError
from perception import perceive, signature
from perception.errors import PerceptionError
from perception.sensitive import target_element
from planners.errors import ParseError, PlannerError
from planners.planner import Briefed, Consents, Decision, Planner
from planners.verify_prompt import ModelVerifier
from planners.verify_prompt import Verdict as ModelVerdict

log = logging.getLogger(__name__)

OnStep = Callable[[Step], None]


@dataclass(frozen=True)
class TaskEnd:
    """The task's own environment ended the episode (a benchmark page's timer or check)."""

    outcome: Outcome
    reason: str


Ended = Callable[[], TaskEnd | None]  # asked before every step
STUCK_HINT = "You seem stuck ({why}). Try something different."


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


@dataclass(frozen=True)
class _End:
    outcome: Outcome
    reason: str
    answer: str | None = None


class _Episode:
    """The mutable state of one running episode; `run_episode` is its only user."""

    def __init__(
        self,
        goal: str,
        device: Device,
        planner: Planner,
        config: LoopConfig,
        recorder: Recorder | None,
        confirm: Confirm | None,
        on_step: OnStep | None,
        ended: Ended | None = None,
    ) -> None:
        self.goal, self.device, self.planner, self.config = goal, device, planner, config
        self.recorder, self.confirm, self.on_step = recorder, confirm, on_step
        self.ended = ended
        self.requests = GoalRequests(goal)  # what the goal asks for, read when first needed
        self.steps: list[Step] = []
        self.end: _End | None = None
        self.started = time.time()
        self.deadline = time.monotonic() + config.max_seconds
        self.mistakes = 0  # planner mistakes and refusals in a row
        self.no_change = 0  # executed actions in a row that changed nothing
        self.repeats: Counter[tuple[str, str, str]] = Counter()
        self.warnings = 0  # times the planner was told it is stuck
        self.pending: dict[str, float] = {}  # timings of the next step, measured ahead
        self.secrets: list[str] = []  # typed into password fields: masked in every record

    # -- observing ------------------------------------------------------------------------

    def perceive(self, shot: Capture) -> Snapshot:
        start = time.perf_counter()
        try:
            screen = perceive(shot.observation)
        except PerceptionError as e:
            raise DeviceError(f"the device returned an unreadable screen: {e}") from e
        return Snapshot(shot, screen, signature(screen), _ms(start))

    # -- one step ---------------------------------------------------------------------------

    def step(self, before: Snapshot) -> Snapshot:
        """Decide and carry out one action; returns the screen the next step starts from."""
        index = len(self.steps)
        timings, self.pending = self.pending, {}
        files = self.save_observation(index, before, timings)
        base = Step(index, app=before.observation.app, screen_signature=before.signature,
                    screenshot=files[0], tree=files[1], timings=timings,
                    secrets=tuple(self.secrets))
        start = time.perf_counter()
        try:
            decision = self.planner.decide(self.goal, before.screen,
                                           [s.past() for s in self.steps])
        except ParseError as e:
            timings["decide"] = _ms(start)
            return self.mistake(replace(base, raw=e.raw), f"unreadable reply: {e}", before)
        except PlannerError as e:  # the model is unreachable, not mistaken
            timings["decide"] = _ms(start)
            self.end = _End(Outcome.INFRASTRUCTURE, f"the planner failed: {e}")
            self.commit(replace(base, error=str(e)))
            return before
        timings["decide"] = _ms(start)
        return self.act(replace(base, decision=decision), decision, before)

    def act(self, step: Step, decision: Decision, before: Snapshot) -> Snapshot:
        action = decision.action
        step = self.note_secret(step, action, before)
        if isinstance(action, Finish):
            self.finish(action)
            self.commit(replace(step, executed=action))
            return before
        start = time.perf_counter()
        try:
            resolved = resolve(action, before.screen)
        except InvalidTarget as e:
            return self.mistake(step, str(e), before)
        verdict = gate(resolved, before.screen, self.config.allow, self.confirm,
                       original=action, goal=self.requests)
        step.timings["resolve"] = _ms(start)  # includes the gate (and the person's answer)
        element = target_element(action, before.screen) or target_element(resolved, before.screen)
        step = replace(step, target=element.label if element is not None else "")
        if not verdict.allowed:
            refused = replace(step, refusal=verdict.refusal(), refusal_kind=verdict.kind())
            return self.mistake(refused, "", before)
        return self.execute(step, action, resolved, before)

    def note_secret(self, step: Step, action: Action, before: Snapshot) -> Step:
        """The step, marked when its action types into a password field."""
        secret = typed_secret(action, before.screen)
        if secret is None:
            return step
        if secret not in self.secrets:
            self.secrets.append(secret)
        return replace(step, typed_secret=True, secrets=tuple(self.secrets))

    def execute(self, step: Step, action: Action, resolved: Action, before: Snapshot) -> Snapshot:
        timings = step.timings
        start = time.perf_counter()
        try:
            executed = self.device.execute(resolved)
        except ActionRejected as e:
            timings["execute"] = _ms(start)
            return self.mistake(step, f"the device rejected {describe(resolved)}: {e}", before)
        timings["execute"] = _ms(start)
        start = time.perf_counter()
        cfg = self.config
        shot = settle(self.device, cfg.settle_interval_s, cfg.settle_timeout_s,
                      cfg.settle_max_captures, before=before.capture)
        timings["settle"] = _ms(start)
        after = self.perceive(shot)
        self.pending = {"perceive": after.perceive_ms}  # counted on the step that uses it
        start = time.perf_counter()
        verification = self.second_opinion(action, before, after, verify(action, before, after))
        timings["verify"] = _ms(start)
        self.mistakes = 0
        step = replace(step, executed=executed, verification=verification)
        self.commit(replace(step, note=self.stuck_note(step, after)))
        return after

    def second_opinion(self, action: Action, before: Snapshot, after: Snapshot,
                       checked: Verification) -> Verification:
        """When the tree and pixels could not confirm the action, a planner that can judge
        screenshots is asked; its verdict (and reason) reaches the planner in the history,
        which then retries, goes back or re-plans."""
        if checked.verdict not in (Verdict.NO_CHANGE, Verdict.UNEXPECTED) or not isinstance(
            self.planner, ModelVerifier
        ):
            return checked
        try:
            judged = self.planner.verify(self.goal, action, before.screen, after.screen)
        except PlannerError as e:  # a model mistake: keep the rule-based verdict
            log.info("model verification failed: %s", e)
            return checked
        reason = f" ({judged.reason})" if judged.reason else ""
        match judged.verdict:
            case ModelVerdict.WORKED:
                return replace(checked, verdict=Verdict.CHANGED,
                               detail=f"the model judged that it worked{reason}")
            case ModelVerdict.WRONG_PAGE:
                return replace(checked, verdict=Verdict.UNEXPECTED,
                               detail=f"the model judged it led to the wrong page{reason}; "
                                      "going back may help")
        return replace(checked, verdict=Verdict.NO_CHANGE,
                       detail=f"the model saw no effect{reason}")

    # -- bookkeeping --------------------------------------------------------------------------

    def mistake(self, step: Step, error: str, before: Snapshot) -> Snapshot:
        self.mistakes += 1
        step = replace(step, error=error)
        if self.mistakes >= self.config.max_mistakes:
            problem = step.refusal or step.error
            self.end = _End(Outcome.FAILURE,
                            f"{self.mistakes} planner mistakes or refusals in a row; "
                            f"the last: {problem}")
        self.commit(step)
        return before

    def stuck_note(self, step: Step, after: Snapshot) -> str:
        """Tell the planner it is stuck the first times; then give up."""
        verdict = step.verification.verdict if step.verification else Verdict.SKIPPED
        self.no_change = self.no_change + 1 if verdict == Verdict.NO_CHANGE else 0
        key = (step.screen_signature, describe(step.executed) if step.executed else "",
               after.observation.tree)
        self.repeats[key] += 1
        why = ""
        if self.no_change >= self.config.stuck_no_change:
            why = f"{self.no_change} actions in a row changed nothing"
        elif self.repeats[key] >= self.config.stuck_repeats:
            why = f"the same action on the same screen {self.repeats[key]} times"
        if not why:
            return ""
        if self.warnings >= self.config.stuck_warnings:
            self.end = _End(Outcome.FAILURE, f"stuck: {why}")
            return ""
        self.warnings += 1
        self.no_change = 0
        self.repeats.clear()
        return STUCK_HINT.format(why=why)

    def finish(self, action: Finish) -> None:
        if action.status == FinishStatus.SUCCESS:
            self.end = _End(Outcome.SUCCESS, "the planner finished the task", action.answer)
        elif action.status == FinishStatus.FAILURE:
            self.end = _End(Outcome.FAILURE, "the planner gave up"
                            + (f": {action.answer}" if action.answer else ""), action.answer)
        else:
            self.end = _End(Outcome.INFEASIBLE, action.answer or "the planner found the goal "
                            "infeasible", action.answer)

    def save_observation(self, index: int, snap: Snapshot, timings: dict[str, float]) -> tuple[
        str, str
    ]:
        if self.recorder is None:
            return "", ""
        start = time.perf_counter()
        files = self.recorder.save_observation(index, snap.observation, snap.screen)
        timings["record"] = _ms(start)
        return files

    def commit(self, step: Step) -> None:
        if self.recorder is not None:
            self.recorder.append(step)  # (its own time shows in the next step's wall clock)
        self.steps.append(step)
        log.info("step %d: %s", step.index, step.headline())
        if self.on_step is not None:
            self.on_step(step)

    # -- the episode --------------------------------------------------------------------------

    def budget_end(self) -> _End | None:
        told = self.ended() if self.ended is not None else None
        if told is not None:
            return _End(told.outcome, told.reason)
        if len(self.steps) >= self.config.max_steps:
            return _End(Outcome.MAX_STEPS, f"used all {self.config.max_steps} steps")
        if time.monotonic() >= self.deadline:
            return _End(Outcome.FAILURE, f"ran out of time ({self.config.max_seconds:g} s)")
        return None

    def loop(self) -> None:
        if isinstance(self.planner, Briefed):  # what the gate will refuse, known beforehand
            self.planner.brief(Consents(frozenset(self.config.allow), self.confirm is not None))
        shot = capture(self.device)
        before = self.perceive(shot)
        self.pending = {"capture": shot.ms, "perceive": before.perceive_ms}
        while self.end is None:
            self.end = self.budget_end()
            if self.end is None:
                before = self.step(before)

    def run(self, trajectory: Trajectory) -> Trajectory:
        try:
            if self.recorder is not None:
                self.recorder.start(trajectory, self.config.to_dict())
            self.loop()
        except DeviceError as e:
            self.end = _End(Outcome.INFRASTRUCTURE, f"device failure: {e}")
        except RecordingError as e:
            self.end = _End(Outcome.INFRASTRUCTURE, f"recording failure: {e}")
        except KeyboardInterrupt:
            self.end = _End(Outcome.ABORTED, "interrupted")
        finally:
            end = self.end or _End(Outcome.ABORTED, "the loop stopped on an internal error")
            trajectory = replace(trajectory, steps=tuple(self.steps), outcome=end.outcome,
                                 reason=mask(end.reason, self.secrets), answer=end.answer,
                                 ended=time.time())
            if self.recorder is not None:
                self.recorder.finish(trajectory)
        log.info("episode ended: %s (%s)", trajectory.outcome, trajectory.reason)
        return trajectory


def run_episode(
    goal: str,
    device: Device,
    planner: Planner,
    config: LoopConfig | None = None,
    recorder: Recorder | None = None,
    confirm: Confirm | None = None,
    on_step: OnStep | None = None,
    ended: Ended | None = None,
) -> Trajectory:
    """Run the agent on `goal` until it finishes, gives up, or a budget runs out.

    `confirm(category, description)` is asked before sensitive actions whose category is not
    in `config.allow`, and before calls, messages, deletions, payments and overwrites the
    goal does not ask for (`automator.safety`); without it they are refused, and the reason
    reaches the planner on the step. `on_step` sees every step as it is recorded. `ended()`,
    asked before every step, lets the task's environment end the episode. Device and disk
    failures end the episode as `infrastructure`; our own bugs raise.
    """
    config = config or LoopConfig()
    episode = _Episode(goal, device, planner, config, recorder, confirm, on_step, ended)
    trajectory = Trajectory(goal=goal, device=device.name, planner=planner.name,
                            started=episode.started)
    return episode.run(trajectory)
