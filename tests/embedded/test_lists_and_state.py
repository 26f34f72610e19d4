"""Operations over a list (counting, orders) and the planner's state as data: what it
remembers is read from memos and the loop's verdicts, so rewording its thoughts changes
nothing. The requests are in no task file."""

import pytest

from devices.actions import Direction, ElementRef, Finish, Scroll, Tap
from planners.embedded import EmbeddedPlanner, lists
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _list(*rows: tuple[str, str]):
    """A scrollable list of rows (label, summary line)."""
    items = [el(i + 1, "button", label, 300 + 200 * i, height=180, clickable=True,
                description=summary) for i, (label, summary) in enumerate(rows)]
    return screen(el(0, "list", "", 280, height=1800, scrollable=True), *items,
                  app="com.example.kettles")


KETTLES = [("Copper kettle", "$64.00 · Kitchen"), ("Glass kettle", "$38.50 · Kitchen"),
           ("Travel kettle", "$19.99 · Outdoor")]


def _view(goal: str, shown, history=(), encoder=None):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def test_rows_are_the_list_entries_not_the_list(encoder):
    _, view = _view("how many kettles are listed?", _list(*KETTLES), encoder=encoder)
    assert [s.element.label for s in lists.rows(view)] == [k for k, _ in KETTLES]


def test_counting_reads_the_list_to_its_end(encoder):
    shown = _list(*KETTLES)
    goal, view = _view("how many kettles are listed?", shown, encoder=encoder)
    first = lists.count(goal, view, True)
    assert first.action == Scroll(Direction.DOWN) and len(memo_of(first).seen) == 3
    ended = PastStep(first.action, verdict=Verdict.NO_CHANGE, memo=first.memo,
                     screen_signature=signature_of(shown))
    goal, view = _view("how many kettles are listed?", shown, [ended], encoder)
    done = lists.count(goal, view, True)
    assert done.action == Finish(answer="3")


def test_the_priciest_is_compared_across_scrolls(encoder):
    goal, view = _view("which kettle is the priciest?", _list(*KETTLES[1:]), encoder=encoder)
    first = lists.ranked(goal, view, True)
    assert memo_of(first).best.startswith("Glass kettle")
    more = _list(("Copper kettle", "$64.00 · Kitchen"))
    scrolled = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo,
                        screen_signature=signature_of(more))
    again = PastStep(Scroll(Direction.DOWN), verdict=Verdict.NO_CHANGE,
                     memo=Memo(seen=("Glass kettle", "Travel kettle", "Copper kettle"),
                               best="Copper kettle $64.00 · Kitchen", best_value=64.0),
                     screen_signature=signature_of(more))
    goal, view = _view("which kettle is the priciest?", more, [scrolled, again], encoder)
    assert lists.ranked(goal, view, True).action.answer.startswith("Copper kettle")


def test_the_cheapest_without_prices_on_screen_is_not_guessed(encoder):
    plain = _list(("Copper kettle", "Kitchen"), ("Glass kettle", "Kitchen"))
    goal, view = _view("what's the cheapest kettle?", plain, encoder=encoder)
    assert lists.ranked(goal, view, True) is None


CHATS = [("Rafael Ortiz", "Bring the ladder | 8:12 AM"), ("Hanne Berg", "You: ok | 7:05 AM"),
         ("Rafael Ortiz's mum", "Lunch on Sunday? | Yesterday"), ("Dentist", "Reminder | Mon")]


def test_an_order_is_taken_over_the_rows_that_show_the_item_named(encoder):
    goal, view = _view("what did Hanne send me most recently?", _list(*CHATS), encoder=encoder)
    assert lists.ranked(goal, view, True).action.answer.startswith("Hanne Berg")
    goal, view = _view("which is the cheapest Glass kettle?", _list(*KETTLES), encoder=encoder)
    assert memo_of(lists.ranked(goal, view, True)).best.startswith("Glass kettle")


def test_an_order_over_rows_that_lack_the_item_named_gives_no_answer(encoder):
    goal, view = _view("what did Oskar send me most recently?", _list(*CHATS), encoder=encoder)
    assert lists.ranked(goal, view, True) is None


def test_the_speaker_is_no_item_an_order_is_taken_over(encoder):
    goal, view = _view("which is the cheapest kettle I've found?", _list(*KETTLES),
                       encoder=encoder)
    assert memo_of(lists.ranked(goal, view, True)).best.startswith("Travel kettle")


def test_a_state_question_is_answered_from_the_switch(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("is airplane mode on?", S.network(), [])
    assert isinstance(decision.action, Finish) and decision.action.answer.startswith("no")


def test_rewording_thoughts_changes_nothing(encoder):
    """The history is read through memos: the same steps with other thoughts decide alike."""
    planner = EmbeddedPlanner(encoder=encoder)
    dialog = S.network()
    pressed = PastStep(Tap(ElementRef(4)), thought="Tap 'Mobile network' (goal action).",
                       verdict=Verdict.CHANGED, memo=Memo(Mark.GOAL_ACTION))
    reworded = PastStep(Tap(ElementRef(4)), thought="anything at all",
                        verdict=Verdict.CHANGED, memo=Memo(Mark.GOAL_ACTION))
    goal = "Reset the mobile network"
    assert planner.decide(goal, dialog, [pressed]).action == planner.decide(
        goal, dialog, [reworded]).action


def test_a_step_without_effect_is_known_by_its_verdict():
    tap = Tap(ElementRef(1))
    assert not PastStep(tap, verdict=Verdict.NO_CHANGE).changed
    assert PastStep(tap, verdict=Verdict.CHANGED, thought="no visible change").changed
    assert not PastStep(None, verdict=Verdict.CHANGED).changed


def test_parts_are_tracked_in_the_memo(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "switch wifi off and then flip airplane mode on"
    first = planner.decide(goal, S.network(True), [])
    assert first.action == Tap(ElementRef(2)) and memo_of(first).part == 0
    step = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo)
    second = planner.decide(goal, S.network(False), [step])
    assert second.action == Tap(ElementRef(3)) and memo_of(second).part == 1


def test_the_loop_hands_back_its_verdict_and_the_memo():
    from automator.trajectory import Step, Verification
    from planners.planner import Decision

    tap = Tap(ElementRef(3))
    step = Step(0, decision=Decision(tap, thought="words", memo=Memo(Mark.SUBMIT)),
                executed=tap, verification=Verification(Verdict.NO_CHANGE))
    past = step.past()
    assert (past.verdict, past.memo, past.changed) == (Verdict.NO_CHANGE, Memo(Mark.SUBMIT),
                                                       False)


def test_a_keyed_value_of_another_item_is_not_the_answer(encoder):
    """"Password: ..." on a note about another place does not answer for this one."""
    planner = EmbeddedPlanner(encoder=encoder)
    note = screen(el(0, "input", "Wi-Fi at the cabin", 200, editable=True, hint="Title"),
                  el(1, "input", "Network: Pines Password: owl-5521", 400, editable=True,
                     hint="Note"), app="com.example.notes")
    action = planner.decide("what's the wifi password for the lake cottage?", note, []).action
    assert not isinstance(action, Finish)
    own = screen(el(0, "input", "Lake cottage", 200, editable=True, hint="Title"),
                 el(1, "input", "Network: Pines Password: owl-5521", 400, editable=True,
                    hint="Note"), app="com.example.notes")
    assert planner.decide("what's the wifi password for the lake cottage?", own, []).action \
        == Finish(answer="owl-5521")
