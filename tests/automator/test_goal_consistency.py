"""Goal consistency in the safety gate: a call, a message, a deletion, a payment or an
overwrite runs only where the goal asks for its kind and names what it concerns; the
refusal says why; a person at the terminal may still agree. Hand-built screens, and the
loop on the virtual phone. Sentences of our own, in no task file."""

from dataclasses import replace

import pytest
from automator_scripts import find

from automator.goal_requests import GoalRequests
from automator.loop import run_episode
from automator.safety import gate
from automator.trajectory import Outcome
from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText
from devices.virtual.phone import VirtualPhone
from perception.elements import Bounds, Screen, UIElement
from planners.planner import Consents
from planners.scripted import ScriptedPlanner


def _text(i, text, top, container=-1):
    return UIElement(i, "text", Bounds(0, top, 1080, top + 120), text=text, container=container)


def _button(i, text, top, left=0, right=1080, desc="", container=-1, role="button"):
    return UIElement(i, role, Bounds(left, top, right, top + 150), text=text, description=desc,
                     clickable=True, container=container)


def card(name: str, number: str = "555-0163") -> Screen:
    """A contact card: the name heads a scrolling page, the call buttons below it."""
    return Screen(1080, 2400, (
        _button(0, "", 108, 24, 144, desc="Navigate up", role="image_button"),
        _button(1, "", 108, 936, 1056, desc="Delete", role="image_button"),
        UIElement(2, "list", Bounds(0, 252, 1080, 2274), scrollable=True),
        _text(3, name, 512, container=2),
        _button(4, "Call", 666, 24, 528, container=2),
        _button(5, "Message", 666, 552, 1056, container=2),
        _button(6, number, 842, desc="Mobile", container=2),
    ), app="com.example.contacts")


def thread(name: str) -> Screen:
    """A conversation: its contact in the app bar, bubbles in a list, a draft and Send."""
    return Screen(1080, 2400, (
        _text(0, name, 108),
        UIElement(1, "list", Bounds(0, 252, 1080, 2084), scrollable=True),
        _text(2, "Say hi to Mia from me", 276, container=1),
        UIElement(3, "input", Bounds(24, 2108, 896, 2250), text="See you at eight",
                  editable=True, clickable=True),
        _button(4, "", 2108, 916, 1056, desc="Send", role="image_button"),
    ), app="com.example.messages")


def edit_form(first: str, last: str, title: str = "Edit contact") -> Screen:
    return Screen(1080, 2400, (
        _text(0, title, 108),
        _button(1, "Save", 108, 816, 1056),
        UIElement(2, "input", Bounds(36, 288, 1044, 438), text=first, editable=True),
        UIElement(3, "input", Bounds(36, 474, 1044, 624), text=last, editable=True),
        UIElement(4, "input", Bounds(36, 660, 1044, 810), text="555-0199", editable=True),
    ), app="com.example.contacts")


CALL = Tap(ElementRef(4))


def _gate(goal, screen, action=CALL, **kw):
    return gate(action, screen, goal=GoalRequests(goal), **kw)


@pytest.mark.unit
def test_a_call_the_goal_does_not_ask_for_is_refused_with_the_reason():
    verdict = _gate("delete the contact Mia", card("Mia Torres"), allow={"deletion"})
    assert not verdict.allowed and verdict.category == "call" and not verdict.asked
    assert "does not ask to place a call" in verdict.conflict
    assert "does not ask to place a call" in verdict.refusal()
    dial = _gate("delete the contact Mia", card("Mia Torres"), action=Tap(ElementRef(6)))
    assert not dial.allowed and dial.category == "call"  # the number dials too


