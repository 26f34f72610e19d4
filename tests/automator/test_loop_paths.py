"""The agent loop on the virtual phone: the happy path and every error path."""

from dataclasses import replace

import pytest
from automator_scripts import field, find, tap_labels

from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory
from automator.trajectory import Outcome, Verdict
from devices.actions import (
    ElementRef,
    Finish,
    FinishStatus,
    Point,
    Tap,
    TypeText,
    Wait,
)
from devices.errors import DeviceDisconnected
from devices.virtual.phone import VirtualPhone
from planners.errors import ParseError
from planners.planner import Refusal
from planners.scripted import ScriptedPlanner
from planners.verify_prompt import Verdict as ModelVerdict
from planners.verify_prompt import Verification as ModelVerification


def _wifi_on(screen, history):
    return tap_labels("Network", "Wi-Fi")("", screen, history)


@pytest.mark.sim
def test_a_scripted_episode_turns_wifi_on_and_verifies_the_toggle(config, tmp_path):
    phone = VirtualPhone(state={"system": {"wifi": False}}, app="settings")
    planner = ScriptedPlanner(lambda goal, screen, history: _wifi_on(screen, history))
    seen = []
    trajectory = run_episode("Turn on Wi-Fi", phone, planner, config,
                             recorder=Recorder(tmp_path), on_step=seen.append)
    assert trajectory.outcome == Outcome.SUCCESS
    assert phone.state()["system"]["wifi"] is True
    toggle = trajectory.steps[1]
    assert toggle.verification.verdict == Verdict.CHANGED
    assert "is now on" in toggle.verification.detail
    assert isinstance(toggle.executed.target, Point)  # the executed action holds points
    assert isinstance(toggle.decision.action.target, ElementRef)
    assert [s.index for s in seen] == [0, 1, 2]
    assert load_trajectory(tmp_path).to_dict() == trajectory.to_dict()


@pytest.mark.sim
def test_a_parse_error_is_recorded_and_fed_back(config):
    planner = ScriptedPlanner([ParseError("no action found", raw="I think I should tap"),
                               Wait(0.5)])
    trajectory = run_episode("anything", VirtualPhone(), planner, config)
    first = trajectory.steps[0]
    assert first.raw == "I think I should tap" and "no action found" in first.error
    assert first.executed is None
    _, history = planner.seen[1]
    assert "no action found" in history[0].error
    assert trajectory.outcome == Outcome.SUCCESS


@pytest.mark.sim
@pytest.mark.parametrize(
    ("action", "message"),
    [(Tap(ElementRef(999)), "no element #999"), (Tap(Point(5000, 10)), "off the 1080x2400")],
)
def test_bad_targets_are_mistakes_fed_back_and_nothing_runs(config, action, message):
    phone = VirtualPhone(app="settings")
    before = phone.state()
    planner = ScriptedPlanner([action])
    trajectory = run_episode("anything", phone, planner, config)
    step = trajectory.steps[0]
    assert message in step.error and step.executed is None
    assert message in planner.seen[1][1][0].error
    assert phone.state() == before


class FlakyPhone(VirtualPhone):
    """The virtual phone whose connection drops at the n-th action."""

    def __init__(self, fail_at: int, **kw):
        super().__init__(**kw)
        self.fail_at, self.actions = fail_at, 0

    def execute(self, action):
        self.actions += 1
        if self.actions >= self.fail_at:
            raise DeviceDisconnected("adb connection reset")
        return super().execute(action)


@pytest.mark.sim
def test_a_device_failure_ends_as_infrastructure_with_the_reason(config, tmp_path):
    planner = ScriptedPlanner([Wait(0.1), Wait(0.1), Wait(0.1)])
    trajectory = run_episode("anything", FlakyPhone(2), planner, config,
                             recorder=Recorder(tmp_path))
    assert trajectory.outcome == Outcome.INFRASTRUCTURE
    assert "adb connection reset" in trajectory.reason
    assert load_trajectory(tmp_path).outcome == Outcome.INFRASTRUCTURE
    assert len(load_trajectory(tmp_path).steps) == 1


@pytest.mark.sim
def test_stuck_is_told_once_then_the_loop_gives_up(config):
    # The date on the home screen is plain text: tapping it changes nothing.
    planner = ScriptedPlanner(lambda goal, screen, history: Tap(ElementRef(0)))
    trajectory = run_episode("anything", VirtualPhone(), planner, config)
    assert trajectory.outcome == Outcome.FAILURE
    assert trajectory.reason.startswith("stuck:")
    notes = [s.note for s in trajectory.steps if s.note]
    assert len(notes) == 1 and "stuck" in notes[0]
    told = [h for h in planner.seen[-1][1] if "stuck" in h.outcome]
    assert told, "the planner must be told it is stuck before the loop gives up"
    assert len(trajectory.steps) == 2 * config.stuck_no_change


