"""The offline loaders' view of TFRecord files: the Examples of `automator.tfrecord` (the
reader the exports' writer shares, CRCs checked), with its errors as `FormatError`s."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from automator.offline.episode import FormatError
from automator.tfrecord import RecordError, Value
from automator.tfrecord import examples as _examples

__all__ = ["Value", "examples"]


def examples(path: Path) -> Iterator[dict[str, Value]]:
    try:
        yield from _examples(path)
    except RecordError as e:
        raise FormatError(str(e)) from e
