"""Each grammar's conversation: a three-step episode rendered through a processor's chat
template (tiny tokenizer and image processor) has the turns, images, frames and tool schema
of its family; the episode cache of the transformers planner prefills only the new turn."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest

from devices.actions import ElementRef, Point, Tap
from perception.elements import Screen
from planners.conversation import IMAGE_GONE, Chat, Dialect
from planners.grammars import GRAMMARS, FrameKind, get_grammar
from planners.planner import PastStep
from tests.vlm.tiny_models import build_tiny_model
from tests.vlm.vlm_fixtures import phone_screen

pytest.importorskip("transformers")

REPLIES = {
    "som_json": '{"thought": "t", "action": {"kind": "tap", "target": 2}}',
    "uitars": "Thought: tap Wi-Fi\nAction: click(start_box='<|box_start|>(546,1204)<|box_end|>')",
    "uitars_v1": "Thought: tap Wi-Fi\nAction: click(start_box='<|box_start|>(500,500)<|box_end|>')",
}
QWEN = '<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [%d, %d]}}\n</tool_call>'  # noqa: E501


def _reply(name: str) -> str:
    return REPLIES.get(name) or QWEN % ((546, 1204) if name == "qwen_mobile" else (500, 500))


@pytest.fixture(scope="module")
def processor(tmp_path_factory: pytest.TempPathFactory):
    from planners.hf_loading import load_processor

    path = build_tiny_model(tmp_path_factory.mktemp("tiny") / "tiny-qwen2-5-vl", "qwen2_5_vl")
    return load_processor(str(path), "qwen2_5_vl")


def _episode(name: str, steps: int, dialect: Dialect | None = None):
    grammar = get_grammar(name)
    chat = Chat(grammar, grammar.default_rendering, "phone", dialect)
    history: list[PastStep] = []
    notes = {"com.android.settings": "page 'Settings': Wi-Fi, Display"}.get
    for i in range(steps):
        screen = phone_screen()
        conv = chat.step("Turn on Wi-Fi", screen, history, None, lambda app: notes(app, ""))
        chat.reply(_reply(name))
        history.append(PastStep(Tap(ElementRef(2)), outcome=f"screen changed {i}"))
    return chat, conv


@pytest.mark.slow
@pytest.mark.parametrize("name", list(GRAMMARS))
def test_three_steps_through_the_chat_template(processor, name: str) -> None:
    grammar = get_grammar(name)
    _, conv = _episode(name, 3)
    messages = conv.template_messages()
    assert [m["role"] for m in messages] == ["system"] + ["user", "assistant"] * 3
    for m in messages[2::2]:  # the model's own replies, verbatim
        assert m["content"][-1]["text"] == _reply(name)
    text = processor.apply_chat_template(messages, tokenize=False)
    images = conv.images()
    assert len(images) == min(3, grammar.screenshots)  # som_json: the last one only
    inputs = processor(text=[text], images=images, return_tensors="pt")
    assert len(inputs["image_grid_thw"]) == len(images)
    for m in messages[1::2][-len(images):]:  # image before text in every user turn
        assert [p["type"] for p in m["content"]] == ["image", "text"]
    assert text.count("Task: Turn on Wi-Fi") == 1  # the task once, in the first turn
    assert text.count("page 'Settings'") == 1  # app notes once, when the app is entered
    assert "Result of the last action: screen changed 1" in text
    system = messages[0]["content"][0]["text"]
    if grammar.tools is not None:
        schema = json.loads(re.search(r"<tools>\n(.*)\n</tools>", system, re.DOTALL)[1])
        width, height = conv.frame.extent()
        assert f"resolution is {width}x{height}" in schema["function"]["description"]
        assert (width, height) == ((1092, 2408) if name == "qwen_mobile" else (1000, 1000))
    else:
        assert grammar.render_action_space() in system
    if grammar.language_line:
        assert "Write the Thought in English." in system
    if grammar.frame is FrameKind.NORMALIZED_1000:
        assert "normalized to 0-1000" in messages[-2]["content"][-1]["text"]


@pytest.mark.unit
def test_uitars_v1_has_its_own_actions() -> None:
    system = _episode("uitars_v1", 1)[1].system
    assert "scroll(start_box=" in system and "end_box=" in system
    assert "hotkey(" not in system and "left_double(" not in system
    assert "hotkey(" in _episode("uitars", 1)[1].system


@pytest.mark.unit
def test_only_the_last_screenshots_are_sent_and_earlier_turns_stay_put() -> None:
    _, conv = _episode("uitars", 7)
    shown = conv.shown()
    assert sum(image is not None for image in shown) == 5
    assert [t.text.startswith(IMAGE_GONE) for t in conv.turns] == [False] * 14
    first_user = conv.template_messages()[1]["content"]
    assert first_user[0]["text"].startswith(IMAGE_GONE)  # dropped: text and a note remain
    assert _episode("uitars", 7, Dialect(screenshots=2))[1].images().__len__() == 2


@pytest.mark.unit
def test_a_new_history_starts_a_new_conversation_with_the_steps_in_the_models_frame() -> None:
    chat, _ = _episode("qwen3_mobile", 2)
    history = [PastStep(Tap(Point(540, 1200)), outcome="screen changed")]  # not its own
    conv = chat.step("Turn on Wi-Fi", phone_screen(), history, None, lambda app: "")
    assert len(conv.turns) == 1
    assert "1. tap (500, 500) -> screen changed" in conv.turns[0].text  # 0-1000 frame


@pytest.mark.unit
def test_verification_is_one_more_turn_and_the_next_step_reuses_its_screenshot() -> None:
    chat, conv = _episode("qwen_mobile", 1)
    before, after = chat.conversation.last_screen, phone_screen()
    prefix = conv.openai_messages()
    assert chat.verification(Tap(Point(540, 1200)), before, after, None) is conv
    chat.reply('{"verdict": "worked", "reason": "ok"}', decision=False)
    question = conv.turns[-2]
    assert question.image is not None and "tap (546, 1204)" in question.text  # its frame
    conv = chat.step("Turn on Wi-Fi", after, [PastStep(Tap(Point(540, 1200)))], None,
                     lambda app: "")
    assert conv.openai_messages()[:len(prefix)] == prefix  # nothing earlier rewritten
    assert conv.turns[-1].image is None and "last one shown above" in conv.turns[-1].text
    assert chat.verification(Tap(Point(1, 1)), phone_screen(), after, None) is None


@pytest.mark.unit
def test_a_template_with_the_instruction_becomes_the_first_user_turn(tmp_path: Path) -> None:
    path = tmp_path / "mobile_use.txt"
    path.write_text("You are a GUI agent.\n## Action Space\n{action_space}\n"
                    "## User Instruction\n{instruction}\nUse {language} in Thought.\n")
    _, conv = _episode("uitars", 2, Dialect.with_template_file(path, language="French"))
    assert conv.system == "You are a helpful assistant."
    first = conv.turns[0].text
    assert "## User Instruction\nTurn on Wi-Fi\nUse French in Thought." in first
    assert "click(start_box=" in first and "Task:" not in first
    path.write_text("System of my own for a {device}.")
    _, conv = _episode("uitars", 1, Dialect.with_template_file(path))
    assert conv.system == "System of my own for a phone."


@pytest.mark.slow
@pytest.mark.parametrize("family", ["qwen2_vl", "qwen2_5_vl", "qwen3_vl"])
def test_ten_steps_prefill_only_the_new_turn_and_match_generate(
        tmp_path: Path, family: str, screen: Screen) -> None:
    from planners.errors import ParseError
    from planners.transformers_planner import TransformersPlanner

    path = build_tiny_model(tmp_path / f"tiny-{family.replace('_', '-')}", family)
    planner = TransformersPlanner(str(path), max_new_tokens=8, device="cpu",
                                  dialect=Dialect(screenshots=6))
    history: list[PastStep] = []
    prefilled = []
    for i in range(10):
        with contextlib.suppress(ParseError):  # random weights: the usage is kept
            planner.decide("Turn on Wi-Fi", phone_screen(), history)
        prefilled.append(planner.last_usage["prefilled_tokens"])
        history.append(PastStep(Tap(Point(1, 2)), outcome="screen changed"))
        if i == 4:  # the same reply as generate over the whole conversation
            cached_reply = planner.chat.conversation.turns[-1].text
            planner.reuse_prefix_cache = False
            conv = planner.chat.conversation
            conv.turns.pop()
            plain, usage, _ = planner.converse(conv, planner.sampling)
            conv.add("assistant", cached_reply)
            planner.reuse_prefix_cache = True
            assert usage["prefilled_tokens"] > 5 * prefilled[-1]
            assert plain == cached_reply
    first, window = prefilled[0], prefilled[1:6]
    assert max(window) < first / 4  # one screenshot, one reply, a few lines of text
    assert max(window) - min(window) <= 2
    assert prefilled[6] > first  # the oldest screenshot left: the prefix changed