@pytest.mark.sim
def test_the_step_budget_ends_as_max_steps(config):
    planner = ScriptedPlanner(lambda goal, screen, history: Wait(0.1))
    trajectory = run_episode("anything", VirtualPhone(), planner, replace(config, max_steps=4))
    assert trajectory.outcome == Outcome.MAX_STEPS and len(trajectory.steps) == 4


@pytest.mark.sim
def test_too_many_mistakes_in_a_row_end_as_failure(config):
    planner = ScriptedPlanner(lambda goal, screen, history: Tap(ElementRef(999)))
    trajectory = run_episode("anything", VirtualPhone(), planner, config)
    assert trajectory.outcome == Outcome.FAILURE
    assert len(trajectory.steps) == config.max_mistakes
    assert "no element #999" in trajectory.reason


@pytest.mark.sim
def test_infeasible_finish_keeps_the_answer(config):
    answer = "There is no such setting"
    planner = ScriptedPlanner([Finish(FinishStatus.INFEASIBLE, answer)])
    trajectory = run_episode("Turn on warp drive", VirtualPhone(), planner, config)
    assert trajectory.outcome == Outcome.INFEASIBLE and trajectory.answer == answer


def test_giving_up_ends_as_failure_with_the_reason(config):
    planner = ScriptedPlanner([Finish(FinishStatus.FAILURE, "I could not find the setting")])
    trajectory = run_episode("Turn on Wi-Fi", VirtualPhone(), planner, config)
    assert trajectory.outcome == Outcome.FAILURE
    assert "gave up" in trajectory.reason and "could not find" in trajectory.reason


@pytest.mark.sim
def test_typing_is_verified_against_the_field(config):
    phone = VirtualPhone(app="shop")
    planner = ScriptedPlanner(lambda goal, screen, history: None if history else TypeText(
        "mug", ElementRef(field(screen))))
    trajectory = run_episode("search a mug", phone, planner, config)
    typed = trajectory.steps[0]
    assert typed.verification.verdict == Verdict.CHANGED, typed.verification
    assert "holds the text" in typed.verification.detail


SHOP_WITH_CART = {"shop": {"cart": [{"product": "Coffee Mug", "qty": 1}]}}


def _checkout_and_pay(goal, screen, history):
    done = [h for h in history if h.action is not None or h.error]
    if any("refused" in h.error for h in history):
        return Finish(FinishStatus.INFEASIBLE, "payment refused")
    steps = [
        lambda: Tap(ElementRef(find(screen, "Cart"))),
        lambda: Tap(ElementRef(find(screen, "Checkout"))),
        lambda: TypeText("1 Main St, Springfield", ElementRef(field(screen))),
        lambda: Tap(ElementRef(find(screen, "Pay $"))),
    ]
    return steps[len(done)]() if len(done) < len(steps) else None


@pytest.mark.sim
def test_paying_needs_consent_and_a_refusal_is_fed_back(config):
    phone = VirtualPhone(state=SHOP_WITH_CART, app="shop")
    asked = []
    planner = ScriptedPlanner(_checkout_and_pay)
    trajectory = run_episode("buy the mug", phone, planner, config,
                             confirm=lambda c, d: asked.append((c, d)) or False)
    assert [c for c, _ in asked] == ["payment"] and "Pay $9.50" in asked[0][1]
    refused = trajectory.steps[3]
    assert refused.refusal.startswith("the person refused") and refused.executed is None
    assert "refused" in planner.seen[4][1][3].error
    assert phone.state()["shop"]["orders"] == []
    assert trajectory.outcome == Outcome.INFEASIBLE


@pytest.mark.sim
@pytest.mark.parametrize("how", ["confirm", "allow"])
def test_paying_goes_ahead_when_approved(config, how):
    phone = VirtualPhone(state=SHOP_WITH_CART, app="shop")
    if how == "allow":
        config, confirm = replace(config, allow=frozenset({"payment"})), None
    else:
        confirm = lambda c, d: True  # noqa: E731
    trajectory = run_episode("buy the mug", phone, ScriptedPlanner(_checkout_and_pay), config,
                             confirm=confirm)
    assert trajectory.outcome == Outcome.SUCCESS
    assert len(phone.state()["shop"]["orders"]) == 1


class _JudgingPlanner(ScriptedPlanner):
    """A scripted planner that also judges screenshots, as a VLM planner does."""

    def __init__(self, script, judgement):
        super().__init__(script)
        self.judgement, self.asked = judgement, []

    def verify(self, goal, action, before, after):
        self.asked.append(action)
        if isinstance(self.judgement, Exception):
            raise self.judgement
        return self.judgement


