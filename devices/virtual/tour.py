"""A fixed walk through the virtual phone's screens, for pinning its output and timing it.

`tour(phone)` opens every app, taps the first row of its main list, focuses the first text
field it finds (so the keyboard shows), goes back and home, and yields a name for each screen
it stops on; the caller captures there. The walk reads only the phone's dump, so it works on
any seed and realism level; on a realistic phone it lets time pass (`Wait`) before looking.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from devices.actions import Key, OpenApp, Point, PressKey, Tap, Wait
from devices.device import Device

SETTLE_SECONDS = 1.0  # s a realistic phone is given before each look (transitions end by then)
_BOUNDS = re.compile(r"-?\d+")


def _nodes(xml: str, package: str) -> list[dict[str, str]]:
    root = ET.fromstring(xml.encode("utf-8"))
    return [dict(n.attrib) for n in root.iter("node") if n.attrib.get("package") == package]


def _centre(node: dict[str, str]) -> Point:
    x1, y1, x2, y2 = map(int, _BOUNDS.findall(node["bounds"]))
    return Point((x1 + x2) // 2, (y1 + y2) // 2)


def _first(nodes: list[dict[str, str]], cls: str | None = None, below: int = 0) -> Point | None:
    """The centre of the first clickable node (of class `cls`) whose top is below `below`."""
    for node in nodes:
        top = int(_BOUNDS.findall(node["bounds"])[1])
        if node["clickable"] == "true" and top >= below and (cls is None or node["class"] == cls):
            return _centre(node)
    return None


def _settle(device: Device) -> None:
    device.execute(Wait(SETTLE_SECONDS))


def tour(device: Device, apps: list[str] | None = None, settle: bool = False) -> Iterator[str]:
    """Walk the screens of `apps` (default: every app the device lists); yield at each one.
    With `settle`, wait `SETTLE_SECONDS` before each yield (for a phone with transitions)."""
    names = apps if apps is not None else [a.package for a in device.apps()]
    for package in names:
        device.execute(OpenApp(package))
        yield from _stop(device, f"{package}:open", settle)
        row = _first(_nodes(_xml(device), package), below=400)
        if row is not None:
            device.execute(Tap(row))
            yield from _stop(device, f"{package}:row", settle)
        field = _first(_nodes(_xml(device), package), cls="android.widget.EditText")
        if field is not None:
            device.execute(Tap(field))
            yield from _stop(device, f"{package}:field", settle)
        device.execute(PressKey(Key.BACK))
        yield from _stop(device, f"{package}:back", settle)
        device.execute(PressKey(Key.HOME))
    yield from _stop(device, "home", settle)


def _stop(device: Device, name: str, settle: bool) -> Iterator[str]:
    if settle:
        _settle(device)
    yield name


def _xml(device: Device) -> str:
    return device.capture().tree
