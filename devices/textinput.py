"""Safe text entry on Android: text typed on a device is data, never shell.

Every command built here is an argv list; the adb layer joins it with `shlex.quote`, so
the device shell sees each argument as one single-quoted word and interprets nothing in
it. Three ways to type (the driver picks by what the phone offers and what the field holds):

1. An IME broadcast with a base64 payload (`[A-Za-z0-9+/=]` only; any Unicode): the
   AdbKeyboard of uiautomator2's app, or ADBKeyBoard (`com.android.adbkeyboard/.AdbIME`).
   The IME commits the text at the cursor, over the selection, as a keyboard does.
2. uiautomator2's JSON-RPC `setText` (no shell at all; any Unicode). It replaces the whole
   text, so it types exactly only into an empty field.
3. `input text` — printable ASCII only: the platform's virtual key map has no keys for
   other characters. Key events land at the cursor, over the selection. `input text` turns
   `%s` into a space, so a literal `%s` is sent as `%` and `s` in two commands.
"""

from __future__ import annotations

import base64
import shlex

U2_IME = "com.github.uiautomator/.AdbKeyboard"
ADB_KEYBOARD_IME = "com.android.adbkeyboard/.AdbIME"
KNOWN_IMES = (U2_IME, ADB_KEYBOARD_IME)
_INPUT_TEXT_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F))


def to_command_line(argv: list[str]) -> str:
    """Join argv for a POSIX shell with every argument quoted (as adbutils does)."""
    return " ".join(shlex.quote(a) for a in argv)


def ime_broadcast(ime: str, text: str) -> list[str]:
    """The `am broadcast` argv that makes `ime` commit `text` at the cursor."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    if ime == U2_IME:
        return ["am", "broadcast", "-a", "ADB_KEYBOARD_INPUT_TEXT", "--es", "text", payload]
    if ime == ADB_KEYBOARD_IME:
        return ["am", "broadcast", "-a", "ADB_INPUT_B64", "--es", "msg", payload]
    raise ValueError(f"no broadcast protocol known for {ime}")


def typable_with_input(text: str) -> bool:
    """Can `input text` type this exactly? (Printable ASCII and newlines.)"""
    return all(c in _INPUT_TEXT_CHARS or c == "\n" for c in text)


def input_text_commands(text: str) -> list[list[str]]:
    """argv lists that type `text` with `input text` / `input keyevent`, exactly.

    Newlines become ENTER key presses; `%s` is split so that it is not read as a space.
    Raises ValueError when the text has characters `input text` cannot type.
    """
    if not typable_with_input(text):
        raise ValueError("input text types printable ASCII only")
    commands: list[list[str]] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            commands.append(["input", "keyevent", "66"])
        for piece in _split_percent_s(line):
            commands.append(["input", "text", piece])
    return commands


def _split_percent_s(line: str) -> list[str]:
    """Pieces whose concatenation is `line` and none of which contains `%s`."""
    pieces: list[str] = []
    current = ""
    for c in line:
        if c == "s" and current.endswith("%"):
            pieces.append(current)
            current = ""
        current += c
    if current:
        pieces.append(current)
    return pieces
