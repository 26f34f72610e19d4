"""A real phone is explored only when a person asks, for the apps named, within a time limit
and with progress shown: the virtual phone served over adb stands in for it."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from automator.cli import main
from devices.adb.server import serve
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim


@pytest.fixture
def phone(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[VirtualPhone]:
    served = VirtualPhone()
    monkeypatch.setenv("AUTOMATOR_HOME", str(tmp_path / "home"))
    with serve(phones={"virtual-0": served}) as server:
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(server.port))
        yield served


def _lasting(state: dict) -> dict:
    out = {k: v for k, v in copy.deepcopy(state).items() if k not in ("foreground", "toast")}
    out["system"].pop("datetime")
    return out


def test_run_without_a_map_says_how_to_make_one_and_does_not_explore(phone, capsys):
    before = phone.state()
    assert main(["run", "Start the stopwatch", "--device", "android:virtual-0"]) == 2
    captured = capsys.readouterr()
    assert "automator explore --device android:virtual-0 --app PACKAGE" in captured.err
    assert "--minutes" in captured.err
    assert "exploring" not in captured.out
    assert phone.state() == before


def test_explore_needs_the_apps_named(phone, capsys):
    assert main(["explore", "--device", "android:virtual-0"]) == 2
    assert "--app PACKAGE" in capsys.readouterr().err


@pytest.mark.slow
def test_explore_shows_progress_changes_nothing_and_gives_run_its_map(phone, capsys):
    before = _lasting(phone.state())
    args = ["explore", "--device", "android:virtual-0", "--app", "com.google.android.deskclock",
            "Shop", "--minutes", "5", "--budget", "30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "[1/2] [" in out and "[2/2] [" in out
    assert "/30 actions" in out and " left" in out
    assert "memory saved to" in out
    assert _lasting(phone.state()) == before
    goal = ["run", "Start the stopwatch", "--device", "android:virtual-0", "--max-steps", "6"]
    assert main(goal) != 2  # the map is there: the run starts
    assert "needs a map" not in capsys.readouterr().err
