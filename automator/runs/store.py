"""`RunStore`: an evaluation folder's settings and finished episodes, kept so that a run
killed at any point can go on where it stopped.

Each finished episode is one JSON line in `results.jsonl`, written whole, flushed and
fsync'd before the next one starts being counted: a crash loses at most the episode that was
running (and, at worst, leaves half a line, which the next start cuts off). The settings
that decide which episodes exist and how they are played are in `run.json`; a start whose
settings differ from the folder's is refused rather than mixing two runs in one summary.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from automator.errors import TaskError

log = logging.getLogger(__name__)

RESULTS = "results.jsonl"
SETTINGS = "run.json"
STORE_VERSION = 1


class RunMismatch(TaskError):
    """The folder holds a run with other settings; the message names each difference."""


class RunStore:
    """The results of one evaluation folder. `settings` decide what the run is (compared on
    resume); `meta` says how this start was made (command, code version: shown, not
    compared)."""

    def __init__(self, folder: str | Path, settings: Mapping[str, Any],
                 meta: Mapping[str, Any] | None = None) -> None:
        self.folder = Path(folder)
        self.settings = json.loads(json.dumps(dict(settings)))  # as it reads back
        self.folder.mkdir(parents=True, exist_ok=True)
        self.meta = self._claim(dict(meta or {}))
        self._rows = self._read()

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The finished episodes, in the order they finished."""
        return list(self._rows)

    def finished(self) -> set[str]:
        return {str(r["key"]) for r in self._rows}

    def append(self, row: Mapping[str, Any]) -> None:
        """Record one finished episode (it must carry its `key`) durably."""
        line = json.dumps(dict(row), ensure_ascii=False) + "\n"
        with (self.folder / RESULTS).open("a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        self._rows.append(json.loads(line))

    def _claim(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Write run.json for a new folder; check it against ours for an old one."""
        path = self.folder / SETTINGS
        if not path.exists():
            if (self.folder / RESULTS).exists():
                raise RunMismatch(f"{self.folder} has {RESULTS} but no {SETTINGS}: it is not "
                                  "a run this version can resume; use another --out")
            _write_json(path, {"version": STORE_VERSION, "settings": self.settings,
                               "meta": meta, "starts": [meta]})
            return meta
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            theirs = old["settings"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise RunMismatch(f"{path}: unreadable ({e}); use another --out") from e
        differences = [f"{k}: {theirs.get(k)!r} there, {self.settings.get(k)!r} now"
                       for k in sorted(set(theirs) | set(self.settings))
                       if theirs.get(k) != self.settings.get(k)]
        if differences:
            raise RunMismatch(f"{self.folder} holds a run with other settings ("
                              + "; ".join(differences) + "): resume it with the same ones, "
                              "or use another --out")
        old.setdefault("starts", []).append(meta)  # every start, for the report
        _write_json(path, old)
        return dict(old.get("meta") or meta) | {"starts": old["starts"]}

    def _read(self) -> list[dict[str, Any]]:
        """The finished rows; a last line cut short by a crash is removed from the file."""
        path = self.folder / RESULTS
        if not path.exists():
            return []
        data = path.read_bytes()
        rows: list[dict[str, Any]] = []
        good = 0
        for line in data.splitlines(keepends=True):
            try:
                if not line.endswith(b"\n"):
                    raise ValueError("no end of line")
                rows.append(json.loads(line))
            except ValueError:
                log.warning("%s: dropping an unfinished last line (%d bytes)", path, len(line))
                break
            good += len(line)
        if good < len(data):
            with path.open("r+b") as f:
                f.truncate(good)
                os.fsync(f.fileno())
        return rows


def _write_json(path: Path, data: Any) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)