@pytest.mark.unit
def test_a_call_the_goal_asks_for_runs_without_pre_approval_but_only_to_whom_it_names():
    assert _gate("phone Mia please", card("Mia Torres")).allowed
    assert _gate("could you ring 555 0163", card("Mia Torres")).allowed
    wrong = _gate("phone Mia please", card("Bob Okoye"))
    assert not wrong.allowed
    assert "mia" in wrong.conflict and "Bob Okoye" in wrong.conflict
    wrong_number = _gate("dial 555 0177", card("Bob Okoye", "555-0163"), action=Tap(ElementRef(6)))
    assert not wrong_number.allowed and "5550177" in wrong_number.conflict
    # pre-approving calls does not let it call someone else
    assert not _gate("phone Mia please", card("Bob Okoye"), allow={"call"}).allowed
    # a goal that names nobody cannot be checked by name: the kind suffices
    assert _gate("call whoever left me a voicemail", card("Bob Okoye")).allowed


@pytest.mark.unit
def test_sending_that_the_goal_does_not_ask_for_is_refused():
    send = Tap(ElementRef(4))
    for goal in ("explore the apps", "what time is my first alarm tomorrow?", ""):
        verdict = _gate(goal, thread("Bob Okoye"), action=send)
        assert not verdict.allowed and verdict.category == "send"
        assert "does not ask to send" in verdict.refusal()
    assert _gate("let Bob know I'm running late", thread("Bob Okoye"), action=send).allowed
    # the thread's contact decides, not a name in a bubble or the draft
    assert not _gate("let Mia know I'm running late", thread("Bob Okoye"), action=send).allowed


@pytest.mark.unit
def test_the_person_is_asked_and_told_why_when_someone_is_there():
    asked = []

    def answer(yes):
        def confirm(category, description):
            asked.append((category, description))
            return yes
        return confirm

    agreed = _gate("delete the contact Mia", card("Mia Torres"), confirm=answer(True))
    assert agreed.allowed and agreed.asked
    assert asked[-1][0] == "call" and "does not ask to place a call" in asked[-1][1]
    refused = _gate("phone Mia please", card("Bob Okoye"), confirm=answer(False))
    assert not refused.allowed and refused.asked
    assert refused.refusal().startswith("the person refused") and "mia" in refused.refusal()
    assert len(asked) == 2
    _gate("phone Mia please", card("Mia Torres"), confirm=answer(False))
    assert len(asked) == 2  # asked for: nobody needs to be asked


@pytest.mark.unit
def test_deletion_and_payment_still_need_consent_when_asked_for():
    delete = Tap(ElementRef(1))
    unapproved = _gate("remove Mia from my address book", card("Mia Torres"), action=delete)
    assert not unapproved.allowed and not unapproved.conflict
    assert "not pre-approved" in unapproved.refusal()
    assert _gate("remove Mia from my address book", card("Mia Torres"), action=delete,
                 allow={"deletion"}).allowed
    wrong = _gate("remove Mia from my address book", card("Bob Okoye"), action=delete,
                  allow={"deletion"})
    assert not wrong.allowed and "mia" in wrong.conflict
    unasked = _gate("call Mia", card("Mia Torres"), action=delete, allow={"deletion"})
    assert unasked.allowed  # pre-approval stands for the request asking for deletions


@pytest.mark.unit
def test_saving_an_edited_item_is_an_overwrite_the_goal_must_ask_for():
    save = Tap(ElementRef(1))
    verdict = _gate("dim the screen a little", edit_form("Mia", "Torres"), action=save)
    assert not verdict.allowed and verdict.category == "overwrite"
    assert "does not ask to change an existing item" in verdict.refusal()
    assert _gate("Mia's number changed, it is 555-0199 now", edit_form("Mia", "Torres"),
                 action=save).allowed
    assert not _gate("update Bob's number to 555-0199", edit_form("Mia", "Torres"),
                     action=save).allowed
    # a form that creates an item overwrites nothing
    assert gate(save, edit_form("Mia", "Torres", "New contact")).allowed


# -- through the loop, on the virtual phone ---------------------------------------------------

