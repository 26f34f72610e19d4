"""Text typed into a password field: the phone gets it, no file of the episode keeps it, the
console and the log never show it, and a replay types it again only when it is given."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from automator.cli import main
from automator.config import LoopConfig, PhoneConfig
from automator.console import StepPrinter
from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory
from automator.replay import replay
from automator.secrets import REDACTED, mask, typed_secret
from automator.trajectory import Outcome
from devices.actions import ElementRef, TypeText
from perception import parse_uiautomator
from perception.elements import Screen
from planners.planner import Decision, PastStep
from planners.scripted import ScriptedPlanner
from planners.task_script import TaskScript

DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"
SECRET = "s3cret-Owl-42"
NETWORK = "Office-5G"
SCRIPT = [{"open": "Settings"}, {"tap": "Network & internet"}, {"tap": "Wi-Fi"},
          {"tap": "Wi-Fi networks"}, {"tap": NETWORK},
          {"type": {"into": {"rid": "password"}, "text": SECRET}},
          {"tap": {"rid": "connect"}}, {"finish": "success"}]
TYPED = 5  # the index of the step that types the password


class Quoting(ScriptedPlanner):
    """The script, with thoughts and raw replies that quote what it typed, as a model's do."""

    name = "quoting"

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        decision = super().decide(goal, screen, history)
        typed = [h.action.text for h in history if isinstance(h.action, TypeText)]
        if isinstance(decision.action, TypeText):
            typed.append(decision.action.text)
        quote = f" (typed {typed[-1]!r})" if typed else ""
        return Decision(decision.action, thought=f"next step{quote}",
                        raw=json.dumps({"text": typed[-1]}) if typed else "")


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir()) if f.is_file()}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("secret") / "join-wifi"
    printed = io.StringIO()
    handler = logging.StreamHandler(logged := io.StringIO())
    logging.getLogger("automator").addHandler(handler)
    logging.getLogger("automator").setLevel(logging.INFO)
    try:
        with PhoneConfig().phone() as phone:
            trajectory = run_episode(f"Join {NETWORK}", phone, Quoting(TaskScript(SCRIPT)),
                                     LoopConfig(max_steps=12).for_device("virtual"),
                                     recorder=Recorder(folder), on_step=StepPrinter(printed))
            state = phone.state()
    finally:
        logging.getLogger("automator").removeHandler(handler)
    assert trajectory.outcome == Outcome.SUCCESS, trajectory.reason
    return {"folder": folder, "trajectory": trajectory, "state": state,
            "printed": printed.getvalue(), "logged": logged.getvalue()}


@pytest.mark.sim
def test_the_phone_gets_the_password_and_no_file_keeps_it(recorded: dict):
    assert recorded["trajectory"].steps[TYPED].executed.text == SECRET  # what the phone typed
    assert recorded["state"]["system"]["wifi_network"] == NETWORK  # and it connected with it
    files = all_bytes(recorded["folder"])
    assert "steps.jsonl" in files and "step_006.png" in files and "step_006.xml" in files
    leaks = [name for name, data in files.items() if SECRET.encode() in data]
    assert leaks == []


@pytest.mark.sim
def test_every_part_of_the_record_shows_the_placeholder(recorded: dict):
    rows = [json.loads(line) for line in
            (recorded["folder"] / "steps.jsonl").read_text(encoding="utf-8").splitlines()]
    row = rows[TYPED]
    assert row["typed_secret"] and row["executed"]["kind"] == "type_text"
    assert row["executed"]["text"] == row["decision"]["action"]["text"] == REDACTED
    assert REDACTED in row["decision"]["thought"] and REDACTED in row["decision"]["raw"]
    assert REDACTED in rows[TYPED + 1]["decision"]["thought"]  # a later step quoting it
    assert not any(r["typed_secret"] for r in rows if r["index"] != TYPED)
    loaded = load_trajectory(recorded["folder"])
    assert loaded.steps[TYPED].typed_secret and loaded.steps[TYPED].executed.text == REDACTED


@pytest.mark.sim
def test_the_console_and_the_log_mask_it(recorded: dict):
    assert REDACTED in recorded["printed"] and REDACTED in recorded["logged"]
    assert SECRET not in recorded["printed"] and SECRET not in recorded["logged"]


