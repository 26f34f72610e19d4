"""The state channel of a served virtual phone (`cmd automator state|reset`), spoken to as a
client would: through the adb protocol, by unmodified adbutils and by `StateChannel`."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from devices.actions import Point, Tap, TypeText
from devices.adb.server import AdbServer, serve
from devices.android import AndroidDevice
from devices.errors import DeviceError, DeviceNotFound, NoStateChannel
from devices.state_channel import StateChannel
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim


@pytest.fixture
def phone() -> VirtualPhone:
    return VirtualPhone()


@pytest.fixture
def server(phone: VirtualPhone) -> Iterator[AdbServer]:
    with serve(port=0, phones={"virtual-0": phone}) as s:
        yield s


def _shell(server: AdbServer, command: str):
    import adbutils

    device = adbutils.AdbClient(host="127.0.0.1", port=server.port).device("virtual-0")
    return device.shell2(command, v2=True)


def test_state_is_the_phones_snapshot(server, phone):
    phone.start_app("Settings")
    assert StateChannel("virtual-0", port=server.port).state() == phone.state()
    assert json.loads(_shell(server, "cmd automator state").stdout) == phone.state()


def test_reset_starts_the_phone_of_that_seed_with_the_setup(server, phone):
    channel = StateChannel("virtual-0", port=server.port)
    phone.start_app("Notes")
    channel.reset(seed=3, realism="off", state={"system": {"wifi": False}}, app="clock")
    fresh = VirtualPhone(state={"system": {"wifi": False}}, app="clock", seed=3)
    assert phone.state() == fresh.state()
    assert phone.foreground() == fresh.foreground()
    assert phone.dump_hierarchy() == fresh.dump_hierarchy()
    channel.reset()  # no setup: the plain phone of seed 0
    assert phone.state() == VirtualPhone().state()


def test_reset_takes_plain_json_and_base64(server, phone):
    setup = json.dumps({"state": {"system": {"dark_mode": True}}})
    assert _shell(server, f"cmd automator reset --setup '{setup}'").returncode == 0
    assert phone.state()["system"]["dark_mode"] is True
    encoded = base64.urlsafe_b64encode(b'{"app": "settings"}').decode().rstrip("=")
    assert _shell(server, f"cmd automator reset --seed 1 --setup {encoded}").returncode == 0
    assert phone.state()["system"]["dark_mode"] == VirtualPhone(seed=1).state()["system"][
        "dark_mode"]
    assert phone.foreground()[0] == VirtualPhone(app="settings").foreground()[0]


@pytest.mark.parametrize(("command", "message"), [
    ("cmd automator reset --seed minus-one", "--seed takes a number"),
    ("cmd automator reset --realism sparkly", "sparkly"),
    ("cmd automator reset --setup '[1, 2]'", "must be an object"),
    ("cmd automator reset --setup !!!", "neither JSON nor base64"),
    ("cmd automator reset --colour red", "unknown option"),
    ("cmd automator state now", "takes no arguments"),
    ("cmd automator teleport", "Unknown command: teleport"),
])
def test_bad_arguments_are_refused_and_change_nothing(server, phone, command, message):
    phone.start_app("Clock")
    before = phone.state()
    result = _shell(server, command)
    assert result.returncode == 255
    assert message in result.stderr
    assert phone.state() == before


def test_a_phone_without_the_channel_answers_as_a_real_phone():
    with serve(port=0, phones=1, state_channel=False) as s:
        result = _shell(s, "cmd automator state")
        assert result.returncode == 20
        assert "Can't find service: automator" in result.stderr
        with pytest.raises(NoStateChannel, match="no `cmd automator` service"):
            StateChannel("virtual-0", port=s.port).check()


def test_check_names_a_device_that_is_not_attached(server):
    with pytest.raises(DeviceNotFound, match="'virtual-9' not attached"):
        StateChannel("virtual-9", port=server.port).check()
    StateChannel("virtual-0", port=server.port).check()


def test_a_phone_that_cannot_reset_says_so(small_server):
    channel = StateChannel("small-0", port=small_server.port)
    assert channel.state() == {"text": "", "app": ["com.android.launcher3", ".Launcher"]}
    with pytest.raises(DeviceError, match="exit 1: Error: this phone cannot be reset"):
        channel.reset(seed=1)


def test_typed_text_never_reaches_the_channel(server, phone):
    """Text a person or an agent types is data for the focused app, whatever it says."""
    phone.start_app("Settings")
    text = "x; cmd automator reset --seed 7 && cmd automator state $(cmd automator state)"
    with AndroidDevice(port=server.port, use_uiautomator2=False) as device:
        field = _first_editable(device.capture().tree)
        device.execute(Tap(field))
        device.execute(TypeText(text, target=field, submit=False))
    typed = [n.get("text") for n in ET.fromstring(phone.dump_hierarchy()).iter("node")
             if n.get("class") == "android.widget.EditText"]
    assert text in typed  # it reached the field, as text
    assert phone.world.seed == 0
    ran = server.target("virtual-0").commands
    assert not [argv for argv in ran if argv[:2] == ("cmd", "automator")]


def _first_editable(tree: str) -> Point:
    for node in re.findall(r"<node [^>]*>", tree):
        if 'class="android.widget.EditText"' in node:
            left, top, right, bottom = map(int, re.findall(r"\d+", node.split("bounds=")[1]))
            return Point((left + right) // 2, (top + bottom) // 2)
    raise AssertionError("no text field on the screen")


def test_a_failing_command_is_a_device_error_not_a_missing_channel(server):
    with pytest.raises(DeviceError, match="exit 255") as caught:
        StateChannel("virtual-0", port=server.port)._run("teleport")
    assert not isinstance(caught.value, NoStateChannel)
