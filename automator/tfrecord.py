"""TFRecord files of `tf.train.Example`s, written and read without TensorFlow.

A TFRecord file (AitW and AndroidControl ship theirs GZIP-compressed) is a run of records,
each framed as TensorFlow's record_writer.cc writes it:

    uint64 length (little-endian) | uint32 masked CRC32C of those 8 bytes
    data                          | uint32 masked CRC32C of the data

where masked(crc) = ((crc >> 15) | (crc << 17)) + 0xA282EAD8 (mod 2^32). Reading checks both
CRCs, as TensorFlow does. Each record here is a serialised `tf.train.Example`
(tensorflow/core/example/example.proto, feature.proto): Example{1: Features},
Features{1: map<string, Feature>} (map entries {1: key, 2: value}), Feature{1: BytesList,
2: FloatList, 3: Int64List}, each list's values in its field 1 (packed or not).

    RecordError (ValueError)   a file that is not a run of intact records, or a record that
                               is not an Example
"""

from __future__ import annotations

import gzip
import struct
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import numpy as np

from automator.protowire import (
    FIXED32,
    VARINT,
    bytes_field,
    fields,
    packed_floats,
    packed_varints,
    read_varint,
    signed64,
)

GZIP_MAGIC = b"\x1f\x8b"
Value = list[bytes] | list[float] | list[int]


class RecordError(ValueError):
    """A TFRecord file or record that cannot be read (the message says where)."""


# CRC32C (Castagnoli), the checksum TFRecord frames with ----------------------------------------

_POLY = 0x82F63B78  # reflected
_LANE = 1024  # bytes per lane when a long buffer is checksummed in parallel lanes


def _table() -> np.ndarray:
    t = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        t = np.where(t & 1, (t >> 1) ^ np.uint32(_POLY), t >> 1).astype(np.uint32)
    return t


_TABLE = _table()
_TABLE_LIST = [int(v) for v in _TABLE]


def _run(register: int, data: bytes | memoryview) -> int:
    """The CRC register after `data`, byte by byte."""
    table = _TABLE_LIST
    for byte in data:
        register = table[(register ^ byte) & 0xFF] ^ (register >> 8)
    return register


# The register after _LANE zero bytes, started from each single bit: a linear map over GF(2).
_SHIFT = [_run(1 << bit, bytes(_LANE)) for bit in range(32)]


def _shift(register: int) -> int:
    out, bit = 0, 0
    while register:
        if register & 1:
            out ^= _SHIFT[bit]
        register >>= 1
        bit += 1
    return out


def crc32c(data: bytes) -> int:
    """CRC32C of `data`. A long buffer is cut into lanes of _LANE bytes whose registers numpy
    advances together (the register is linear in the data), then joined one lane at a time."""
    head = len(data) % _LANE
    register = _run(0xFFFFFFFF, memoryview(data)[:head])
    lanes = len(data) // _LANE
    if lanes:
        block = np.frombuffer(data, np.uint8, offset=head).reshape(lanes, _LANE).T.copy()
        each = np.zeros(lanes, dtype=np.uint32)
        for column in block:
            each = np.take(_TABLE, each.astype(np.uint8) ^ column) ^ (each >> 8)
        for lane in each.tolist():
            register = _shift(register) ^ lane
    return register ^ 0xFFFFFFFF


def masked_crc(data: bytes) -> int:
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(data: bytes) -> bytes:
    """One record as it lies in the file."""
    length = struct.pack("<Q", len(data))
    return (length + struct.pack("<I", masked_crc(length)) + data
            + struct.pack("<I", masked_crc(data)))


class TFRecordWriter:
    """A GZIP-compressed TFRecord file, each record flushed as it is written (a reader
    gets every record written before a crash)."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = gzip.open(path, "wb", compresslevel=6)  # type: ignore[assignment]  # noqa: SIM115

    def write(self, data: bytes) -> None:
        self._file.write(frame(data))
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> TFRecordWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def records(path: Path) -> Iterator[bytes]:
    """The records of a TFRecord file, plain or GZIP-compressed, their CRCs checked."""
    with open(path, "rb") as probe:
        zipped = probe.read(2) == GZIP_MAGIC
    opener = gzip.open if zipped else open
    try:
        with opener(path, "rb") as f:  # type: ignore[operator]
            n = 0
            while header := f.read(12):
                yield _checked(f, header, f"{path} record {n}")
                n += 1
    except (OSError, EOFError) as e:
        raise RecordError(f"{path}: not a TFRecord file: {e}") from e


def _checked(f: BinaryIO, header: bytes, where: str) -> bytes:
    if len(header) < 12:
        raise RecordError(f"{where}: the header is cut short")
    (length,), (length_crc,) = struct.unpack("<Q", header[:8]), struct.unpack("<I", header[8:])
    if masked_crc(header[:8]) != length_crc:
        raise RecordError(f"{where}: the length's CRC does not match (not a TFRecord file?)")
    data, tail = f.read(length), f.read(4)
    if len(data) < length or len(tail) < 4:
        raise RecordError(f"{where}: the record is cut short")
    if masked_crc(data) != struct.unpack("<I", tail)[0]:
        raise RecordError(f"{where}: the data's CRC does not match (the file is damaged)")
    return data


# tf.train.Example ------------------------------------------------------------------------------


def bytes_feature(values: list[bytes] | list[str]) -> bytes:
    """A Feature holding a BytesList (strings are written as UTF-8)."""
    return bytes_field(1, b"".join(bytes_field(1, v) for v in values))


def float_feature(values: list[float]) -> bytes:
    return bytes_field(2, packed_floats(1, values) if values else b"")


def int64_feature(values: list[int]) -> bytes:
    return bytes_field(3, packed_varints(1, values) if values else b"")


def encode_example(features: Mapping[str, bytes]) -> bytes:
    """A serialised Example of {name: a Feature from one of the *_feature functions}."""
    entries = b"".join(bytes_field(1, bytes_field(1, name) + bytes_field(2, feature))
                       for name, feature in features.items())
    return bytes_field(1, entries)


def _floats(items: list[tuple[int, bytes | int]]) -> list[float]:
    out: list[float] = []
    for wire, value in items:
        raw = value if isinstance(value, bytes) else b""
        out += struct.unpack(f"<{len(raw) // 4}f", raw) if wire != FIXED32 else [
            struct.unpack("<f", raw)[0]]
    return out


def _ints(items: list[tuple[int, bytes | int]]) -> list[int]:
    out: list[int] = []
    for wire, value in items:
        if wire == VARINT:
            out.append(signed64(int(value)))
            continue
        pos, raw = 0, value if isinstance(value, bytes) else b""
        while pos < len(raw):
            v, pos = read_varint(raw, pos)
            out.append(signed64(v))
    return out


def _feature(data: bytes) -> Value:
    for number, _wire, body in fields(data):
        if not isinstance(body, bytes):
            continue
        items = [(w, v) for n, w, v in fields(body) if n == 1]
        if number == 1:
            return [v for _w, v in items if isinstance(v, bytes)]
        if number == 2:
            return _floats(items)
        if number == 3:
            return _ints(items)
    return []


def decode_example(data: bytes) -> dict[str, Value]:
    """The feature map of a serialised Example; ValueError when it is not one."""
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
    """The Examples of a TFRecord file; RecordError naming the record that is not one."""
    for n, record in enumerate(records(path)):
        try:
            yield decode_example(record)
        except (ValueError, UnicodeDecodeError, struct.error) as e:
            raise RecordError(f"{path} record {n}: not a tf.train.Example: {e}") from e
