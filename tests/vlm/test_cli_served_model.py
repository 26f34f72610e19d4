"""`automator run --planner openai:MODEL@URL` end to end: a served model on loopback plans,
the loop acts on the virtual phone, and the grammar can be chosen on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from automator.cli import main
from tests.vlm.test_openai_compat import ChatServer, server  # noqa: F401 (fixture)


def _episode_steps(folder: Path) -> list[dict]:
    lines = (folder / "steps.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.sim
def test_run_with_a_served_model_in_the_element_grammar(server: ChatServer, tmp_path: Path,  # noqa: F811
                                                        capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k-test")
    server.script = [
        (200, '{"thought": "Settings has Wi-Fi", "action": {"kind": "open_app", '
              '"app": "Settings"}}', 0.0),
        (200, '{"thought": "done", "action": {"kind": "finish", "status": "success"}}', 0.0),
    ]
    out = tmp_path / "episode"
    code = main(["run", "Open the settings", "--planner", f"openai:my-model@{server.base_url}",
                 "--out", str(out)])
    assert code == 0, capsys.readouterr()
    assert [r["model"] for r in server.requests] == ["my-model", "my-model"]
    steps = _episode_steps(out)
    assert steps[0]["executed"]["kind"] == "open_app"
    assert steps[0]["app"] != "com.android.settings"  # it started on the home screen
    assert steps[1]["app"] == "com.android.settings"


@pytest.mark.sim
def test_grammar_flag_overrides_the_inferred_one(server: ChatServer, tmp_path: Path,  # noqa: F811
                                                 monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k-test")
    server.script = [
        (200, "Thought: go home first.\nAction: press_home()", 0.0),
        (200, "Thought: nothing left.\nAction: finished(content='done')", 0.0),
    ]
    out = tmp_path / "episode"
    code = main(["run", "Go home", "--planner", f"openai:plain-model@{server.base_url}",
                 "--grammar", "uitars", "--out", str(out)])
    assert code == 0
    assert "press_home" in server.requests[0]["messages"][0]["content"]  # uitars action space
    assert _episode_steps(out)[0]["executed"] == {"kind": "key", "key": "home"}
