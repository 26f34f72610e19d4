"""The `sync:` service, version 1: STAT, LIST, SEND, RECV, QUIT (SYNC.TXT).

Every request is a 4-byte id, a little-endian u32 length and that many bytes. Errors are
`FAIL` + u32 LE length + text (a binary length, unlike the host protocol's hex4).
"""

from __future__ import annotations

import logging
import stat
import struct
import time
from collections.abc import Callable

from devices.adb.files import FileError
from devices.adb.target import AdbTarget

logger = logging.getLogger(__name__)

MAX_CHUNK = 64 * 1024
MAX_PATH = 1024

ReadExact = Callable[[int], bytes]  # returns exactly n bytes or raises EOFError
Send = Callable[[bytes], None]


def _fail(send: Send, message: str) -> None:
    data = message.encode()
    send(b"FAIL" + struct.pack("<I", len(data)) + data)


def serve_sync(target: AdbTarget, read_exact: ReadExact, send: Send) -> None:
    """Answer sync requests until QUIT or the client closes."""
    while True:
        try:
            header = read_exact(8)
        except EOFError:
            return
        ident, length = header[:4], struct.unpack("<I", header[4:])[0]
        if ident == b"QUIT":
            return
        if ident not in _HANDLERS or length > MAX_PATH:
            _fail(send, f"unknown command {int.from_bytes(ident, 'little'):08x}")
            return
        path = read_exact(length).decode("utf-8", "replace")
        target.log_command(("sync", ident.decode(), path))
        if not _HANDLERS[ident](target, path, read_exact, send):
            return


def _stat(target: AdbTarget, path: str, read_exact: ReadExact, send: Send) -> bool:
    node = target.fs.stat(path)
    if node is None:
        send(b"STAT" + bytes(12))
    else:
        send(b"STAT" + struct.pack("<III", node.mode, len(node.data), node.mtime))
    return True


def _list(target: AdbTarget, path: str, read_exact: ReadExact, send: Send) -> bool:
    try:
        entries = target.fs.listdir(path)
    except FileError:
        entries = []
    out = bytearray()
    for name, node in entries:
        raw = name.encode()
        out += b"DENT" + struct.pack("<IIII", node.mode, len(node.data), node.mtime, len(raw))
        out += raw
    out += b"DONE" + bytes(16)
    send(bytes(out))
    return True


def _send(target: AdbTarget, spec: str, read_exact: ReadExact, send: Send) -> bool:
    path, _, mode_text = spec.rpartition(",")
    if not path:
        path, mode_text = spec, str(stat.S_IFREG | 0o644)
    data = bytearray()
    while True:
        ident, value = read_exact(4), struct.unpack("<I", read_exact(4))[0]
        if ident == b"DATA":
            if value > MAX_CHUNK:
                _fail(send, "sync: data chunk too large")
                return False
            data += read_exact(value)
        elif ident == b"DONE":
            break
        else:
            _fail(send, f"unknown command {int.from_bytes(ident, 'little'):08x}")
            return False
    try:
        target.fs.write(path, bytes(data), mode=int(mode_text) & 0o7777)
    except (FileError, ValueError) as e:
        _fail(send, f"couldn't create file: {e}")
        return True
    send(b"OKAY" + bytes(4))
    return True


def _recv(target: AdbTarget, path: str, read_exact: ReadExact, send: Send) -> bool:
    try:
        data = target.fs.read(path)
    except FileError as e:
        _fail(send, f"open failed: {e}")
        return True
    out = bytearray()
    for i in range(0, len(data), MAX_CHUNK):
        chunk = data[i : i + MAX_CHUNK]
        out += b"DATA" + struct.pack("<I", len(chunk)) + chunk
    out += b"DONE" + struct.pack("<I", int(time.time()))
    send(bytes(out))
    return True


_HANDLERS = {b"STAT": _stat, b"LIST": _list, b"SEND": _send, b"RECV": _recv}