@pytest.mark.sim
def test_a_replay_given_the_password_connects_and_stores_it_masked(recorded: dict,
                                                                   tmp_path: Path):
    asked: list[tuple[int, str]] = []

    def secret(step: int, field: str) -> str:
        asked.append((step, field))
        return SECRET

    with PhoneConfig().phone() as phone:
        result = replay(recorded["folder"], phone, tmp_path / "replay",
                        LoopConfig().for_device("virtual"), secret=secret)
        state = phone.state()
    assert result.ok and result.replayed == result.total == 7
    assert asked == [(TYPED, "password")]
    assert state["system"]["wifi_network"] == NETWORK
    assert [n for n, data in all_bytes(tmp_path / "replay").items() if SECRET.encode() in data] \
        == []


@pytest.mark.sim
def test_a_replay_without_the_password_stops_there_and_types_nothing(recorded: dict,
                                                                     tmp_path: Path):
    with PhoneConfig().phone() as phone:
        result = replay(recorded["folder"], phone, tmp_path / "replay",
                        LoopConfig().for_device("virtual"), secret=lambda step, field: None)
        state = phone.state()
    assert not result.ok and result.divergence is not None
    assert result.divergence.needs_secret and result.divergence.step == TYPED
    assert "password field" in result.divergence.report()
    assert result.replayed == TYPED and state["system"]["wifi_network"] != NETWORK
    typed = [s for s in load_trajectory(tmp_path / "replay").steps
             if isinstance(s.executed, TypeText)]
    assert typed == []  # the placeholder never reached the phone


@pytest.mark.sim
def test_replay_command_reads_the_password_from_the_environment(
        recorded: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch):
    folder = str(recorded["folder"])
    monkeypatch.delenv("AUTOMATOR_SECRET", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal: nobody to ask
    assert main(["replay", folder, "--out", str(tmp_path / "without")]) == 1
    out = capsys.readouterr().out
    assert f"AUTOMATOR_SECRET_{TYPED}" in out and "password field" in out
    monkeypatch.setenv(f"AUTOMATOR_SECRET_{TYPED}", SECRET)
    assert main(["replay", folder, "--out", str(tmp_path / "with")]) == 0
    out = capsys.readouterr().out
    assert "replayed: 7/7" in out and SECRET not in out


def signup() -> Screen:
    xml = (DUMPS / "signup_form_keyboard.xml").read_text(encoding="utf-8")
    return parse_uiautomator(xml, 1080, 2400)


@pytest.mark.unit
def test_a_secret_is_text_typed_into_a_field_marked_password():
    screen = signup()
    password = next(e for e in screen.elements if e.password)
    other = next(e for e in screen.elements if e.editable and not e.password)
    assert typed_secret(TypeText("hunter22", ElementRef(password.id)), screen) == "hunter22"
    assert typed_secret(TypeText("hunter22", password.bounds.center), screen) == "hunter22"
    assert typed_secret(TypeText("Maria", ElementRef(other.id)), screen) is None
    # no target: the focused field decides (the e-mail field in the dump, then the password)
    assert typed_secret(TypeText("anna@example.com"), screen) is None
    focus_password = replace(screen, elements=tuple(replace(e, focused=e.password)
                                                    for e in screen.elements))
    assert typed_secret(TypeText("hunter22"), focus_password) == "hunter22"


@pytest.mark.unit
def test_mask_replaces_every_secret_longest_first_and_keeps_the_rest():
    row = {"a": "typed hunter2 then hunter22", "b": ["hunter22"], "n": 3, "none": None}
    assert mask(row, ["hunter2", "hunter22"]) == {
        "a": f"typed {REDACTED} then {REDACTED}", "b": [REDACTED], "n": 3, "none": None}
    assert mask("nothing typed", []) == "nothing typed"


@pytest.mark.unit
def test_the_command_lines_secrets_come_from_the_environment_then_the_terminal(
        monkeypatch: pytest.MonkeyPatch):
    from automator.cli_replay import secret_source

    env = {"AUTOMATOR_SECRET": "for-all", "AUTOMATOR_SECRET_3": "for-three"}
    assert secret_source(env, ask=False)(3, "Password") == "for-three"
    assert secret_source(env, ask=False)(5, "Password") == "for-all"
    assert secret_source({}, ask=False)(5, "Password") is None
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or "typed")
    assert secret_source({}, ask=True)(5, "Password") == "typed"
    assert prompts and "step 5" in prompts[0] and "'Password'" in prompts[0]
