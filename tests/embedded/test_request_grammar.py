"""Grammar read before meaning: which requests are questions."""

import pytest

from planners.embedded.wording import Mood, manner

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "mood"), [
    ("Have the porch light switch on at dusk", Mood.COMMAND),
    ("have my backup run every night", Mood.COMMAND),
    ("Have I missed any calls", Mood.QUESTION),
    ("Have the parcels arrived?", Mood.QUESTION),
    ("Has the backup finished", Mood.QUESTION),
    ("Is the torch on", Mood.QUESTION),
])
def test_have_before_a_thing_is_an_order_unless_asked(text, mood):
    assert manner(text).mood is mood
