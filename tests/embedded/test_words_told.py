"""Words told to people: whatever follows the person is the message (never a question),
several people named together each get it, a person may be written in lower case, a time
inside the words is no item to find, words that only say what the message is about are
never typed, and a person named by a name several people share is not guessed."""

import pytest

from devices.actions import Finish, FinishStatus, Key, PressKey, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Intent, Slot, parse_goal, split_goal
from planners.embedded.lookup import question
from planners.embedded.message_values import send_slots
from planners.embedded.references import is_reference
from planners.embedded.reported import told
from tests.embedded import screens as S


@pytest.mark.unit
@pytest.mark.parametrize(("clause", "found"), [
    ("tell Wren all good see you then", ("tell them", "Wren", "all good see you then")),
    ("let both Pia and Ulf know the bus got cancelled",
     ("let them know", "Pia and Ulf", "the bus got cancelled")),
    ("txt ravi stuck in traffic", ("txt them", "ravi", "stuck in traffic")),
    ("text Wren saying the ferry is late", ("text them", "Wren", "the ferry is late")),
    # a thing given, a topic, an errand, a time alone: no words to say
    ("send Wren a photo", None),
    ("tell Wren about the picnic", None),
    ("remind Wren to water the plants", None),
    ("text Wren tomorrow", None),
    ("tell me the weather", None),
])
def test_whatever_follows_the_person_is_the_words(clause, found):
    assert told(clause) == found


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "said"), [
    ("jot down a note titled Bins saying the green bin goes out at the corner",
     "the green bin goes out at the corner"),
    ("write a memo called Ladder saying it hangs in the shed by the door",
     "it hangs in the shed by the door"),
    ("make a note saying water the ferns at 7 pm", "water the ferns"),  # a time, set apart
])
def test_words_said_run_on_past_a_word_that_introduces_no_value(request_, said):
    assert [s.value for s in parse_goal(request_).slots if s.name == "message"] == [said]


@pytest.mark.unit
def test_a_definite_phrase_with_a_verb_says_something():
    assert not is_reference("the bus got cancelled", said_as_text=True)
    assert not is_reference("the parcel arrived", said_as_text=True)
    assert is_reference("the locker code from my journal", said_as_text=True)
    assert is_reference("the attached receipt", said_as_text=True)


@pytest.mark.unit
@pytest.mark.parametrize("phrase", ["the garden shed alarm code", "the old sled club password",
                                    "the bird seed order number"])
def test_a_noun_ending_in_ed_is_no_verb(phrase):
    assert is_reference(phrase, said_as_text=True)


@pytest.mark.unit
def test_a_recipient_in_lower_case_is_known_by_the_colon_after_it():
    assert send_slots("txt ravi: stuck in traffic")[:2] == [
        Slot("to", "ravi"), Slot("message", "stuck in traffic")]


@pytest.mark.unit
def test_words_that_say_what_a_message_was_are_never_typed():
    """"saying where she parked" names what the words were, it gives none."""
    slots = send_slots("a text came from 555-0144 saying where she parked, keep it")
    assert not [s for s in slots if s.name == "message"]
    assert Slot("message", "see you soon") in send_slots("send a text to Bo saying see you soon")


@pytest.mark.slow
@pytest.mark.parametrize(("request_", "to", "message"), [
    ("tell Wren all good see you then", "Wren", "all good see you then"),
    ("txt ravi stuck in traffic, 5 min", "ravi", "stuck in traffic, 5 min"),
    ("tell Wren the locker code from my journal", "Wren", "the locker code from my journal"),
])
def test_told_words_are_a_message_to_the_person(encoder, request_, to, message):
    goal = parse_goal(request_, encoder)
    assert goal.intent is Intent.SEND
    assert goal.slots[:2] == (Slot("to", to), Slot("message", message,
                                                     ref=message.startswith("the ")))


