"""Binding the characters a keyboard map lacks (devices.desktop.keymap), on a fake display
that speaks python-xlib's calls."""

from itertools import pairwise
from types import SimpleNamespace

import pytest

from devices.desktop.keymap import KeyBindings, chunks, key_name, keysym, segments
from devices.errors import DeviceError

pytestmark = pytest.mark.unit


class FakeDisplay:
    """An X display's keyboard map: keycodes 8..20, ASCII letters and space on 9..., the
    rest spare; keeps every change made to it."""

    def __init__(self) -> None:
        self.display = SimpleNamespace(info=SimpleNamespace(min_keycode=8, max_keycode=20))
        self.map = {code: [0] for code in range(8, 21)}
        for code, char in zip(range(9, 13), "Zo a", strict=True):
            self.map[code] = [ord(char)]
        self.changes: list[tuple[int, int]] = []
        self.closed = False

    def get_keyboard_mapping(self, first: int, count: int) -> list[list[int]]:
        return [self.map[code] for code in range(first, first + count)]

    def keysym_to_keycode(self, sym: int) -> int:
        return next((code for code, row in self.map.items() if sym in row), 0)

    def keycode_to_keysym(self, code: int, index: int) -> int:
        return self.map[code][index]

    def change_keyboard_mapping(self, first: int, rows: list[list[int]]) -> None:
        self.map[first] = rows[0]
        self.changes.append((first, rows[0][0]))

    def sync(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def test_keysyms_and_their_names_for_xdotool():
    assert [keysym(c) for c in "aë北🙂"] == [0x61, 0xEB, 0x0100_5317, 0x0101_F642]
    assert [key_name(c) for c in "ë北🙂"] == ["U00EB", "U5317", "U1F642"]


@pytest.mark.parametrize("text", ["", "abc", "Zoë 北京 🙂", "ëë\n北", "🙂"])
def test_segments_keep_every_character_in_order(text):
    parts = segments(text, str.isascii)
    assert "".join(run for _, run in parts) == text
    assert all(bound == (not run.isascii()) for bound, run in parts)
    assert all(a[0] != b[0] for a, b in pairwise(parts))


def test_chunks_hold_at_most_capacity_distinct_characters_each():
    text = "北京 北京 上海 广州 ab 深圳"
    pieces = chunks(text, lambda c: not c.isascii(), 3)
    assert "".join(pieces) == text
    assert all(len({c for c in p if not c.isascii()}) <= 3 for p in pieces)
    assert chunks("Zoë 北京 🙂", lambda c: not c.isascii(), 4) == ["Zoë 北京 🙂"]
    assert chunks("", str.isascii, 1) == [""]


def test_characters_the_map_lacks_are_bound_to_spare_keycodes_and_given_back():
    display = FakeDisplay()
    keys = KeyBindings(display)
    assert keys.capacity == 8  # spare 8 and 13..20, less 8: xdotool borrows the lowest
    text = "Zoë 北京 🙂"
    needed = {c for c in text if keys.needs_keycode(c)}
    assert needed == set("ë北京🙂") and keys.typed("Z") and not keys.typed("ë")
    keys.bind(needed)
    assert all(display.keysym_to_keycode(keysym(c)) >= 13 for c in needed)
    assert display.map[8] == [0]
    keys.bind(needed)  # bound already: the map is not touched again
    assert len(display.changes) == 4
    keys.close()
    assert all(display.map[code] == [0] for code in range(13, 21)) and display.closed


def test_the_least_recently_used_binding_makes_room_and_current_ones_stay():
    display = FakeDisplay()
    keys = KeyBindings(display)
    for char in "一二三四五六七八":  # one at a time: bound in this order
        keys.bind({char})
    keys.bind(set("一"))  # used again: now the most recent
    assert not keys.rebinds(set("一二")) and keys.rebinds(set("九"))
    keys.bind(set("九"))
    assert display.keysym_to_keycode(keysym("二")) == 0  # the oldest gave its keycode up
    assert all(display.keysym_to_keycode(keysym(c)) for c in "一三四五六七八九")
    with pytest.raises(ValueError):
        keys.bind(set("abcdefghi"))


def test_closing_leaves_a_keycode_someone_else_rebound():
    display = FakeDisplay()
    keys = KeyBindings(display)
    keys.bind({"ë"})
    code = display.keysym_to_keycode(keysym("ë"))
    display.map[code] = [0xE9]  # another program took it since
    keys.close()
    assert display.map[code] == [0xE9]


def test_latin1_characters_the_map_holds_are_typed_and_others_sent_as_keys():
    display = FakeDisplay()
    display.map[20] = [0xE9]  # é, as on a French map
    keys = KeyBindings(display)
    assert keys.capacity == 7
    assert [keys.typed(c) for c in "Zé\n"] == [True, True, True]
    assert [keys.needs_keycode(c) for c in "Zéë北"] == [False, False, True, True]
    assert segments("Zoé ë", keys.typed) == [(False, "Zoé "), (True, "ë")]


def test_a_display_gone_is_a_device_error_and_closing_still_ends(caplog):
    from Xlib.error import ConnectionClosedError

    display = FakeDisplay()
    keys = KeyBindings(display)

    def gone(*args):
        raise ConnectionClosedError("server")

    display.change_keyboard_mapping = gone
    with pytest.raises(DeviceError, match="keyboard map"):
        keys.bind({"ë"})
    display.get_keyboard_mapping = gone
    keys.close()
    assert display.closed and "not given back" in caplog.text
