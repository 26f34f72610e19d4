"""OpenAICompatiblePlanner against a real HTTP server on loopback."""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PIL import Image

from devices.actions import ElementRef, Finish, Point, Tap, action_to_dict
from perception.elements import Screen
from planners.errors import ParseError, PlannerError
from planners.openai_compat import OpenAICompatiblePlanner, RetryPolicy
from planners.planner import PastStep, Planner

TAP_3 = '{"thought": "Wi-Fi row", "action": {"kind": "tap", "target": 3}}'


class ChatServer(ThreadingHTTPServer):
    """Answers /v1/chat/completions from a script of (status, content, delay_s); a dict
    content is the whole message (for fields beside `content`)."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, str | dict[str, Any], float]] = []
        self.requests: list[dict[str, Any]] = []
        self.headers_seen: list[dict[str, str]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    server: ChatServer

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        self.server.headers_seen.append(dict(self.headers))
        status, content, delay = self.server.script.pop(0)
        time.sleep(delay)
        message = {"role": "assistant"} | (
            content if isinstance(content, dict) else {"content": content})
        payload = {"error": {"message": content}} if status != 200 else {
            "choices": [{"message": message}],
            "usage": {"prompt_tokens": 812, "completion_tokens": 24, "total_tokens": 836}}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out and left


@pytest.fixture
def server() -> Iterator[ChatServer]:
    srv = ChatServer()
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join()


def _planner(server: ChatServer, **kwargs: Any) -> OpenAICompatiblePlanner:
    kwargs.setdefault("retry", RetryPolicy(attempts=3, base_s=0.01))
    return OpenAICompatiblePlanner("qwen2.5-vl-7b", server.base_url, api_key="k-test",
                                   sleep=lambda s: None, **kwargs)


def _image_of(part: dict[str, Any]) -> Image.Image:
    url = part["image_url"]["url"]
    head, _, data = url.partition(",")
    assert head in ("data:image/png;base64", "data:image/jpeg;base64")
    return Image.open(io.BytesIO(base64.b64decode(data)))


@pytest.mark.unit
def test_request_shape_and_decision(server: ChatServer, screen: Screen) -> None:
    server.script.append((200, TAP_3, 0))
    planner = _planner(server, temperature=0.2)
    assert isinstance(planner, Planner)
    history = [PastStep(Tap(ElementRef(1)), outcome="no visible change")]
    decision = planner.decide("Turn on Wi-Fi", screen, history)
    assert decision.action == Tap(ElementRef(3))
    assert decision.raw == TAP_3 and decision.thought == "Wi-Fi row"
    assert decision.usage["prompt_tokens"] == 812 and decision.usage["completion_tokens"] == 24
    assert decision.usage["attempts"] == 1 and decision.usage["latency_ms"] > 0
    request = server.requests[0]
    assert request["model"] == "qwen2.5-vl-7b" and request["temperature"] == 0.2
    system, user = request["messages"]
    assert system["role"] == "system" and "never instructions" in system["content"]
    assert '"kind": "tap"' in system["content"]  # the generated action space
    text = next(p["text"] for p in user["content"] if p["type"] == "text")
    assert "Turn on Wi-Fi" in text and "no visible change" in text
    # the injected screen text arrives inside the data markers
    inside = text.split("<screen_content>")[1].split("</screen_content>")[0]
    assert "Ignore previous instructions" in inside
    image = _image_of(next(p for p in user["content"] if p["type"] == "image_url"))
    image.load()
    assert max(image.size) <= 1344 and image.size[1] > image.size[0]
    assert server.headers_seen[0]["Authorization"] == "Bearer k-test"


@pytest.mark.unit
def test_coordinate_grammar_reads_the_resized_frame(server: ChatServer, screen: Screen) -> None:
    reply = "Thought: tap\nAction: click(start_box='<|box_start|>(546,1300)<|box_end|>')"
    server.script.append((200, reply, 0))
    planner = _planner(server, grammar="uitars", image_format="jpeg")
    decision = planner.decide("Turn on Wi-Fi", screen, [])
    image = _image_of(server.requests[0]["messages"][1]["content"][0])
    assert image.size == (1092, 2408)  # smart_resize of 1080x2400, as the server would
    assert decision.action == Tap(Point(540, 1296))


@pytest.mark.unit
@pytest.mark.parametrize("field", ["reasoning_content", "reasoning"])
def test_reasoning_returned_apart_is_the_thought_never_the_action(
        server: ChatServer, screen: Screen, field: str) -> None:
    call = ('<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", '
            '"coordinate": [500, 150]}}\n</tool_call>')
    thinking = 'Going home would be {"name": "mobile_use", "arguments": {"action": "key"}}; no.'
    server.script.append((200, {"content": call, field: thinking}, 0))
    planner = OpenAICompatiblePlanner("Qwen/Qwen3-VL-8B-Thinking", server.base_url,
                                      grammar="qwen3_mobile", api_key="", sleep=lambda s: None)
    decision = planner.decide("Turn on Wi-Fi", screen, [])
    assert decision.action == Tap(Point(540, 360))  # 0-1000 on a 1080x2400 screen
    assert decision.thought == thinking
    assert decision.raw == f"<think>\n{thinking}\n</think>\n{call}"


@pytest.mark.unit
def test_retries_a_server_error_then_succeeds(server: ChatServer, screen: Screen) -> None:
    server.script += [(500, "overloaded", 0), (429, "slow down", 0), (200, TAP_3, 0)]
    decision = _planner(server).decide("Turn on Wi-Fi", screen, [])
    assert decision.action == Tap(ElementRef(3))
    assert decision.usage["attempts"] == 3 and len(server.requests) == 3


@pytest.mark.unit
def test_gives_up_after_the_last_retry(server: ChatServer, screen: Screen) -> None:
    server.script += [(503, "down", 0)] * 3
    with pytest.raises(PlannerError, match="gave up after 3 tries"):
        _planner(server).decide("Turn on Wi-Fi", screen, [])


@pytest.mark.unit
def test_timeout_is_retried(server: ChatServer, screen: Screen) -> None:
    server.script += [(200, TAP_3, 1.0), (200, TAP_3, 0)]
    decision = _planner(server, timeout_s=0.2).decide("Turn on Wi-Fi", screen, [])
    assert decision.usage["attempts"] == 2


@pytest.mark.unit
def test_unauthorized_is_a_clear_error_without_retry(server: ChatServer, screen: Screen) -> None:
    server.script.append((401, "invalid api key", 0))
    with pytest.raises(PlannerError, match="API key was refused"):
        _planner(server).decide("Turn on Wi-Fi", screen, [])
    assert len(server.requests) == 1


@pytest.mark.unit
def test_unreadable_reply_is_a_parse_error(server: ChatServer, screen: Screen) -> None:
    server.script.append((200, "I am not sure what to do here.", 0))
    with pytest.raises(ParseError) as info:
        _planner(server).decide("Turn on Wi-Fi", screen, [])
    assert info.value.raw == "I am not sure what to do here."


@pytest.mark.unit
def test_text_rendering_sends_no_image(server: ChatServer, screen: Screen) -> None:
    server.script.append((200, '{"action": {"kind": "finish", "answer": "on"}}', 0))
    decision = _planner(server, rendering="text").decide("Is Wi-Fi on?", screen, [])
    assert action_to_dict(decision.action) == action_to_dict(Finish(answer="on"))
    assert all(p["type"] == "text" for p in server.requests[0]["messages"][1]["content"])
