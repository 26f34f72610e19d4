"""Every parser of the Android driver on every file of the real-output corpus
(tests/adb/real_outputs, sources in its MANIFEST.json)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from devices.android_apps import parse_launcher_activities
from devices.android_screen import (
    MULTI_DISPLAY_WARNING,
    cut_hierarchy,
    focused_field_text,
    ime_package,
    input_permission_denied,
    keyboard_bounds,
    parse_display_ids,
    parse_focus,
    parse_keyboard,
    parse_wm_size,
    split_image,
    window_secure,
)

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parent / "real_outputs"
ENTRIES = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))["entries"]


def _entries(kind: str) -> list[dict]:
    chosen = [e for e in ENTRIES if e["file"].startswith(kind + "/")]
    assert chosen, kind
    return chosen


def _ids(entries: list[dict]) -> list[str]:
    return [e["file"] for e in entries]


def _text(entry: dict) -> str:
    return (CORPUS / entry["file"]).read_bytes().decode("utf-8")


def test_every_file_is_in_the_manifest_with_a_source() -> None:
    listed = {e["file"] for e in ENTRIES}
    on_disk = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in ("MANIFEST.json", "README.md")
    }
    assert listed == on_disk
    assert all(e["source"].strip() for e in ENTRIES)


@pytest.mark.parametrize("entry", _entries("focus"), ids=_ids(_entries("focus")))
def test_focus(entry: dict) -> None:
    package, activity, rotation = parse_focus(_text(entry))
    assert (package, activity) == (entry["expect"]["package"], entry["expect"]["activity"])
    assert rotation == 0


@pytest.mark.parametrize("entry", _entries("wm_size"), ids=_ids(_entries("wm_size")))
def test_wm_size(entry: dict) -> None:
    assert parse_wm_size(_text(entry)) == tuple(entry["expect"]["size"])


def _png(size: tuple[int, int] = (36, 64)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


SCREENCAP = [e for e in _entries("screencap") if e["expect"].get("prefix")]


@pytest.mark.parametrize("entry", SCREENCAP, ids=_ids(SCREENCAP))
def test_screencap_text_before_the_png(entry: dict) -> None:
    prefix = (CORPUS / entry["file"]).read_bytes()
    before, image = split_image(prefix + _png())
    assert before == prefix
    assert Image.open(io.BytesIO(image)).size == (36, 64)
    assert (MULTI_DISPLAY_WARNING in before) == entry["expect"]["multi_display"]


def test_screencap_through_a_pty_shell() -> None:
    """A PTY shell turned every LF into CRLF (the warning's too)."""
    prefix = (CORPUS / "screencap/multi_display_warning_a14.txt").read_bytes()
    mangled = (prefix + _png()).replace(b"\n", b"\r\n")
    _, image = split_image(mangled)
    assert Image.open(io.BytesIO(image)).size == (36, 64)


def test_screencap_without_an_image_keeps_the_text() -> None:
    said = b"screencap: permission denied\n"
    assert split_image(said) == (said, b"")


def test_surfaceflinger_display_ids() -> None:
    (entry,) = [e for e in _entries("screencap") if "display_ids" in e["expect"]]
    assert parse_display_ids(_text(entry)) == entry["expect"]["display_ids"]


@pytest.mark.parametrize("entry", _entries("dump"), ids=_ids(_entries("dump")))
def test_dump(entry: dict) -> None:
    text = _text(entry)
    body = cut_hierarchy(text)
    assert body is not None
    root = ElementTree.fromstring(body.encode("utf-8"))
    assert root.tag == "hierarchy"
    assert len(root.findall(".//node")) == entry["expect"]["nodes"]
    assert keyboard_bounds(text) is None
    if "focused_text" in entry["expect"]:
        assert focused_field_text(text) == entry["expect"]["focused_text"]


@pytest.mark.parametrize("entry", _entries("ime"), ids=_ids(_entries("ime")))
def test_keyboard_known_by_the_default_input_method(entry: dict) -> None:
    package = ime_package(_text(entry))
    assert package and "/" not in package
    tree = (
        '<hierarchy rotation="0"><node index="0" text="" package="com.example" '
        'bounds="[0,0][1080,1400]" focused="true" />'
        f'<node index="0" text="q" package="{package}" bounds="[0,1500][1080,2300]" />'
        "</hierarchy>"
    )
    assert keyboard_bounds(tree, package) == (0, 1500, 1080, 2300)


@pytest.mark.parametrize("entry", _entries("inject"), ids=_ids(_entries("inject")))
def test_input_permission_errors(entry: dict) -> None:
    text = _text(entry)
    if entry["file"].endswith(".json"):
        error = json.loads(text)["error"]
        assert error["code"] == -32001
        text = f"{error['message']}: {error['data']}"
    assert input_permission_denied(text) is entry["expect"]["input_denied"]


def test_other_security_exceptions_are_not_input_denials() -> None:
    assert not input_permission_denied(
        "java.lang.SecurityException: Permission Denial: starting Intent"
    )


@pytest.mark.parametrize("entry", _entries("apps"), ids=_ids(_entries("apps")))
def test_launcher_activities(entry: dict) -> None:
    found = parse_launcher_activities(_text(entry))
    assert [[a.package, a.activity, a.label] for a in found] == entry["expect"]["apps"]


@pytest.mark.parametrize("entry", _entries("keyboard"), ids=_ids(_entries("keyboard")))
def test_keyboard_over_plain_adb(entry: dict) -> None:
    box = parse_keyboard(_text(entry), (1080, 2400))
    expected = entry["expect"]["keyboard"]
    assert box == (tuple(expected) if expected else None)


@pytest.mark.parametrize("entry", _entries("secure"), ids=_ids(_entries("secure")))
def test_secure_flag_of_the_focused_window(entry: dict) -> None:
    assert window_secure(_text(entry)) is entry["expect"]["secure"]


@pytest.mark.parametrize("entry", _entries("focus"), ids=_ids(_entries("focus")))
def test_no_secure_flag_in_the_focus_files(entry: dict) -> None:
    assert window_secure(_text(entry)) is False
