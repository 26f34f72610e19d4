"""Two people in one message request: "send Wren Ola's email" goes to Wren, and what it
sends is Ola's e-mail, read before it is sent. A name that owns something is never part of
the recipient's name; the commas of a quoted message are its words. The requests are our own."""

import pytest

from planners.embedded.goal import parse_goal

pytestmark = pytest.mark.slow


def _slots(request_: str, encoder) -> dict[str, tuple[str, bool]]:
    return {s.name: (s.value, s.ref) for s in parse_goal(request_, encoder).slots}


@pytest.mark.parametrize(("request_", "to", "sent"), [
    ("send Wren Ola's email", "Wren", "Ola's email"),
    ("text Ines Moreau Piet's address", "Ines Moreau", "Piet's address"),
    ("send Ola's email to Wren", "Wren", "Ola's email"),
])
def test_the_owner_of_a_value_is_not_the_recipient(encoder, request_, to, sent):
    slots = _slots(request_, encoder)
    assert slots["to"] == (to, False)
    assert slots["message"] == (sent, True)


def test_a_recipient_with_two_names_keeps_both(encoder):
    assert _slots("text Ines Moreau that the bus is late", encoder)["to"] == (
        "Ines Moreau", False)


@pytest.mark.parametrize(("request_", "to", "said"), [
    ("could you text 555-0123 'Hey, is the bike still for sale?'", "555-0123",
     "Hey, is the bike still for sale?"),
    ("the heater works again, text Ola 'fixed. thanks, truly'", "Ola", "fixed. thanks, truly"),
])
def test_a_quotations_commas_are_the_words_sent(encoder, request_, to, said):
    slots = _slots(request_, encoder)
    assert slots["to"] == (to, False)
    assert slots["message"] == (said, False)
