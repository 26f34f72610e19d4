"""`ime` on the served phones answers as Android 14 does, through adbutils, the real `adb`
binary and uiautomator2's own input-method setup."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from devices.textinput import U2_IME

pytestmark = pytest.mark.sim

LATIN = "com.android.inputmethod.latin/.LatinIME"




@pytest.fixture
def served(small_server):
    """small-0 with uiautomator2's app (and so its AdbKeyboard IME) installed."""
    phone = small_server.target("small-0").phone
    phone.APPS = (*phone.APPS, SimpleNamespace(package="com.github.uiautomator", label="ATX"))
    return small_server


def _device(server):
    import adbutils

    return adbutils.AdbClient(host="127.0.0.1", port=server.port).device("small-0")


def test_list_short_and_long_forms(served):
    d = _device(served)
    assert d.shell("ime list -s") == LATIN
    assert d.shell("ime list -s -a").splitlines() == [LATIN, U2_IME]
    assert d.shell("ime list -a -s") == d.shell("ime list -s -a")
    listed = d.shell("ime list")
    assert listed.startswith(f"{LATIN}:\n  mId={LATIN} mSettingsActivityName=")
    assert "\n  Service:\n" in listed
    assert "permission=android.permission.BIND_INPUT_METHOD" in listed
    assert U2_IME not in listed  # not enabled yet
    assert f"\n{U2_IME}:\n  mId={U2_IME} " in d.shell("ime list -a")
    assert d.shell("cmd input_method ime list -s") == LATIN


def test_enable_set_and_disable(served):
    d = _device(served)
    assert d.shell(["ime", "enable", U2_IME]) == f"Input method {U2_IME}: now enabled for user #0"
    assert d.shell(f"ime enable '{U2_IME}'") == (  # quoted by hand: the shell unquotes
        f"Input method {U2_IME}: already enabled for user #0"
    )
    assert d.shell("ime list -s").splitlines() == [LATIN, U2_IME]
    assert d.shell(["ime", "set", U2_IME]) == f"Input method {U2_IME} selected for user #0"
    assert d.shell("settings get secure default_input_method") == U2_IME
    assert d.shell(["ime", "disable", U2_IME]) == (
        f"Input method {U2_IME}: now disabled for user #0"
    )
    assert d.shell("settings get secure default_input_method") == LATIN  # another is selected
    assert d.shell("ime list -s") == LATIN


def test_refusals_are_on_stderr_with_status_255(served):
    d = _device(served)
    r = d.shell2(["ime", "set", U2_IME], v2=True)  # installed, but not enabled
    assert (r.returncode, r.stdout) == (255, "")
    assert r.stderr == f"Unknown input method {U2_IME} cannot be selected for user #0\n"
    full = "com.github.uiautomator/com.github.uiautomator.AdbKeyboard"  # ids are exact
    r = d.shell2(["ime", "enable", full], v2=True)
    assert r.returncode == 255
    assert r.stderr == f"Unknown input method {full} cannot be enabled for user #0\n"
    r = d.shell2("ime enable", v2=True)
    assert r.returncode == 255 and 'Argument expected after "enable"' in r.stderr
    assert d.shell2("ime nope", v2=True).stdout == "Unknown command: nope\n"
    assert d.shell("ime").startswith("ime <command>:\n  list [-a] [-s]\n")


def test_uiautomator2_switches_to_its_keyboard_and_types_through_it(served):
    import uiautomator2

    d = uiautomator2.connect(_device(served))
    phone = served.target("small-0").phone
    d.click(500, 350)  # the text field
    d.send_keys("Grüße 東京")  # lists, enables and selects its IME, then broadcasts
    assert phone.text == "Grüße 東京"
    assert d.current_ime() == U2_IME
    assert any(e[0] == "text" for e in phone.events)
    d.set_input_ime(False)
    assert d.current_ime() == LATIN
    d.stop_uiautomator()
