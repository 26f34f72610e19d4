"""Replies that are not what a grammar expects raise ParseError (never another error that
would end the episode as a bug), and the few odd-but-meant forms are read as meant."""

import pytest

from devices.actions import Tap, TypeText
from devices.virtual.phone import VirtualPhone
from perception import perceive
from planners.errors import ParseError
from planners.grammars import get_grammar
from planners.grammars.frames import Frame, FrameKind

SCREEN = perceive(VirtualPhone().capture())
HUGE = "9" * 400
QWEN = '<tool_call>{{"name": "mobile_use", "arguments": {}}}</tool_call>'

pytestmark = pytest.mark.unit


def _parse(grammar: str, reply: str):
    g = get_grammar(grammar)
    image = (1092, 2408) if g.frame == FrameKind.RESIZED else None
    return g.parse(reply, SCREEN, Frame(g.frame, (1080, 2400), image))


@pytest.mark.parametrize("grammar, reply", [
    ("som_json", '{"action": ["tap"], "element": 1}'),
    ("som_json", '{"action": {"kind": {"x": 1}}}'),
    ("som_json", f'{{"action": "tap", "element": {HUGE}}}'),
    ("som_json", '{"action": "tap", "element": "²"}'),
    ("uitars", f"Action: click(start_box='({HUGE},5)')"),
    ("uitars", "Action: click(start_box='(²,5)')"),
    ("uitars", "Action: [click]"),
    ("uitars", "Action: type(content='unterminated"),
    ("qwen_mobile", QWEN.format('{"action": ["click"], "coordinate": [1, 2]}')),
    ("qwen_mobile", QWEN.format('{"action": {"x": 1}, "coordinate": [1, 2]}')),
    ("qwen_mobile", QWEN.format(f'{{"action": "click", "coordinate": [{HUGE}, 2]}}')),
    ("qwen_mobile", QWEN.format('{"action": "click", "coordinate": ["²", 2]}')),
    ("qwen_mobile", QWEN.format('{"action": "click", "coordinate": [1e999, 2]}')),
    ("qwen_mobile", "<tool_call>[1, 2]</tool_call>"),
])
def test_a_malformed_reply_is_a_parse_error(grammar, reply):
    with pytest.raises(ParseError):
        _parse(grammar, reply)


def test_exponents_are_numbers_not_a_box():
    action = _parse("uitars", "Action: click(start_box='(1e3,5e2)')").action
    assert isinstance(action, Tap)
    assert action.target == _parse("uitars", "Action: click(start_box='(1000,500)')").action.target


def test_unescaped_quotes_in_typed_text_are_read_as_ui_tars_reads_them():
    action = _parse("uitars", "Action: type(content='I'm running late')").action
    assert action == TypeText("I'm running late")
    submitted = _parse("uitars", r"Action: type(content='don't\n')").action
    assert submitted == TypeText("don't", submit=True)  # a final newline submits
