"""What a reply to a question must be: a value of the kind asked, read beside a key (not a
sentence, not a list's section letter), from where the item's number is shown; a yes/no
question about an item's state is answered by the switch on that item's row."""

import pytest

from devices.actions import Finish, FinishStatus, Scroll
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.memory import signature_of
from planners.embedded.reading import answer
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def _answered(decision) -> str | None:
    action = decision.action
    if isinstance(action, Finish) and action.status is FinishStatus.SUCCESS:
        return action.answer
    return None


def people() -> S.Screen:
    """An address book: each person a row of their own, the rows grouped under letters."""
    items = [S.el(0, "input", "Search people", 60, editable=True, clickable=True)]
    top = 240
    for letter, names in (("A", ["Anika Lund", "Anika Rao"]), ("B", ["Bruno Conti"]),
                          ("R", ["Ravi Weber"])):
        items.append(S.el(len(items), "text", letter, top, height=90))
        top += 90
        for name in names:
            items.append(S.el(len(items), "button", name, top, clickable=True))
            top += 160
    items.append(S.el(len(items), "list", "", 230, height=2000, scrollable=True))
    return S.screen(*items, app="com.example.people")


def test_a_persons_number_is_not_the_section_letter_below_their_row(planner):
    decision = planner.decide("what's Anika Rao's number?", people(), [])
    assert _answered(decision) is None
    assert decision.action.kind == "tap"  # her row is opened: her page holds the number


def test_a_persons_number_is_read_as_a_phone_number_on_their_page(planner):
    page = S.screen(S.el(0, "text", "Anika Rao", 200), S.el(1, "text", "Mobile", 500),
                    S.el(2, "text", "+49 30 5550 1822", 560), S.el(3, "text", "Berlin", 800),
                    app="com.example.people")
    assert _answered(planner.decide("what's Anika Rao's number?", page, [])) == (
        "+49 30 5550 1822")


def chat() -> S.Screen:
    return S.screen(
        S.el(0, "text", "Marta Silva", 100, height=110),
        S.el(1, "text", "The parcel came this morning, thank you so much!", 280,
             bounds=Bounds(24, 280, 816, 380)),
        S.el(2, "text", "Jun 14", 380, height=50),
        S.el(3, "input", "Text message", 2100, editable=True, clickable=True),
        app="com.example.chat")


def test_the_date_under_a_message_is_no_answer_to_where_a_parcel_is(planner):
    decision = planner.decide("where is my parcel now?", chat(), [])
    assert _answered(decision) is None


def test_a_value_under_a_sentence_is_not_read_as_its_value(planner):
    decision = planner.decide("what's the parcel's status?", chat(), [])
    assert _answered(decision) != "Jun 14"


def test_an_item_named_by_its_number_is_answered_only_where_the_number_is(planner):
    def order(number: str) -> S.Screen:
        return S.screen(S.el(0, "text", f"Order #{number}", 100),
                        S.el(1, "text", "Status", 300), S.el(2, "text", "Out for delivery", 360),
                        app="com.example.store")
    question = "what is the status of order #4417?"
    assert _answered(planner.decide(question, order("3920"), [])) is None
    assert _answered(planner.decide(question, order("4417"), [])) is not None


def wakeups(first_on: bool, second_on: bool) -> S.Screen:
    """A list of wake-up times, each row with a switch on its right."""
    items = []
    for i, (time, label, on) in enumerate((("6:30 AM", "Swim", first_on),
                                           ("8:00 AM", "Weekdays", second_on),
                                           ("8:45 PM", "Pills", True))):
        top = 260 + 280 * i
        items += [S.el(len(items), "button", f"{time} | {label}", top, height=260, clickable=True,
                       bounds=Bounds(0, top, 840, top + 260)),
                  S.el(len(items) + 1, "switch", "ON" if on else "OFF", top + 30, checkable=True,
                       checked=on, clickable=True, description=f"{time} wake-up",
                       bounds=Bounds(860, top + 30, 1050, top + 230))]
    items.append(S.el(len(items), "list", "", 250, height=1800, scrollable=True))
    return S.screen(*items, app="com.example.wake")


@pytest.mark.parametrize("question, first, second, expected", [
    ("is my wake-up for 8 set?", True, False, "no"),
    ("is my wake-up for 8 set?", False, True, "yes"),
    ("is the 6:30 wake-up on?", False, True, "no"),
    ("is the 6:30 wake-up switched off?", False, True, "yes"),
])
def test_a_yes_no_question_reads_the_switch_on_the_items_row(planner, question, first, second,
                                                             expected):
    answer = _answered(planner.decide(question, wakeups(first, second), []))
    assert answer is not None and answer.startswith(expected)


def test_a_time_that_no_row_shows_is_not_answered_from_another_row(planner):
    answer = _answered(planner.decide("is my wake-up for 7 set?", wakeups(True, True), []))
    assert answer is None


def memos(*rows: tuple[str, str]) -> S.Screen:
    """A list of memos: each row a title over the start of its text."""
    items = [S.el(0, "input", "Search memos", 60, editable=True, clickable=True)]
    for i, (title, preview) in enumerate(rows):
        top = 260 + 200 * i
        items.append(S.el(len(items), "button", title, top, height=200, clickable=True,
                          description=preview))
    items.append(S.el(len(items), "list", "", 250, height=1800, scrollable=True))
    return S.screen(*items, app="com.example.memos")