@pytest.mark.slow
def test_a_lower_case_word_after_a_verb_that_does_not_send_is_no_person(encoder):
    assert parse_goal("write list eggs and flour", encoder).intent is not Intent.SEND


@pytest.mark.slow
def test_both_people_get_the_words_and_the_time_in_them_is_no_item(encoder):
    parts = split_goal("let both Pia and Ulf know the bus got cancelled at 8pm", encoder)
    assert parts == ["text Pia: the bus got cancelled at 8pm",
                     "text Ulf: the bus got cancelled at 8pm"]
    goal = parse_goal(parts[1], encoder)
    assert goal.entities == ("Ulf",)


def _picker(*people: str, typed: str = ""):
    """A new conversation: a recipient field and the people it lists."""
    items = [S.el(0, "text", "New conversation", 0),
             S.el(1, "input", typed or "Type name, phone number, or email", 200,
                  editable=True, clickable=True)]
    items += [S.el(2 + i, "button", p, 400 + 180 * i, clickable=True)
              for i, p in enumerate(people)]
    return S.screen(*items, app="com.chat")


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.slow
def test_the_name_is_typed_before_a_row_is_picked(planner):
    """The list may hold a namesake further down: the field narrows it first."""
    decision = planner.decide("text Ilse: back at six", _picker("Ilse Brandt", "Ola Vik"), [])
    assert decision.action == TypeText("Ilse", decision.action.target, clear=True)


@pytest.mark.slow
def test_a_name_several_people_share_is_not_guessed(planner, encoder):
    screen = _picker("Ilse Brandt", "Ilse Moreau", typed="Ilse")
    decision = planner.decide("text Ilse: back at six", screen, [])
    assert decision.action == Finish(FinishStatus.INFEASIBLE)
    assert "Ilse Brandt" in decision.thought and "Ilse Moreau" in decision.thought
    # the whole name is no guess
    exact = EmbeddedPlanner(encoder=encoder).decide("text Ilse Moreau: back at six", screen, [])
    assert exact.action != Finish(FinishStatus.INFEASIBLE)


@pytest.mark.slow
def test_a_conversation_with_someone_else_is_left_for_the_list(planner):
    screen = S.screen(
        S.el(0, "text", "Ola Vik", 0),
        S.el(1, "text", "see you", 600),
        S.el(2, "input", "Text message", 2200, editable=True, clickable=True,
             bounds=Bounds(0, 2200, 900, 2350)),
        S.el(3, "button", "", 2200, description="Send SMS", clickable=True,
             bounds=Bounds(900, 2200, 1080, 2350)),
        app="com.chat")
    decision = planner.decide("text Ilse: back at six", screen, [])
    assert decision.action == PressKey(Key.BACK)


@pytest.mark.slow
@pytest.mark.parametrize(("request_", "said"), [
    ("text Ines thank you", "thank you"),
    ("reply to Ines thanks", "thanks"),
    ("message Ines I'm outside, thanks", "I'm outside"),  # courtesy after the words
])
def test_thanks_to_a_person_with_nothing_else_said_are_the_words(request_, said):
    goal = parse_goal(split_goal(request_)[0])
    assert goal.intent is Intent.SEND
    assert [s.value for s in goal.slots if s.name == "message"] == [said]
    assert parse_goal(split_goal("switch on the torch thanks")[0]).target == "torch"


@pytest.mark.parametrize(("text", "slot", "asked"), [
    ("run the countdown for as long as the sourdough page says", "time",
     "how long the sourdough page says?"),
    ("set the oven countdown for however long the pie recipe says", "time",
     "how long the pie recipe says?"),
    ("put the lamp's cost in a new memo", "text", "What is the lamp's cost?"),
])
def test_a_length_or_a_value_named_by_what_an_item_says_is_read_first(encoder, text, slot,
                                                                      asked):
    goal = parse_goal(text, encoder)
    refs = [s for s in goal.slots if s.ref]
    assert [s.name for s in refs] == [slot]
    assert question(refs[0].value) == asked
