"""The command line, called as `main([...])`: run, perceive, eval, bench, bad input."""

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from automator.cli import build_parser, main
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
@pytest.mark.parametrize(("finish", "code"), [("infeasible", 3), ("success", 0), ("failure", 1)])
def test_run_exit_codes(tmp_path, capsys, finish, code):
    planner = _script(tmp_path, [{"kind": "finish", "status": finish}])
    assert main(["run", "x", "--planner", planner, "--out", str(tmp_path / "e")]) == code


@pytest.mark.sim
def test_run_and_explore_take_the_phone_seed_and_realism(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AUTOMATOR_HOME", str(tmp_path / "home"))
    planner = _script(tmp_path, [{"kind": "finish", "status": "success"}])
    out = tmp_path / "e"
    assert main(["run", "x", "--planner", planner, "--out", str(out), "--seed", "2",
                 "--realism", "on"]) == 0
    trajectory = load_trajectory(out)
    assert trajectory.device == "virtual-0-seed2-realism-on"
    assert json.loads((out / "episode.json").read_text())["config"]["settle_max_captures"] > 1
    for command in (["explore"], ["virtual-phone", "serve"]):
        args = build_parser().parse_args([*command, "--seed", "1", "--realism", "hints"])
        assert (args.seed, args.realism) == (1, "hints")
    assert main(["run", "x", "--realism", "always", "--out", str(out)]) == 2


@pytest.mark.sim
def test_run_rejects_unknown_allow_categories(tmp_path, capsys):
    assert main(["run", "x", "--allow", "teleport", "--out", str(tmp_path / "e")]) == 2
    assert "teleport" in capsys.readouterr().err


@pytest.mark.unit
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "x", "--device", "android:emulator-5554"], "adb devices"),
        (["run", "x", "--device", "desktop"], "DISPLAY is not set"),
        (["run", "x", "--device", "toaster"], "unknown device"),
    ],
)
def test_unavailable_devices_say_what_brings_them(args, message, capsys, monkeypatch):
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "9")  # nothing listens there
    monkeypatch.delenv("DISPLAY", raising=False)  # no desktop to open
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
    assert (out / "settings-wifi-stays" / "seed-0" / "episode.json").exists()
    assert summary["floor"]["give_up"]["succeeded"] == 0
    assert summary["floor"]["infeasible"]["succeeded"] == 1  # clock-warp
    assert summary["false_successes"] == 1  # said success on the infeasible one
    assert [len(t["decide_ms"]) for t in summary["tasks"]] == [t["steps"] for t in
                                                               summary["tasks"]]
    assert summary["median_decide_ms"] is not None and "median decision:" in printed
    assert main(["eval", str(suite), "--planner", planner, "--out", str(out),
                 "--tasks", "clock-*"]) == 2  # a folder holds one eval: other tasks refused
    assert "tasks: '*' there, 'clock-*' now" in capsys.readouterr().err
    assert main(["eval", str(suite), "--planner", planner, "--out", str(tmp_path / "clock"),
                 "--tasks", "clock-*"]) == 0
    assert json.loads((tmp_path / "clock" / "summary.json").read_text())["total"] == 1


@pytest.mark.sim
def test_eval_on_seeds_and_splits_gives_intervals_and_seeded_rows(tmp_path, capsys):
    suite = tmp_path / "suite"
    for split, name, wifi in (("dev", "settings-wifi-stays", "true"),
                              ("test", "settings-wifi-was-off", "false")):
        (suite / split).mkdir(parents=True)
        (suite / split / f"{name}.yaml").write_text(
            f"goal: Have Wi-Fi on\napp: settings\nstate: {{system: {{wifi: {wifi}}}}}\n"
            "success:\n  - {path: system.wifi, equals: true}\nmax_steps: 3\n")
    out = tmp_path / "out"
    planner = _script(tmp_path, [])  # finishes with success at once
    assert main(["eval", str(suite), "--planner", planner, "--out", str(out),
                 "--seeds", "0", "1", "2"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["seeds"] == [0, 1, 2] and summary["realism"] == "off"
    assert sorted((t["id"], t["seed"]) for t in summary["tasks"]) == sorted(
        (n, s) for n in ("settings-wifi-stays", "settings-wifi-was-off") for s in (0, 1, 2))
    assert summary["per_split"]["dev"]["rate"] == 1.0
    assert summary["per_split"]["test"]["rate"] == 0.0
    assert summary["per_split"]["test"]["ci95"][0] == 0.0
    assert 0.1 < summary["ci95"][0] < 0.5 < summary["ci95"][1] < 0.9
    assert summary["false_successes"] == 3
    printed = capsys.readouterr().out
    assert "split dev" in printed and "false successes (said done, was not): 3" in printed


@pytest.mark.unit
@pytest.mark.parametrize("make", ["empty", "missing", "no-match"])
def test_eval_of_no_tasks_is_exit_2_with_one_line(tmp_path, capsys, make):
    suite = tmp_path / "suite"
    args = []
    if make != "missing":
        suite.mkdir()
    if make == "no-match":
        (suite / "a.yaml").write_text("goal: do it\n")
        args = ["--tasks", "zzz-*"]
    planner = _script(tmp_path, [])
    code = main(["eval", str(suite), "--planner", planner, "--out", str(tmp_path / "o"), *args])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("automator: ") and len(err.strip().splitlines()) == 1


@pytest.mark.unit
def test_a_missing_suite_is_told_before_the_default_planner_explores(tmp_path, monkeypatch,
                                                                        capsys):
    monkeypatch.setenv("AUTOMATOR_HOME", str(tmp_path / "home"))
    assert main(["eval", str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert not (tmp_path / "home").exists()


@pytest.mark.unit
def test_eval_rejects_unknown_realism(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("goal: do it\n")
    assert main(["eval", str(tmp_path), "--realism", "sometimes"]) == 2
    assert "sometimes" in capsys.readouterr().err


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


@pytest.mark.unit
@pytest.mark.parametrize("argv, says", [
    (["run", ""], "the goal is empty"),
    (["run", " \t\n "], "the goal is empty"),
    (["run", "a" * 20_000], "20000 characters"),
    (["run", "x", "--max-steps", "-3"], "-3 is less than 1"),
    (["run", "x", "--max-steps", "1e400"], "not a whole number"),
    (["run", "x", "--seed", "-1"], "-1 is less than 0"),
    (["eval", "suite", "--seeds", "0", "x"], "not a whole number"),
    (["explore", "--minutes", "inf"], "not a time limit"),
    (["explore", "--budget", "0"], "0 is less than 1"),
])
def test_a_bad_command_line_gets_one_line_and_exit_2(argv, says, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert says in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.sim
def test_eval_with_the_script_planner_proves_tasks_on_each_seed(tmp_path):
    import shutil

    suite = tmp_path / "suite" / "dev"
    suite.mkdir(parents=True)
    dev = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
    for name in ("settings-wifi-on", "contacts-call-mom"):
        shutil.copy(dev / f"{name}.yaml", suite)
    out = tmp_path / "out"
    assert main(["eval", str(suite.parent), "--planner", "script", "--seeds", "0", "3",
                 "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["total"] == 4 and summary["success_rate"] == 1.0
    assert summary["floor"]["give_up"]["succeeded"] == 0
