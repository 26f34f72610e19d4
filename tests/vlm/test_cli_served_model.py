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
        # home on the home screen changes nothing: the loop asks the model for a verdict
        (200, '{"verdict": "worked", "reason": "already home"}', 0.0),
        (200, "Thought: nothing left.\nAction: finished(content='done')", 0.0),
    ]
    out = tmp_path / "episode"
    code = main(["run", "Go home", "--planner", f"openai:plain-model@{server.base_url}",
                 "--grammar", "uitars", "--out", str(out)])
    assert code == 0
    assert "press_home" in server.requests[0]["messages"][0]["content"]  # uitars action space
    first = _episode_steps(out)[0]
    assert first["executed"] == {"kind": "key", "key": "home"}
    assert "already home" in first["verification"]["detail"]


@pytest.mark.sim
def test_an_unreachable_model_server_ends_the_run_as_infrastructure(tmp_path: Path, capsys):
    out = tmp_path / "episode"
    code = main(["run", "Go home", "--planner", "openai:m@http://127.0.0.1:9/v1",
                 "--out", str(out)])
    assert code == 1
    assert "infrastructure" in capsys.readouterr().out
    outcome = json.loads((out / "outcome.json").read_text(encoding="utf-8"))
    assert outcome["outcome"] == "infrastructure" and "Connection refused" in outcome["reason"]


def _memory_of_settings(folder: Path) -> None:
    from devices.virtual.phone import VirtualPhone
    from perception import perceive, signature
    from planners.embedded.memory import AppMemory

    phone = VirtualPhone(app="settings")
    screen = perceive(phone.capture())
    memory = AppMemory()
    memory.set_app("Settings", "com.android.settings", signature(screen))
    memory.add_screen(signature(screen), screen, "Settings")
    memory.save(folder)


@pytest.mark.sim
@pytest.mark.parametrize("notes", [True, False])
def test_a_served_model_is_told_the_app_memory_unless_asked_not_to(
    server: ChatServer, tmp_path: Path, monkeypatch, notes  # noqa: F811
):
    monkeypatch.setenv("OPENAI_API_KEY", "k-test")
    memory = tmp_path / "memory"
    _memory_of_settings(memory)
    server.script = [(200, '{"thought": "t", "action": {"kind": "finish"}}', 0.0)]
    args = ["run", "Turn on Wi-Fi", "--planner", f"openai:m@{server.base_url}", "--memory",
            str(memory), "--out", str(tmp_path / "e")]
    assert main([*args] if notes else [*args, "--no-app-notes"]) == 0
    user = server.requests[0]["messages"][1]["content"][-1]["text"]
    assert ("This app's screens" in user) is notes
    notes_part = user.split("Current screen")[0]  # on the home screen: the apps' overview
    assert ("app 'Settings': Settings" in notes_part) is notes


@pytest.mark.sim
def test_app_notes_list_an_apps_pages_and_fit_the_limit(tmp_path: Path):
    from planners.embedded.memory import AppMemory

    _memory_of_settings(tmp_path)
    memory = AppMemory.load(tmp_path)
    notes = memory.describe("com.android.settings")
    assert notes.startswith("page 'Settings")
    assert "Network & internet" in notes and "Display" in notes
    assert len(memory.describe("com.android.settings", limit=80)) <= 80
    assert memory.describe("com.example.unknown").startswith("app 'Settings': Settings")


@pytest.mark.sim
def test_what_a_run_sends_is_one_growing_conversation(server: ChatServer, tmp_path: Path,  # noqa: F811
                                                      monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k-test")
    first = "Thought: go home first.\nAction: press_home()"
    verdict = '{"verdict": "worked", "reason": "already home"}'
    server.script = [(200, first, 0.0), (200, verdict, 0.0),
                     (200, "Thought: nothing left.\nAction: finished(content='done')", 0.0)]
    template = tmp_path / "template.txt"
    template.write_text("My own agent prompt.\n{action_space}\nTask: {instruction}\n"
                        "Thoughts in {language}.")
    code = main(["run", "Go home", "--planner", f"openai:UI-TARS-1.5-7B@{server.base_url}",
                 "--prompt-template", str(template), "--out", str(tmp_path / "e")])
    assert code == 0
    decide, verify, again = (r["messages"] for r in server.requests)
    assert verify[:len(decide)] == decide and again[:len(verify)] == verify  # append-only
    assert [m["role"] for m in again] == ["system", "user", "assistant", "user", "assistant",
                                          "user"]
    assert again[2]["content"] == first and again[4]["content"] == verdict  # verbatim
    opening = decide[1]["content"]
    assert [p["type"] for p in opening] == ["image_url", "text"]
    assert opening[1]["text"].startswith("My own agent prompt.\nclick(start_box=")
    assert "Task: Go home\nThoughts in English." in opening[1]["text"]
    assert "1092x2408 screenshot" in opening[1]["text"]  # UI-TARS-1.5: resized pixels
    assert verify[3]["content"][0]["type"] == "image_url"  # the screen after the action
    assert "check the last one: press home" in verify[3]["content"][1]["text"]
    assert [p["type"] for p in again[5]["content"]] == ["text"]  # that screen, not resent