def _read_to_end(planner, question: str, screen: S.Screen):
    """The planner's decision on `screen` once a scroll of its list changed nothing."""
    first = planner.decide(question, screen, [])
    if not isinstance(first.action, Scroll):
        return first
    ended = PastStep(first.action, verdict=Verdict.NO_CHANGE, memo=first.memo,
                     screen_signature=signature_of(screen))
    return planner.decide(question, screen, [ended])


def test_which_item_holds_some_content_is_answered_with_its_rows_title(planner):
    screen = memos(("Saturday jobs", "Call the plumber about the boiler, buy bulbs"),
                   ("Reading", "Dune, Middlemarch"), ("Holiday", "Book ferry, pack adapters"))
    answer = _answered(planner.decide("which memo mentions the plumber and the boiler?",
                                      screen, []))
    assert answer == "Saturday jobs"


def test_a_row_that_shows_part_of_the_content_answers_only_at_the_lists_end(planner):
    """A preview is cut short: the row that shows some of the words answers, but only once
    no row further down can show more of them."""
    screen = memos(("Saturday jobs", "Call the plumber about the boiler, buy bulbs"),
                   ("Reading", "Dune, Middlemarch"), ("Holiday", "Book ferry, pack adapters"))
    question = "which memo mentions the boiler repair?"
    first = planner.decide(question, screen, [])
    assert _answered(first) is None and isinstance(first.action, Scroll)
    assert _answered(_read_to_end(planner, question, screen)) == "Saturday jobs"


def test_a_row_with_one_word_of_several_is_not_the_answer_when_another_shows_all(planner):
    top = memos(("Spring cleaning", "Windows, oven, the garden shed roof"),
                ("Books to lend", "Dune for Theo"))
    question = "which memo says to fix the leaking shed roof?"
    first = planner.decide(question, top, [])
    assert _answered(first) is None and isinstance(first.action, Scroll)
    below = memos(("Books to lend", "Dune for Theo"),
                  ("Weekend", "Fix the leaking shed roof before the rain"))
    scrolled = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo,
                        screen_signature=signature_of(below))
    assert _answered(planner.decide(question, below, [scrolled])) == "Weekend"


def test_a_row_with_too_little_of_the_content_is_no_answer(planner):
    screen = memos(("Spring cleaning", "Windows, oven, the kitchen floor"),
                   ("Books to lend", "Dune for Theo"))
    question = "which memo mentions fixing the leaking kitchen tap?"
    assert _answered(_read_to_end(planner, question, screen)) is None


def test_rows_that_show_the_content_equally_are_not_told_apart(planner):
    screen = memos(("Saturday jobs", "Call the plumber about the boiler"),
                   ("Sunday jobs", "Boiler service, mow the lawn"), ("Reading", "Dune"))
    answer = _answered(planner.decide("which memo mentions the boiler?", screen, []))
    assert answer not in ("Saturday jobs", "Sunday jobs")


def bill() -> S.Screen:
    return S.screen(S.el(0, "text", "Your order", 100),
                    S.el(1, "text", "Oat milk", 300), S.el(2, "text", "$3.20", 360),
                    S.el(3, "text", "Rye loaf", 500), S.el(4, "text", "$5.75", 560),
                    S.el(5, "text", "Total: $8.95", 1900),
                    S.el(6, "button", "Pay now", 2080, clickable=True),
                    app="com.example.grocer")


def test_what_one_would_pay_for_everything_is_the_total(planner):
    decision = planner.decide("how much will I have to pay for all of it?", bill(), [])
    assert _answered(decision) == "$8.95"


def test_the_total_answers_on_a_page_that_matches_the_question_weakly(planner):
    """The words of the question need not be the page's: the total is what is paid."""
    question = "how much would the stuff in my trolley cost me altogether?"
    state = planner._state(question)
    view = View(bill(), signature_of(bill()), state.matcher, [])
    assert _answered(answer(state.goal, view, at_best_page=False)) == "$8.95"



def receipt() -> S.Screen:
    """A past order: each line's name over its amount, the total's key over its amount."""
    return S.screen(S.el(0, "text", "Order #3391", 100, height=80),
                    S.el(1, "text", "Delivered May 2", 200, height=60),
                    S.el(2, "text", "Desk lamp", 400, height=60),
                    S.el(3, "text", "$24.00", 460, height=60),
                    S.el(4, "text", "Phone stand", 600, height=60),
                    S.el(5, "text", "$12.50", 660, height=60),
                    S.el(6, "text", "Total", 1800, height=60),
                    S.el(7, "text", "$36.50", 1860, height=60),
                    app="com.example.store")


@pytest.mark.parametrize("question", ["what's the total?", "how much did I pay in total?",
                                      "what did that order come to in total?"])
def test_the_total_is_the_amount_beside_its_key(planner, question):
    assert _answered(planner.decide(question, receipt(), [])) == "$36.50"


@pytest.mark.parametrize("question, expected", [("how much was the phone stand?", "$12.50"),
                                                ("what did the desk lamp cost?", "$24.00")])
def test_a_named_lines_amount_is_the_one_beside_its_name(planner, question, expected):
    assert _answered(planner.decide(question, receipt(), [])) == expected
