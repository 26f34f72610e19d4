"""Desktop applications a person can open: the freedesktop `.desktop` entries."""

from __future__ import annotations

import configparser
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

_FIELD_CODES = ("%f", "%F", "%u", "%U", "%i", "%c", "%k", "%d", "%D", "%n", "%N", "%v", "%m")


@dataclass(frozen=True)
class DesktopEntry:
    id: str  # file name without .desktop, e.g. org.gnome.Calculator
    name: str  # what a menu shows, e.g. Calculator
    argv: tuple[str, ...]  # the command, field codes removed


def application_dirs() -> list[Path]:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(d) / "applications" for d in [data_home, *data_dirs.split(":")] if d]


def read_entry(path: Path) -> DesktopEntry | None:
    """The entry in a `.desktop` file; None when hidden, not an application, or unreadable."""
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    try:
        parser.read(path, encoding="utf-8")
        section = parser["Desktop Entry"]
    except (configparser.Error, KeyError, UnicodeDecodeError):
        return None
    if section.get("Type", "Application") != "Application":
        return None
    if section.get("NoDisplay", "false") == "true" or section.get("Hidden", "false") == "true":
        return None
    try:
        argv = [a for a in shlex.split(section.get("Exec", "")) if a not in _FIELD_CODES]
    except ValueError:
        return None
    if not argv or not section.get("Name"):
        return None
    return DesktopEntry(path.stem, section["Name"], tuple(argv))


def desktop_entries(dirs: list[Path] | None = None) -> list[DesktopEntry]:
    """Installed applications, the first entry of each id winning (user's over system's)."""
    seen: dict[str, DesktopEntry] = {}
    for folder in dirs or application_dirs():
        for path in sorted(folder.glob("*.desktop")) if folder.is_dir() else []:
            entry = read_entry(path)
            if entry is not None and entry.id not in seen:
                seen[entry.id] = entry
    return list(seen.values())


def find_entry(app: str, entries: list[DesktopEntry]) -> DesktopEntry | None:
    """The entry whose id, name or command is `app` (case-insensitive)."""
    wanted = app.strip().lower()
    for entry in entries:
        if wanted in (entry.id.lower(), entry.name.lower(), Path(entry.argv[0]).name.lower()):
            return entry
    return None
