"""Typing characters the keyboard map lacks, against a busy application.

`xdotool type` binds such a character to a spare keycode, sends the key and restores the map
at once; a busy application reads the key after the restore and loses the character. The
xdotool put on PATH here plays that worst case every time: it drops each character whose
keysym is not in the map when it is called, and passes the rest to the real xdotool.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

import pytest

from devices.actions import TypeText
from devices.desktop.session import wait_for
from devices.errors import DeviceError
from perception import perceive

pytestmark = pytest.mark.desktop
NAME = "Zoë 北京 🙂"
LONG = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少 床前明月光疑是地上霜举头望山低故乡"  # 35 distinct

SLOW_CLIENT_XDOTOOL = textwrap.dedent("""\
    import os, re, sys
    from Xlib import XK, display

    real, log, args = os.environ["REAL_XDOTOOL"], os.environ["XDOTOOL_LOG"], sys.argv[1:]
    if os.environ.get("XDOTOOL_FAIL"):
        sys.exit("xdotool: cannot type")
    d = display.Display()

    def sym(name):
        hexa = re.fullmatch("U([0-9A-F]+)", name)
        if hexa is None:
            return XK.string_to_keysym(name)
        code = int(hexa.group(1), 16)
        return code if code <= 0xFF else 0x01000000 | code

    def kept(char):
        code = ord(char)
        return code < 0x20 or d.keysym_to_keycode(code if code <= 0xFF else 0x01000000 | code)

    if args[0] == "type":
        cut = args.index("--") + 1
        text = args[cut]
        args[cut] = "".join(c for c in text if kept(c))
        dropped = len(text) - len(args[cut])
    else:  # key --delay N NAME...
        names = args[3:]
        args[3:] = [n for n in names if d.keysym_to_keycode(sym(n))]
        dropped = len(names) - len(args[3:])
    with open(log, "a") as f:
        f.write(f"{args[0]} dropped={dropped}\\n")
    if args[-1] not in ("--", "") and len(args) > 3:
        os.execv(real, [real, *args])
""")


@pytest.fixture
def slow_client_device(desktop, tmp_path, monkeypatch):
    """A DesktopDevice whose xdotool loses what a busy application would lose."""
    real = shutil.which("xdotool")
    assert real is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "xdotool"
    fake.write_text(f"#!{sys.executable}\n{SLOW_CLIENT_XDOTOOL}", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("REAL_XDOTOOL", real)
    monkeypatch.setenv("XDOTOOL_LOG", str(tmp_path / "xdotool.log"))
    from devices.desktop import DesktopDevice

    with DesktopDevice("zenity", pause_s=0.02, settle_s=0.2) as d:
        yield d


def field(device):
    found = wait_for(lambda: next((e for e in perceive(device.capture()).elements
                                   if e.editable and not e.password), None), 10)  # fmt: skip
    assert found is not None, "no text field on screen"
    return found


def spare_keycodes() -> list[int]:
    from Xlib import display

    d = display.Display()
    try:
        low, high = d.display.info.min_keycode, d.display.info.max_keycode
        rows = d.get_keyboard_mapping(low, high - low + 1)
        return [low + i for i, row in enumerate(rows) if not any(row)]
    finally:
        d.close()


def test_no_character_is_lost_when_the_application_reads_keys_late(slow_client_device,
                                                                   zenity, tmp_path):
    spare = spare_keycodes()
    z = zenity("--forms", "--title=Person", "--add-entry=Name", "--add-password=Secret")
    slow_client_device.execute(TypeText(NAME, target=field(slow_client_device).bounds.center))
    slow_client_device.execute(TypeText("é-ü", target=None))
    log = (tmp_path / "xdotool.log").read_text().splitlines()
    assert log and all(line.endswith("dropped=0") for line in log)
    slow_client_device.close()
    assert spare_keycodes() == spare  # the keycodes bound for typing are given back
    assert wait_for(lambda: field(z.device).text == NAME + "é-ü", 5), field(z.device).text


def test_a_text_with_more_new_characters_than_spare_keycodes(slow_client_device, zenity,
                                                              tmp_path):
    z = zenity("--entry", "--title=Poem", "--text=Poem")
    slow_client_device.execute(TypeText(LONG, target=field(slow_client_device).bounds.center,
                                        submit=True))  # fmt: skip
    assert z.result() == (0, LONG + "\n")
    log = (tmp_path / "xdotool.log").read_text().splitlines()
    assert all(line.endswith("dropped=0") for line in log)


def test_a_failing_xdotool_is_reported_without_the_text(slow_client_device, monkeypatch):
    monkeypatch.setenv("XDOTOOL_FAIL", "1")
    with pytest.raises(DeviceError) as failed:
        slow_client_device.type_text("s3cret-ë")
    assert "cannot type" in str(failed.value) and "s3cret" not in str(failed.value)