@pytest.mark.sim
@pytest.mark.parametrize(
    ("judgement", "verdict", "words"),
    [
        (ModelVerification(ModelVerdict.WORKED, "the menu opened"), Verdict.CHANGED, "worked"),
        (ModelVerification(ModelVerdict.WRONG_PAGE, "ads"), Verdict.UNEXPECTED, "going back"),
        (ModelVerification(ModelVerdict.NO_CHANGE), Verdict.NO_CHANGE, "no effect"),
        (ParseError("no verdict", raw="hmm"), Verdict.NO_CHANGE, "did not react"),  # rules stand
    ],
)
def test_a_model_judges_what_the_rules_could_not_confirm(config, judgement, verdict, words):
    phone = VirtualPhone()
    blank = Point(540, 1300)  # empty wallpaper on the home screen: the tap changes nothing
    planner = _JudgingPlanner([Tap(blank), Finish()], judgement)
    trajectory = run_episode("Open the menu", phone, planner, config)
    step = trajectory.steps[0]
    assert planner.asked == [Tap(blank)]
    assert step.verification.verdict == verdict
    assert words in step.verification.detail
    assert planner.seen[1][1][0].outcome  # the planner was told what was judged


@pytest.mark.sim
def test_a_confirmed_change_is_not_sent_to_the_model(config):
    phone = VirtualPhone(state={"system": {"wifi": False}}, app="settings")
    planner = _JudgingPlanner(lambda goal, screen, history: _wifi_on(screen, history),
                              ModelVerification(ModelVerdict.NO_CHANGE))
    assert run_episode("Turn on Wi-Fi", phone, planner, config).outcome == Outcome.SUCCESS
    assert planner.asked == []


@pytest.mark.sim
def test_without_anyone_to_ask_paying_is_refused_and_the_step_says_why(config):
    phone = VirtualPhone(state=SHOP_WITH_CART, app="shop")
    trajectory = run_episode("buy the mug", phone, ScriptedPlanner(_checkout_and_pay), config)
    refused = trajectory.steps[3]
    assert refused.refusal.startswith("refused: nobody was there to confirm it")
    assert refused.executed is None and phone.state()["shop"]["orders"] == []


@pytest.mark.sim
def test_a_refusal_reaches_the_planner_as_data(config, tmp_path):
    """What was refused and why (consent missing, not a conflict with the goal) is typed, so
    a planner can tell "stop: nobody approved the goal's own action" from "choose another
    button" without reading the sentence; it survives the recording."""
    phone = VirtualPhone(state=SHOP_WITH_CART, app="shop")
    planner = ScriptedPlanner(_checkout_and_pay)
    trajectory = run_episode("buy the mug", phone, planner, config, recorder=Recorder(tmp_path))
    refused = trajectory.steps[3]
    told = planner.seen[4][1][3]
    assert told.refusal is Refusal.UNAPPROVED and refused.refusal_kind is Refusal.UNAPPROVED
    assert told.refused == refused.decision.action and told.action is None
    assert planner.seen[4][1][2].refusal is None and planner.seen[4][1][2].refused is None
    assert load_trajectory(tmp_path).steps[3].refusal_kind is Refusal.UNAPPROVED


@pytest.mark.sim
def test_a_refusal_against_the_goal_is_told_apart(config):
    phone = VirtualPhone(state=SHOP_WITH_CART, app="shop")
    planner = ScriptedPlanner(_checkout_and_pay)
    trajectory = run_episode("show me my cart", phone, planner, config)
    assert trajectory.steps[3].refusal_kind is Refusal.OFF_GOAL
    assert planner.seen[4][1][3].refusal is Refusal.OFF_GOAL



class _Later:
    """A phone seen through captures that each come 0.1 s after the one before (fake time)."""

    def __init__(self, seed: int) -> None:
        self.now = 0.0
        self.phone = VirtualPhone(seed=seed, realism="transitions", clock=lambda: self.now)

    def capture(self):
        self.now += 0.1
        return self.phone.capture()

    def open_settings(self):
        from automator.verify import capture

        before = capture(self)
        self.phone.start_app("settings")
        return before


@pytest.mark.sim
@pytest.mark.parametrize("seed", [1, 2])
def test_settling_waits_for_the_screen_to_change_and_fill_in(seed):
    from automator.verify import settle

    # These seeds' transitions are long: two agreeing frames of the old screen (seed 1) or
    # of the page still filling in under a spinner (seed 2) come before the page.
    phone = _Later(seed)
    before = phone.open_settings()
    tree = settle(phone, 0.0, 5.0, 10, before=before).observation.tree
    assert 'package="com.android.settings"' in tree and "ProgressBar" not in tree


@pytest.mark.sim
def test_without_the_screen_before_the_action_an_old_frame_looks_settled():
    from automator.verify import settle

    phone = _Later(seed=1)
    phone.open_settings()
    tree = settle(phone, 0.0, 5.0, 10).observation.tree
    assert 'package="com.android.settings"' not in tree
