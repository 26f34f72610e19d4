"""Answers match on whole tokens and numbers after normalisation, never as substrings."""

import pytest

from automator.answers import answer_matches, matches, tokens

TABLE = [
    # reply, expected, matches
    ("12", "12", True),
    ("12 dollars", "12", True),
    ("It costs $12.00.", "12", True),
    ("120", "12", False),
    ("1.2", "12", False),
    ("112", "12", False),
    ("1,200", "1200", True),
    ("1200", "1,200", True),
    ("$98.00", "$98", True),
    ("12.50", "12.5", True),
    ("6:15", "06:15", True),
    ("06:15 AM", "6:15", True),
    ("16:15", "6:15", False),
    ("At 7pm", "7 pm", True),
    ("7:00 PM", "7 pm", False),
    ("The number is 555-0113", "555-0113", True),
    ("555 0113", "555-0113", True),
    ("555-0114", "555-0113", False),
    ("Cafe", "Café", True),
    ("JOSÉ GARCÍA", "José García", True),
    ("Virtual Pixel 2", "Virtual Pixel", True),
    ("Pixel Virtual", "Virtual Pixel", False),
    ("Virtualpixel", "Virtual Pixel", False),
    ("loon-2024", "loon-2024", True),
    ("balloon-2024", "loon-2024", False),
    ("RX-4471", "rx-4471", True),
    ("78% left", "78 %", True),
    ("", "12", False),
]


@pytest.mark.unit
@pytest.mark.parametrize(("reply", "expected", "ok"), TABLE)
def test_answer_table(reply, expected, ok):
    assert matches(reply, expected) is ok


@pytest.mark.unit
def test_tokens_are_normalised():
    assert tokens("It's $1,200.50 at 06:05!") == ("it", "s", "1200.5", "at", "6:05")
    assert tokens("call 0142") == ("call", "0142")


@pytest.mark.unit
def test_one_of_several_accepted_answers_is_enough_and_none_never_matches():
    assert answer_matches("seven o'clock", ("7 pm", "seven"))
    assert not answer_matches(None, ("7 pm",))
    assert not answer_matches("anything", ("",))
