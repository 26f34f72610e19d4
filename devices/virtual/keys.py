"""Key names the virtual phone accepts: `Key` values, and Android key codes and their names."""

from __future__ import annotations

from devices.actions import Key
from devices.errors import ActionRejected

KEYCODES = {"3": Key.HOME, "4": Key.BACK, "66": Key.ENTER, "67": Key.DELETE,
            "187": Key.RECENTS, "KEYCODE_HOME": Key.HOME, "KEYCODE_BACK": Key.BACK,
            "KEYCODE_ENTER": Key.ENTER, "KEYCODE_DEL": Key.DELETE,
            "KEYCODE_APP_SWITCH": Key.RECENTS, "KEYCODE_RECENTS": Key.RECENTS,
            "DEL": Key.DELETE, "APP_SWITCH": Key.RECENTS}


def parse_key(key: Key | str) -> Key:
    if isinstance(key, Key):
        return key
    name = str(key).strip()
    try:
        return Key(name.lower())
    except ValueError:
        pass
    found = KEYCODES.get(name.upper())
    if found is None:
        raise ActionRejected(f"unknown key {key!r}; keys: {', '.join(k.value for k in Key)}")
    return found

