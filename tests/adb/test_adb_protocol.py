"""The adb host protocol, shell and sync, exercised by the unmodified adbutils client."""

from __future__ import annotations

import socket
import struct

import pytest

from devices.adb.server import AdbServer
from devices.adb.shell import ShellSyntaxError, parse
from devices.adb.target import AdbTarget

pytestmark = pytest.mark.sim


def _raw(server: AdbServer, *requests: str) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        for r in requests:
            s.sendall(f"{len(r):04x}{r}".encode())
        s.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        return data


def test_host_version_and_device_lists(small_server, adb_client):
    assert _raw(small_server, "host:version") == b"OKAY00040029"
    assert adb_client.server_version() == 41
    assert [(d.serial, d.state) for d in adb_client.list()] == [
        ("small-0", "device"),
        ("small-1", "device"),
    ]
    long = _raw(small_server, "host:devices-l")[8:].decode()
    first = long.splitlines()[0]
    assert first.startswith("small-0" + " " * 16 + "device usb:")  # %-22s, spaces not tabs
    assert first.endswith("transport_id:1")
    tags = adb_client.list(extended=True)[1].tags
    assert tags["model"] == "Virtual_Phone" and tags["transport_id"] == "2"


def test_transport_selection_errors(small_server):
    assert _raw(small_server, "host:tport:serial:nope") == b"FAIL0017device 'nope' not found"
    assert _raw(small_server, "host:tport:any").startswith(b"FAIL")
    assert b"more than one device/emulator" in _raw(small_server, "host:tport:any")
    reply = _raw(small_server, "host:tport:serial:small-1")
    assert reply[:4] == b"OKAY" and struct.unpack("<Q", reply[4:12])[0] == 2
    assert _raw(small_server, "host-serial:small-0:features") == b"OKAY000cshell_v2,cmd"
    assert _raw(small_server, "host-serial:small-1:get-serialno") == b"OKAY0007small-1"
    small_server.set_state("small-1", "offline")
    assert _raw(small_server, "host:tport:serial:small-1") == b"FAIL000edevice offline"


def test_shell_v1_and_v2_exit_codes(adb_client):
    d = adb_client.device("small-0")
    assert d.shell("getprop ro.build.version.sdk") == "34"
    r = d.shell2("echo one; false")
    assert (r.output, r.returncode) == ("one\n", 1)
    r = d.shell2("nosuchcmd -x", v2=True)
    assert r.returncode == 127
    assert r.stderr == "/system/bin/sh: nosuchcmd: inaccessible or not found\n"
    assert r.stdout == ""
    r = d.shell2("ls /missing || echo fallback && echo and", v2=True)
    assert r.stdout == "fallback\nand\n" and r.returncode == 0
    assert d.shell(["echo", "a;b", "$HOME", "`id`"]) == "a;b $HOME `id`"


def test_android_command_outputs(adb_client):
    d = adb_client.device("small-0")
    assert d.shell("wm size") == "Physical size: 1080x2400"
    assert d.window_size() == (1080, 2400) and d.rotation() == 0
    current = d.app_current()
    assert (current.package, current.activity) == (
        "com.android.launcher3",
        "com.android.launcher3.Launcher",
    )
    out = d.shell("uiautomator dump /dev/tty")
    assert out.endswith("</hierarchy>UI hierchary dumped to: /dev/tty")
    assert d.shell("uiautomator dump /sdcard/w.xml") == (
        "UI hierchary dumped to: /storage/emulated/0/w.xml"
    )
    assert d.shell("pm list packages -3") == "package:org.example.notes"
    assert d.shell2("input text 'two words' extra").returncode == 1
    assert d.shell2("input text 'héllo'").returncode == 255
    assert "mCurrentFocus=Window{" in d.shell("dumpsys window | grep -E 'mCurrentFocus'")


def test_input_commands_drive_the_phone(small_server, adb_client):
    d = adb_client.device("small-0")
    phone = small_server.target("small-0").phone
    d.click(500, 350)
    d.shell(["input", "text", "a%sb;c"])
    assert phone.text == "a b;c"
    d.shell("input keyevent KEYCODE_DEL")
    assert phone.text == "a b;"
    d.app_start("org.example.notes")
    assert phone.app[0] == "org.example.notes"


def test_sync_push_pull_stat_list(adb_client, tmp_path):
    d = adb_client.device("small-1")
    payload = bytes(range(256)) * 700  # > 64 KiB: several DATA chunks
    d.sync.push(payload, "/data/local/tmp/blob.bin", check=True)
    assert d.sync.read_bytes("/data/local/tmp/blob.bin") == payload
    assert d.sync.stat("/data/local/tmp/blob.bin").size == len(payload)
    assert d.sync.stat("/no/such").mtime is None
    names = [f.path for f in d.sync.list("/data/local/tmp")]
    assert names == ["blob.bin"]
    (tmp_path / "up.txt").write_text("über")
    d.sync.push(str(tmp_path / "up.txt"), "/sdcard/")
    assert d.shell("cat /sdcard/up.txt") == "über"
    with pytest.raises(Exception, match="No such file"):
        d.sync.read_bytes("/data/local/tmp/missing")
    assert (
        d.shell("md5sum /data/local/tmp/blob.bin").split()[0]
        == __import__("hashlib").md5(payload).hexdigest()
    )


@pytest.mark.unit
@pytest.mark.parametrize(
    ("line", "argvs"),
    [
        ("a 'b c' \"d $? e\" f\\ g", [("a", "b c", "d \x00? e", "f g")]),
        ("x;y&&z||w", [("x",), ("y",), ("z",), ("w",)]),
        ("echo '$(rm -rf /)' \"`x`\"", [("echo", "$(rm -rf /)", "`x`")]),
        ("A=1 app_process / M -p 9 > /dev/null 2>&1 &", [("app_process", "/", "M", "-p", "9")]),
        (
            "cat f | grep -E 'a|b' | head -n 1",
            [("cat", "f"), ("grep", "-E", "a|b"), ("head", "-n", "1")],
        ),
        ("echo a # comment ; rm x", [("echo", "a")]),
    ],
)
def test_parse_table(line, argvs):
    parsed = [c.argv for p in parse(line) for c in p.commands]
    assert parsed == argvs


@pytest.mark.unit
@pytest.mark.parametrize("line", ["echo 'open", 'echo "open', "a && && b", "| x"])
def test_parse_errors(line):
    with pytest.raises(ShellSyntaxError):
        parse(line)


@pytest.mark.unit
def test_unquoted_expansions_are_recorded_not_evaluated():
    notes: list[str] = []
    parse("echo $(id) $HOME *.xml '$(quoted)'", notes)
    assert [n.split(" in ")[0] for n in notes] == ["$(", "$H", "*"]


def test_app_process_keeps_the_u2_service_alive(small_server, adb_client):
    d = adb_client.device("small-0")
    target: AdbTarget = small_server.target("small-0")
    assert (
        d.shell2("CLASSPATH=/data/local/tmp/u2.jar app_process / com.wetest.uia2.Main").returncode
        == 1
    )
    d.sync.push(b"jar", "/data/local/tmp/u2.jar")
    conn = d.shell(
        "CLASSPATH=/data/local/tmp/u2.jar app_process / com.wetest.uia2.Main -p 9008", stream=True
    )
    assert b"Starting Server" in conn.conn.recv(100)
    assert target.u2_running
    conn.close()
    for _ in range(100):
        if not target.u2_running:
            break
        __import__("time").sleep(0.02)
    assert not target.u2_running
