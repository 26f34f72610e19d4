"""Success only on evidence: what a request narrows, picks or asks is what the answer or the
change must show. Sentences and screens of our own."""

import pytest

from planners.embedded.answer_shape import is_help_text
from planners.embedded.day_parts import narrowing, part_said
from planners.embedded.evidence import counts_stated, switch_is_means
from planners.embedded.goal import parse_goal
from planners.embedded.reading import shaped_part


@pytest.mark.unit
@pytest.mark.parametrize(("text", "part"), [
    ("silence every evening reminder while I'm away", "evening"),
    ("disable my afternoon timers", "afternoon"),
    ("turn off tonight's alarms", "night"),
    ("wake me at 6 in the morning", None),
    ("set one for 9 pm tomorrow evening", None),
    ("turn off all my alarms", None),
])
def test_a_part_of_the_day_is_said_unless_it_only_marks_a_time(text, part):
    assert part_said(text) == part


@pytest.mark.unit
def test_a_part_of_the_day_narrows_rows_by_their_own_time():
    meets = narrowing("silence every evening reminder")
    assert meets is not None
    assert meets("ON 6:45 PM reminder · Feed cat") is True
    assert meets("ON 7:10 AM reminder · Pills") is False
    assert meets("ON 23:30 · Lights") is False
    assert meets("Reminder without a time") is None
    night = narrowing("mute the night alarms")
    assert night("00:15 Dog out") is True and night("14:00 Nap") is False


@pytest.mark.unit
@pytest.mark.parametrize(("line", "help_text"), [
    ("Choose what to back up", True), ("Manage your saved passwords", True),
    ("Tap to pick a ringtone", True), ("CabinRouter", False), ("Galaxy Tab 4", False),
    ("Off", False), ("Not connected", False), ("Linked to BeachHouse", False),
    ("Up to 2 GB a day", False),
])
def test_a_rows_help_text_is_no_value(line, help_text):
    assert is_help_text(line) is help_text


@pytest.mark.unit
@pytest.mark.parametrize(("sentence", "when"), [
    ("The plumber will come on Thursday at 8:15 AM, see you then", "Thursday at 8:15 AM"),
    ("Dentist moved to tomorrow, 3:40 PM", "tomorrow, 3:40 PM"),
    ("Pickup is 4 PM on Friday.", "4 PM on Friday"),
    ("Doors open 7:30 PM sharp", "7:30 PM"),
])
def test_when_keeps_the_day_its_sentence_states(sentence, when):
    assert shaped_part(sentence, "time", "when does it happen?") == when


@pytest.mark.unit
def test_what_time_takes_the_time_alone():
    assert shaped_part("Pickup is 4 PM on Friday.", "time", "what time is pickup?") == "4 PM"


@pytest.mark.slow
def test_a_request_may_state_the_count_it_has_and_the_one_it_wants(encoder):
    goal = parse_goal("there are 3 of the Climbing Rope (10 m) in my basket, 1 is plenty",
                      encoder)
    assert counts_stated(goal) == [3, 1]
    assert counts_stated(parse_goal("add 5 of the Tent Peg to my basket", encoder)) == [5]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "means"), [
    ("link my Aria Band with this phone over nfc", True),
    ("turn nfc on", False),
    ("switch off nfc", False),
])
def test_a_switch_turned_on_for_another_item_is_a_means(encoder, text, means):
    assert switch_is_means(parse_goal(text, encoder), "NFC") is means