PEOPLE = {"contacts": {"contacts+": [
    {"id": 951, "first_name": "Mia", "last_name": "Torres", "name": "Mia Torres",
     "phone": "555-0163", "email": ""},
    {"id": 952, "first_name": "Bob", "last_name": "Okoye", "name": "Bob Okoye",
     "phone": "555-0164", "email": ""},
]}}


def _row(screen, name):
    return next(e.id for e in screen.elements
                if e.label.startswith(name) and e.clickable and not e.editable)


def open_card_and_call(name):
    """Search the contacts for `name`, open the card, press Call, then finish."""
    def script(goal, screen, history):
        plan = [
            lambda: TypeText(name, ElementRef(next(e.id for e in screen.elements
                                                   if e.editable))),
            lambda: Tap(ElementRef(_row(screen, name))),
            lambda: Tap(ElementRef(find(screen, "Call"))),
        ]
        return plan[len(history)]() if len(history) < len(plan) else Finish(FinishStatus.SUCCESS)
    return script


def _call_log(phone):
    return [c["name"] for c in phone.state()["contacts"]["call_log"]]


@pytest.mark.sim
def test_the_loop_refuses_an_unasked_call_and_the_phone_places_none(config):
    phone = VirtualPhone(state=PEOPLE, app="contacts")
    planner = ScriptedPlanner(open_card_and_call("Mia Torres"))
    trajectory = run_episode("erase the contact Mia Torres", phone, planner, config)
    refused = trajectory.steps[2]
    assert refused.executed is None
    assert "does not ask to place a call" in refused.refusal
    told = planner.seen[3][1][2].error  # the planner's history at its next decision
    assert "does not ask to place a call" in told
    assert _call_log(phone) == []
    assert trajectory.outcome == Outcome.SUCCESS  # the script finishes; nothing was called


@pytest.mark.sim
def test_the_loop_places_the_call_the_goal_asks_for_and_no_other(config):
    phone = VirtualPhone(state=PEOPLE, app="contacts")
    run_episode("phone Mia Torres", phone, ScriptedPlanner(open_card_and_call("Mia Torres")),
                config)
    assert _call_log(phone) == ["Mia Torres"]
    other = VirtualPhone(state=PEOPLE, app="contacts")
    trajectory = run_episode("phone Mia Torres", other,
                             ScriptedPlanner(open_card_and_call("Bob Okoye")), config)
    assert "names" in trajectory.steps[2].refusal and _call_log(other) == []


@pytest.mark.sim
def test_a_person_at_the_terminal_may_allow_an_unasked_call(config):
    phone = VirtualPhone(state=PEOPLE, app="contacts")
    asked = []
    run_episode("erase the contact Mia Torres", phone,
                ScriptedPlanner(open_card_and_call("Mia Torres")), config,
                confirm=lambda category, description: asked.append(category) or True)
    assert asked == ["call"] and _call_log(phone) == ["Mia Torres"]


class _Listening(ScriptedPlanner):
    """A scripted planner that keeps what the loop briefed it with."""

    def __init__(self) -> None:
        super().__init__([Finish(FinishStatus.FAILURE, "nothing to do")])
        self.briefed: list[object] = []

    def brief(self, consents) -> None:
        self.briefed.append(consents)


@pytest.mark.sim
def test_the_loop_briefs_the_planner_on_consents_before_the_first_step(config):
    planner = _Listening()
    run_episode("erase the contact Mia Torres", VirtualPhone(state=PEOPLE, app="contacts"),
                planner, replace(config, allow=frozenset({"deletion"})))
    assert planner.briefed == [Consents(frozenset({"deletion"}), can_ask=False)]
    asking = _Listening()
    run_episode("erase the contact Mia Torres", VirtualPhone(state=PEOPLE, app="contacts"),
                asking, config, confirm=lambda category, what: False)
    assert asking.briefed == [Consents(frozenset(), can_ask=True)]
