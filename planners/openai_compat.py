"""A planner over any OpenAI-compatible chat-completions server (vLLM, SGLang, llama.cpp,
Ollama, hosted APIs), standard library HTTP only.

Errors: HTTP 401/403 and other 4xx raise `PlannerError` at once (a configuration fault);
429, 5xx, timeouts and refused connections are retried with exponential backoff, then
raise `PlannerError`. A reply that cannot be read as an action raises `ParseError`.
"""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from devices.actions import Action
from perception.elements import Screen
from planners.conversation import Chat, Dialect
from planners.errors import PlannerError
from planners.grammars import Grammar, get_grammar
from planners.planner import Decision, PastStep
from planners.verify_prompt import Verification, build_verify_prompt, parse_verdict, verify_messages
from planners.vlm import no_app_notes

log = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
VERIFY_MAX_TOKENS = 128  # one JSON verdict with a one-sentence reason


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # total tries, the first included
    base_s: float = 0.5  # first backoff; doubles each retry
    max_s: float = 8.0  # longest single wait, Retry-After included


class _Retryable(Exception):
    def __init__(self, reason: str, wait_s: float | None = None) -> None:
        super().__init__(reason)
        self.wait_s = wait_s


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class OpenAICompatiblePlanner:
    """Sends the goal, history and screen rendering to `/chat/completions`; parses the reply
    with the grammar."""

    def __init__(
        self,
        model: str,
        base_url: str,
        grammar: str | Grammar = "som_json",
        rendering: str | None = None,  # "som", "text" or "screenshot"; None: the grammar's
        api_key: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        timeout_s: float = 60.0,  # per request
        temperature: float = 0.0,
        max_tokens: int = 512,
        retry: RetryPolicy = RetryPolicy(),
        image_format: str = "png",
        device: str = "phone",
        max_pixels: int | None = None,  # image budget for resized-frame grammars
        dialect: Dialect | None = None,  # screenshots kept, language, a template of one's own
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.grammar = get_grammar(grammar) if isinstance(grammar, str) else grammar
        self.rendering = rendering or self.grammar.default_rendering
        self._api_key = api_key if api_key is not None else os.environ.get(api_key_env, "")
        self.timeout_s, self.temperature, self.max_tokens = timeout_s, temperature, max_tokens
        self.retry, self.image_format, self.device = retry, image_format, device
        self.max_pixels = max_pixels
        self._sleep = sleep
        self.app_notes: Callable[[str], str] = no_app_notes  # package -> notes
        self.name = f"openai:{model}"
        self.chat = Chat(self.grammar, self.rendering, device, dialect)

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        """The next action; the request holds the whole episode so far (see
        `planners.conversation`), the model's earlier replies verbatim."""
        conv = self.chat.step(goal, screen, history, self.max_pixels, self.app_notes)
        started = time.perf_counter()
        body, attempts = self._post_with_retries(self._payload(conv.openai_messages(
            self.image_format)))
        reply, usage = _reply_and_usage(body)
        self.chat.reply(reply)
        usage.update(latency_ms=(time.perf_counter() - started) * 1000, attempts=attempts)
        decision = self.grammar.parse(reply, screen, conv.frame)
        return Decision(decision.action, decision.thought, reply, decision.confidence, usage)

    def verify(self, goal: str, action: Action, before: Screen, after: Screen) -> Verification:
        """Ask the model whether `action` worked: inside the episode's conversation when
        `before` is its last screen (nothing earlier rewritten), else as a request of its
        own with both screenshots."""
        conv = self.chat.verification(action, before, after, self.max_pixels)
        if conv is not None:
            body, _ = self._post_with_retries(self._payload(
                conv.openai_messages(self.image_format), VERIFY_MAX_TOKENS))
            reply = _reply_and_usage(body)[0]
            self.chat.reply(reply, decision=False)
            return parse_verdict(reply)
        prompt = build_verify_prompt(goal, action, before, after, self.device)
        body, _ = self._post_with_retries(self._payload(
            verify_messages(prompt, self.image_format), VERIFY_MAX_TOKENS))
        return parse_verdict(_reply_and_usage(body)[0])

    def _payload(self, messages: list[dict[str, Any]], max_tokens: int | None = None
                 ) -> dict[str, Any]:
        return {"model": self.model, "messages": messages, "temperature": self.temperature,
                "max_tokens": max_tokens or self.max_tokens}

    def _post_with_retries(self, payload: dict[str, Any]) -> tuple[dict[str, Any], int]:
        data = json.dumps(payload).encode("utf-8")
        for attempt in range(1, self.retry.attempts + 1):
            try:
                return self._post(data), attempt
            except _Retryable as e:
                if attempt == self.retry.attempts:
                    raise PlannerError(f"{self.url}: gave up after {attempt} tries: {e}") from e
                wait = e.wait_s if e.wait_s is not None else self.retry.base_s * 2 ** (attempt - 1)
                log.warning("%s: %s; retry %d in %.1f s", self.url, e, attempt, wait)
                self._sleep(min(wait, self.retry.max_s))
        raise AssertionError("unreachable")

    def _post(self, data: bytes) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                raw = response.read()
        except urllib.error.HTTPError as e:
            raise _http_error(e, self.url) from e
        except TimeoutError as e:
            raise _Retryable(f"timed out after {self.timeout_s:g} s") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError | ConnectionError):
                raise _Retryable(f"connection failed: {e.reason}") from e
            raise PlannerError(f"{self.url}: cannot connect: {e.reason}") from e
        except ConnectionError as e:
            raise _Retryable(f"connection failed: {e}") from e
        try:
            return json.loads(raw)
        except ValueError as e:
            raise PlannerError(f"{self.url}: the server's answer is not JSON") from e


def _http_error(error: urllib.error.HTTPError, url: str) -> Exception:
    detail = error.read(500).decode("utf-8", "replace")
    if error.code in RETRY_STATUSES:
        return _Retryable(f"HTTP {error.code}", _retry_after(error))
    if error.code in (401, 403):
        return PlannerError(f"{url}: HTTP {error.code}: the API key was refused (set it with "
                            f"the planner's api key option or its environment variable)")
    return PlannerError(f"{url}: HTTP {error.code}: {detail}")


def _reply_and_usage(body: dict[str, Any]) -> tuple[str, dict[str, float]]:
    try:
        message = body["choices"][0]["message"]
        content = message["content"]
    except (KeyError, IndexError, TypeError) as e:
        raise PlannerError(f"the server's answer has no message: {str(body)[:200]}") from e
    if isinstance(content, list):  # some servers answer in content parts
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    # a server's reasoning parser returns the thinking apart (vLLM and DeepSeek call it
    # `reasoning_content`, Ollama and others `reasoning`): it goes back in front, as the
    # model wrote it, so the record is whole and the grammar keeps it as the thought
    reasoning = message.get("reasoning_content") or message.get("reasoning")
    if isinstance(reasoning, str) and reasoning.strip():
        content = f"<think>\n{reasoning.strip()}\n</think>\n{content or ''}"
    usage: dict[str, float] = {}
    for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
        value = (body.get("usage") or {}).get(key)
        if isinstance(value, int | float):
            usage[key] = float(value)
    return content or "", usage
