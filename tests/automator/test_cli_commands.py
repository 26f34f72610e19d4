"""The command line, called as `main([...])`: run, perceive, eval, bench, bad input."""

import io
import json

import pytest
from PIL import Image

from automator.cli import main
from automator.console import tty_confirm
from automator.recording import load_trajectory
from automator.trajectory import Outcome
from devices.virtual.phone import VirtualPhone


@pytest.fixture
def dump(tmp_path):
    observation = VirtualPhone(app="settings").capture()
    xml, png = tmp_path / "screen.xml", tmp_path / "screen.png"
    xml.write_text(observation.tree, encoding="utf-8")
    observation.screenshot.save(png)
    return xml, png


def _script(tmp_path, actions):
    path = tmp_path / "script.json"
    path.write_text(json.dumps(actions))
    return f"scripted:{path}"


@pytest.mark.sim
def test_run_shows_steps_records_the_episode_and_exits_0_on_success(tmp_path, capsys):
    planner = _script(tmp_path, [{"kind": "open_app", "app": "Settings"},
                                 {"parse_error": "hmm"},
                                 {"kind": "finish", "status": "success", "answer": "open"}])
    out = tmp_path / "episode"
    code = main(["run", "Open the settings", "--planner", planner, "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "open app 'Settings'" in printed and "unreadable reply" in printed
    assert "outcome: success" in printed and str(out) in printed
    assert load_trajectory(out).outcome == Outcome.SUCCESS


@pytest.mark.sim
@pytest.mark.parametrize(("finish", "code"), [("infeasible", 3), ("success", 0)])
def test_run_exit_codes(tmp_path, capsys, finish, code):
    planner = _script(tmp_path, [{"kind": "finish", "status": finish}])
    assert main(["run", "x", "--planner", planner, "--out", str(tmp_path / "e")]) == code


@pytest.mark.sim
def test_run_rejects_unknown_allow_categories(tmp_path, capsys):
    assert main(["run", "x", "--allow", "teleport", "--out", str(tmp_path / "e")]) == 2
    assert "teleport" in capsys.readouterr().err


@pytest.mark.unit
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "x", "--device", "android:emulator-5554"], "adb devices"),
        (["run", "x", "--device", "desktop"], "desktop driver"),
        (["run", "x", "--device", "toaster"], "unknown device"),
    ],
)
def test_unavailable_devices_say_what_brings_them(args, message, capsys, monkeypatch):
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "9")  # nothing listens there
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.sim
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--planner", "transformers:/nonexistent/model-folder"], "cannot build the planner"),
        (["--planner", "openai:http://x"], "openai:MODEL@"),
        (["--planner", "openai:qwen@http://127.0.0.1:9/v1", "--grammar", "klingon"],
         "unknown grammar"),
    ],
)
def test_model_planners_that_cannot_be_built_say_why(options, message, tmp_path, capsys,
                                                      monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["run", "x", *options, "--out", str(tmp_path / "e")]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.sim
@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_perceive_prints_each_format(dump, fmt, capsys):
    xml, png = dump
    assert main(["perceive", str(xml), "--screenshot", str(png), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Network &" in out and "internet" in out
    if fmt == "json":
        json.loads(out)


@pytest.mark.sim
def test_perceive_som_writes_a_marked_image(dump, tmp_path, capsys):
    xml, png = dump
    out = tmp_path / "som.png"
    assert main(["perceive", str(xml), "--screenshot", str(png), "--format", "som",
                 "--out", str(out)]) == 0
    with Image.open(out) as image:
        assert image.width > 0
    assert main(["perceive", str(xml), "--format", "som"]) == 2
    assert "--screenshot" in capsys.readouterr().err


@pytest.mark.unit
@pytest.mark.parametrize("content", ["", "<hierarchy><node", "not xml at all"])
def test_perceive_bad_input_is_one_line_and_exit_2(tmp_path, content, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text(content)
    assert main(["perceive", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("automator: ") and len(err.strip().splitlines()) == 1


@pytest.mark.unit
def test_perceive_missing_file_is_exit_2(tmp_path, capsys):
    assert main(["perceive", str(tmp_path / "missing.xml")]) == 2
    assert "missing.xml" in capsys.readouterr().err


@pytest.mark.sim
def test_eval_runs_a_tiny_suite_and_writes_the_summary(tmp_path, capsys):
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "settings-wifi-stays.yaml").write_text(
        "goal: Leave Wi-Fi on\napp: settings\nstate: {system: {wifi: true}}\n"
        "success:\n  - {path: system.wifi, equals: true}\nmax_steps: 3\n")
    (suite / "clock-warp.yaml").write_text(
        "goal: Set the clock to warp speed\nexpect: infeasible\nmax_steps: 3\n")
    planner = _script(tmp_path, [])  # finishes with success at once
    out = tmp_path / "out"
    assert main(["eval", str(suite), "--planner", planner, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "PASS settings-wifi-stays" in printed and "FAIL clock-warp" in printed
    summary = json.loads((out / "summary.json").read_text())
    assert summary["total"] == 2 and summary["success_rate"] == 0.5
    assert summary["per_app"] == {"clock": 0.0, "settings": 1.0}
    assert (out / "settings-wifi-stays" / "episode.json").exists()
    assert main(["eval", str(suite), "--planner", planner, "--out", str(out),
                 "--tasks", "clock-*"]) == 0
    assert json.loads((out / "summary.json").read_text())["total"] == 1


@pytest.mark.sim
def test_bench_step_prints_median_and_max(capsys):
    assert main(["bench", "step", "--steps", "4"]) == 0
    out = capsys.readouterr().out
    assert "median" in out and "max" in out


def test_bench_capture_prints_median_and_p90(capsys):
    assert main(["bench", "capture", "--realism", "on", "--seed", "3", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "realism on, seed 3" in out and "median" in out and "p90" in out


def test_bench_capture_refuses_an_unknown_realism_feature(capsys):
    assert main(["bench", "capture", "--realism", "glare", "--rounds", "1"]) == 2


class FakeTty(io.StringIO):
    def __init__(self, text="", tty=True):
        super().__init__(text)
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.unit
def test_confirmation_asks_on_a_terminal_and_refuses_elsewhere():
    out = FakeTty()
    confirm = tty_confirm(FakeTty("y\n"), out)
    assert confirm("payment", "tap 'Pay $5'") is True
    assert "payment" in out.getvalue() and "[y/N]" in out.getvalue()
    assert tty_confirm(FakeTty("\n"), FakeTty())("deletion", "tap 'Delete'") is False
    assert tty_confirm(FakeTty("y\n", tty=False), FakeTty()) is None
