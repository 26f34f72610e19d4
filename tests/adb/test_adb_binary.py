"""The real `adb` client binary against the served virtual phone (skipped without one)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from devices.adb.server import serve

pytestmark = pytest.mark.sim


def _adb_binary() -> str | None:
    found = shutil.which("adb")
    if found:
        return found
    import adbutils

    bundled = Path(adbutils.__file__).parent / "binaries" / "adb"
    return str(bundled) if bundled.is_file() and os.access(bundled, os.X_OK) else None


ADB = _adb_binary()


@pytest.mark.skipif(ADB is None, reason="no adb binary (Debian package adb, or adbutils' wheel)")
def test_adb_binary_lists_and_screencaps(tmp_path):
    with serve(port=0, phones=1) as server:
        env = {**os.environ, "HOME": str(tmp_path)}

        def adb(*args: str) -> subprocess.CompletedProcess[bytes]:
            return subprocess.run([ADB, "-P", str(server.port), *args], capture_output=True,
                                  env=env, timeout=30, check=False)  # fmt: skip

        listed = adb("devices")
        assert listed.stdout.decode() == "List of devices attached\nvirtual-0\tdevice\n\n"
        png = adb("exec-out", "screencap -p").stdout
        shot = Image.open(io.BytesIO(png)).convert("RGB")
        phone = server.target("virtual-0").phone.screenshot().convert("RGB")
        assert ImageChops.difference(shot, phone).getbbox() is None
        assert adb("shell", "echo ok; exit 7").returncode == 7
        assert b"device 'nope' not found" in adb("-s", "nope", "shell", "true").stderr


@pytest.mark.skipif(ADB is None, reason="no adb binary (Debian package adb, or adbutils' wheel)")
def test_adb_binary_pushes_and_pulls_files(tmp_path):
    with serve(port=0, phones=1) as server:
        env = {**os.environ, "HOME": str(tmp_path)}

        def adb(*args: str) -> subprocess.CompletedProcess[bytes]:
            return subprocess.run([ADB, "-P", str(server.port), *args], capture_output=True,
                                  env=env, timeout=30, check=False)  # fmt: skip

        payload = bytes(range(256)) * 300  # binary, over one 64 KiB sync chunk
        (tmp_path / "up.bin").write_bytes(payload)
        pushed = adb("push", str(tmp_path / "up.bin"), "/data/local/tmp/up.bin")
        assert pushed.returncode == 0, pushed.stderr
        listing = adb("shell", "ls /data/local/tmp").stdout.decode()
        assert "up.bin" in listing
        pulled = adb("pull", "/data/local/tmp/up.bin", str(tmp_path / "down.bin"))
        assert pulled.returncode == 0, pulled.stderr
        assert (tmp_path / "down.bin").read_bytes() == payload
        missing = adb("pull", "/data/local/tmp/nope.bin", str(tmp_path / "nope.bin"))
        assert missing.returncode != 0


@pytest.mark.skipif(ADB is None, reason="no adb binary (Debian package adb, or adbutils' wheel)")
def test_adb_binary_ime_commands(tmp_path):
    with serve(port=0, phones=1) as server:
        env = {**os.environ, "HOME": str(tmp_path)}

        def adb(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([ADB, "-P", str(server.port), "shell", *args],
                                  capture_output=True, env=env, timeout=30, check=False,
                                  text=True)  # fmt: skip

        latin = "com.android.inputmethod.latin/.LatinIME"
        assert adb("ime", "list", "-s").stdout == f"{latin}\n"
        assert adb("ime", "enable", latin).stdout == (
            f"Input method {latin}: already enabled for user #0\n"
        )
        assert adb("ime", "set", latin).stdout == f"Input method {latin} selected for user #0\n"
        assert "mId=" in adb("ime list").stdout
