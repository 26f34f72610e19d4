"""TFRecord files of `tf.train.Example`s, read without TensorFlow.

A TFRecord file (AitW and AndroidControl ship them GZIP-compressed) is a run of records:
a little-endian uint64 length, a uint32 CRC of the length, the bytes, a uint32 CRC of the
bytes. The CRCs are not checked here; a record cut short is an error. Each record is a
serialised `tf.train.Example` (tensorflow/core/example/example.proto, feature.proto):
Example{1: Features}, Features{1: map<string, Feature>}, Feature{1: BytesList, 2: FloatList,
3: Int64List}, each list's values in field 1 (packed or not). This module decodes that much of
the protobuf wire format and nothing else.
"""

from __future__ import annotations

import gzip
import struct
from collections.abc import Iterator
from pathlib import Path

from automator.offline.episode import FormatError

GZIP_MAGIC = b"\x1f\x8b"
Value = list[bytes] | list[float] | list[int]


def records(path: Path) -> Iterator[bytes]:
    """The records of a TFRecord file, plain or GZIP-compressed."""
    with open(path, "rb") as probe:
        zipped = probe.read(2) == GZIP_MAGIC
    opener = gzip.open if zipped else open
    try:
        with opener(path, "rb") as f:  # type: ignore[operator]
            while header := f.read(12):
                if len(header) < 12:
                    raise FormatError(f"{path}: a record header is cut short")
                (length,) = struct.unpack("<Q", header[:8])
                data = f.read(length)
                if len(data) < length or len(f.read(4)) < 4:
                    raise FormatError(f"{path}: a record is cut short")
                yield data
    except (OSError, EOFError) as e:
        raise FormatError(f"{path}: not a TFRecord file: {e}") from e


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("a varint runs past the end")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7


def fields(data: bytes) -> Iterator[tuple[int, int, bytes | int]]:
    """(field number, wire type, value) of one message: ints for varints, bytes otherwise."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, wire, value
        elif wire == 1:
            yield number, wire, data[pos:pos + 8]
            pos += 8
        elif wire == 2:
            size, pos = _varint(data, pos)
            if pos + size > len(data):
                raise ValueError("a field runs past the end")
            yield number, wire, data[pos:pos + size]
            pos += size
        elif wire == 5:
            yield number, wire, data[pos:pos + 4]
            pos += 4
        else:
            raise ValueError(f"unsupported wire type {wire}")


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _floats(number_wire_values: list[tuple[int, bytes | int]]) -> list[float]:
    out: list[float] = []
    for wire, value in number_wire_values:
        raw = value if isinstance(value, bytes) else b""
        out += struct.unpack(f"<{len(raw) // 4}f", raw) if wire == 2 else [
            struct.unpack("<f", raw)[0]]
    return out


def _ints(number_wire_values: list[tuple[int, bytes | int]]) -> list[int]:
    out: list[int] = []
    for wire, value in number_wire_values:
        if wire == 0:
            out.append(_signed(int(value)))  # type: ignore[arg-type]
            continue
        pos, raw = 0, value if isinstance(value, bytes) else b""
        while pos < len(raw):
            v, pos = _varint(raw, pos)
            out.append(_signed(v))
    return out


def _feature(data: bytes) -> Value:
    for number, _wire, body in fields(data):
        if not isinstance(body, bytes):
            continue
        values = [(w, v) for n, w, v in fields(body) if n == 1]
        if number == 1:
            return [v for _w, v in values if isinstance(v, bytes)]
        if number == 2:
            return _floats(values)
        if number == 3:
            return _ints(values)
    return []


def example(data: bytes) -> dict[str, Value]:
    """The feature map of a serialised `tf.train.Example`."""
    out: dict[str, Value] = {}
    for number, _wire, features in fields(data):
        if number != 1 or not isinstance(features, bytes):
            continue
        for entry_number, _w, entry in fields(features):
            if entry_number != 1 or not isinstance(entry, bytes):
                continue
            key, value = "", b""
            for n, _w2, v in fields(entry):
                if n == 1 and isinstance(v, bytes):
                    key = v.decode("utf-8")
                elif n == 2 and isinstance(v, bytes):
                    value = v
            out[key] = _feature(value)
    return out


def examples(path: Path) -> Iterator[dict[str, Value]]:
    for n, record in enumerate(records(path)):
        try:
            yield example(record)
        except (ValueError, UnicodeDecodeError, struct.error) as e:
            raise FormatError(f"{path}: record {n} is not a tf.train.Example: {e}") from e
