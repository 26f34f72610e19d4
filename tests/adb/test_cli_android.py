"""The command line against virtual phones served over the adb protocol."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from automator.cli import main
from devices.adb.server import AdbServer, serve
from devices.virtual.phone import VirtualPhone
from perception import parse_uiautomator


@pytest.fixture
def phones(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[AdbServer, dict]]:
    served = {"virtual-0": VirtualPhone(), "virtual-1": VirtualPhone(app="settings")}
    with serve(phones=served) as server:
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(server.port))
        yield server, served


@pytest.mark.sim
def test_devices_lists_serial_state_model_and_size(phones, capsys):
    assert main(["devices"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["virtual-0", "virtual-1"]
    assert all("device" in line and "1080x2400" in line for line in lines)


@pytest.mark.sim
def test_do_types_shell_metacharacters_verbatim(phones, capsys):
    _, served = phones
    phone = served["virtual-1"]
    phone.start_app("contacts")
    field = next(e for e in parse_uiautomator(phone.dump_hierarchy()).elements if e.editable)
    x, y = field.bounds.center.x, field.bounds.center.y
    text = "héllo; ls $(id) `x` | & > 'q' \"z\" 世界"
    args = ["do", "--device", "android:virtual-1", "type_text", text, str(x), str(y)]
    assert main(args) == 0
    assert "executed: type" in capsys.readouterr().out
    typed = next(e for e in parse_uiautomator(phone.dump_hierarchy()).elements if e.editable)
    assert typed.text == text


@pytest.mark.sim
def test_do_rejects_off_screen_points_with_one_line(phones, capsys):
    assert main(["do", "--device", "android:virtual-0", "tap", "5000", "10"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "off" in err


@pytest.mark.sim
def test_several_devices_and_no_serial_is_a_clear_error(phones, capsys):
    assert main(["do", "--device", "android", "key", "home"]) == 2
    err = capsys.readouterr().err
    assert "virtual-0" in err and "virtual-1" in err


assert os.environ.get("ADBUTILS_ADB_PATH") == "/bin/false"  # conftest isolates adb


@pytest.mark.sim
def test_bench_adb_reports_both_capture_paths(capsys):
    assert main(["bench", "adb", "--steps", "2"]) == 0
    out = capsys.readouterr().out
    assert "uiautomator2: capture + action median" in out
    assert "adb: capture + action median" in out


@pytest.mark.sim
def test_serve_announces_its_port_and_stops_on_host_kill(tmp_path):
    import socket
    import subprocess
    import sys

    env = {**os.environ, "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "automator.cli", "virtual-phone", "serve", "--port", "0",
         "--devices", "2"], stdout=subprocess.PIPE, text=True, env=env)
    try:
        lines = [proc.stdout.readline().strip() for _ in range(4)]
        assert lines[1:3] == ["virtual-0\tdevice", "virtual-1\tdevice"]
        port = int(lines[3].rpartition("=")[2])
        assert lines[0].endswith(f":{port}")
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(b"0009host:kill")
            assert conn.recv(4) == b"OKAY"
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()
        proc.stdout.close()
