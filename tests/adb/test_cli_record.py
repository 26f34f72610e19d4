"""`automator record` called with its parsed arguments, on the served phone: the person acts
when the prompt shows, and ends with a word typed at the terminal."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import pytest

from automator.cli import build_parser
from automator.cli_record import PROMPT, cmd_record
from automator.recording import load_trajectory
from automator.trajectory import Outcome

pytestmark = pytest.mark.sim


def _wait_for(capsys: Any, seen: list[str], text: str, count: int) -> None:
    deadline = time.monotonic() + 20
    while "".join(seen).count(text) < count:
        assert time.monotonic() < deadline, "".join(seen)
        seen.append(capsys.readouterr().out)
        time.sleep(0.05)


def test_record_ends_with_the_persons_answer(phone_server, tmp_path, capsys, monkeypatch):
    import adbutils

    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(phone_server.port))
    args = build_parser().parse_args(["record", "who is first in my contacts?", "--device",
                                      "android:virtual-0", "--out", str(tmp_path / "ep"),
                                      "--settle", "0", "--typing-idle", "0.3"])  # fmt: skip
    read_end, write_end = os.pipe()
    terminal = os.fdopen(read_end, "r")
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(cmd_record(args, terminal)))
    thread.start()
    seen: list[str] = []
    try:
        _wait_for(capsys, seen, PROMPT, 1)
        phone = adbutils.AdbClient(host="127.0.0.1", port=phone_server.port).device("virtual-0")
        phone.shell(["input", "tap", "135", "554"])
        _wait_for(capsys, seen, PROMPT, 2)
        os.write(write_end, b"finished\nanswer Anna Schmidt\n")
        thread.join(20)
    finally:
        os.close(write_end)
        terminal.close()
    seen.append(capsys.readouterr().out)
    assert result == [0]
    assert "not understood: 'finished'" in "".join(seen)
    episode = load_trajectory(tmp_path / "ep")
    assert episode.author == "human" and episode.outcome == Outcome.SUCCESS
    assert episode.answer == "Anna Schmidt"
    assert [s.executed.kind for s in episode.steps] == ["tap", "finish"]
    assert episode.steps[0].element["text"] == "Contacts"


def test_record_refuses_a_device_it_cannot_watch(capsys):
    args = build_parser().parse_args(["record", "anything", "--device", "browser:about:blank"])
    assert cmd_record(args) == 2
    assert "cannot record" in capsys.readouterr().err
