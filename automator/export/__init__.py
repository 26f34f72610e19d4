"""Recorded episodes in the formats of the field's datasets, and our own.

    export(DIR, "jsonl")           ours, lossless, read back by `import_jsonl`
    export(DIR, "parquet")         a Hugging Face `datasets` Parquet file, images inside
    export(DIR, "androidcontrol")  AndroidControl's GZIP TFRecord, one Example per episode
    export(DIR, "aitw")            Android in the Wild's GZIP TFRecord, one Example per step
    export(DIR, "gui-odyssey")     GUI-Odyssey's episode files, 0-1000 coordinates

Each format's module says what it writes and what it cannot say (left out and counted in
the report). Conversions between frames are in `automator.export.frames`; the TFRecord
framing and Example encoding, shared with the offline loaders, in `automator.tfrecord`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from automator.episodes import Episode, load_episodes
from automator.errors import ExportError
from automator.export.aitw import export_aitw
from automator.export.androidcontrol import export_androidcontrol
from automator.export.gui_odyssey import export_gui_odyssey
from automator.export.jsonl import export_jsonl, import_jsonl
from automator.export.output import ExportReport
from automator.export.parquet import export_parquet

Exporter = Callable[[Sequence[Episode], Path], ExportReport]
FORMATS: dict[str, Exporter] = {
    "androidcontrol": export_androidcontrol,
    "aitw": export_aitw,
    "gui-odyssey": export_gui_odyssey,
    "jsonl": export_jsonl,
    "parquet": export_parquet,
}

__all__ = ["FORMATS", "ExportReport", "default_out", "export", "import_jsonl"]


def default_out(source: Path, fmt: str) -> Path:
    """Beside the source folder: `<name>.parquet`, else a folder `<name>-<format>`."""
    source = source.resolve()
    return source.with_name(f"{source.name}.parquet" if fmt == "parquet" else
                            f"{source.name}-{fmt}")


def export(source: str | Path, fmt: str, out: str | Path | None = None) -> ExportReport:
    """Export every episode at or below `source`. ExportError for an unknown format or an
    output that exists; ValueError when `source` holds no episode."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    source = Path(source)
    episodes = load_episodes(source)
    if not episodes:
        raise ValueError(f"no readable episode in {source}")
    return FORMATS[fmt](episodes, Path(out) if out else default_out(source, fmt))
