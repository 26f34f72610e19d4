"""The protobuf wire format, as much of it as `tf.train.Example` and android_env's
accessibility forests use: varints, length-delimited fields and packed floats, read and
written without the protobuf library (a runtime dependency for a few dozen lines).

A message is a run of fields, each a key (field number << 3 | wire type) then its value:
wire type 0 a varint, 1 eight bytes, 2 a varint length then that many bytes (strings,
nested messages, packed repeated scalars), 5 four bytes. Negative int32/int64 values are
written as ten-byte two's complement varints, as protobuf does.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

VARINT, FIXED64, LENGTH, FIXED32 = 0, 1, 2, 5
_U64 = (1 << 64) - 1


# reading -------------------------------------------------------------------------------------


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """(value, position after it); ValueError when it runs past the end."""
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
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == VARINT:
            value, pos = read_varint(data, pos)
            yield number, wire, value
            continue
        if wire == LENGTH:
            size, pos = read_varint(data, pos)
        elif wire in (FIXED64, FIXED32):
            size = 8 if wire == FIXED64 else 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        if pos + size > len(data):
            raise ValueError("a field runs past the end")
        yield number, wire, data[pos:pos + size]
        pos += size


def signed64(value: int) -> int:
    """A varint read back as the int64 (or int32) it was written from."""
    value &= _U64
    return value - (1 << 64) if value >= 1 << 63 else value


# writing -------------------------------------------------------------------------------------


def varint(value: int) -> bytes:
    value &= _U64  # a negative number as its 64-bit two's complement
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def varint_field(number: int, value: int) -> bytes:
    """An int32/int64/bool/enum field; nothing for 0, the proto3 default."""
    return varint(number << 3 | VARINT) + varint(value) if value else b""


def bytes_field(number: int, data: bytes | str) -> bytes:
    """A string, bytes or nested-message field (always written, even when empty)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return varint(number << 3 | LENGTH) + varint(len(raw)) + raw


def packed_varints(number: int, values: Iterable[int]) -> bytes:
    return bytes_field(number, b"".join(varint(v) for v in values))


def packed_floats(number: int, values: Iterable[float]) -> bytes:
    values = list(values)
    return bytes_field(number, struct.pack(f"<{len(values)}f", *values))
