"""The exploration memory of a device's apps: screens, their elements, and transitions.

On disk a memory is a folder:

    memory.json      {"schema": 1, "perception": fingerprint,
                      "apps": {label: {"package", "entry"}},
                      "screens": {sig: {"app", "app_label", "title", "elements": [...]}},
                      "transitions": [{"from", "element", "to"}],
                      "texts": [...]}          # the rows of embeddings.npy, in order
    embeddings.npy   float32 [len(texts), 384], unit rows

An element's key (`role|resource_id|label`) names it across visits; the special key
`BACK_KEY` stands for pressing the back key.

A memory holds what perception made of each page (its labels, its signature), so it is only
good for the perception that made it: `perception` is a fingerprint of perception's code, and
a memory made by another is refused like one of another schema (its pages would match none
seen now, silently): the caller explores again, or says how to.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO

import numpy as np

import perception
from perception.elements import Screen, UIElement
from perception.roles import is_keyboard_package, is_system_package
from perception.signature import signature
from planners.embedded.encoder import DIM, TextEncoder

logger = logging.getLogger(__name__)

SCHEMA = 1
BACK_KEY = "key:back"
_JSON = "memory.json"
_NPY = "embeddings.npy"


class MemoryFormatError(ValueError):
    """A memory folder that is not in a format this version reads."""


@cache
def perception_fingerprint() -> str:
    """A hash of perception's source: what a memory's labels and signatures depend on."""
    digest = hashlib.sha256()
    for source in sorted(Path(perception.__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class MemElement:
    label: str
    role: str
    resource_id: str = ""
    class_name: str = ""
    clickable: bool = False
    checkable: bool = False
    editable: bool = False
    scrollable: bool = False
    needs_scroll: bool = False  # seen only after scrolling the screen
    bounds: tuple[int, int, int, int] = (0, 0, 0, 0)
    context: str = ""  # texts drawn inside it (a row's subtitle), joined by " · "

    @property
    def key(self) -> str:
        return element_key_of(self.role, self.resource_id, self.label)

    @property
    def actionable(self) -> bool:
        return self.clickable or self.checkable or self.editable


@dataclass
class ScreenRecord:
    app: str  # package
    app_label: str  # the label that opens the app
    title: str
    elements: list[MemElement] = field(default_factory=list)

    def add(self, elements: Iterable[MemElement]) -> int:
        """Merge elements not yet known (by key); returns how many were new."""
        known = {e.key for e in self.elements}
        new = [e for e in elements if e.key not in known]
        self.elements.extend(new)
        return len(new)


@dataclass(frozen=True)
class Transition:
    source: str  # screen signature
    element: str  # element key, or BACK_KEY
    target: str  # screen signature


def element_key_of(role: str, resource_id: str, label: str) -> str:
    return f"{role}|{resource_id.rpartition('/')[2]}|{label.strip().lower()[:80]}"


def element_key(element: UIElement) -> str:
    return element_key_of(element.role, element.resource_id, element.label)


def is_chrome(element: UIElement) -> bool:
    """Status bar, navigation bar, toasts and the keyboard: not part of any app's page."""
    return is_system_package(element.package) or is_keyboard_package(element.package)


def _inside(inner: UIElement, outer: UIElement) -> bool:
    return inner.id != outer.id and outer.bounds.contains(inner.bounds.center) and (
        inner.bounds.area < outer.bounds.area
    )


def element_context(screen: Screen, element: UIElement) -> str:
    """The texts of non-actionable elements drawn inside `element` (a row's title/subtitle)."""
    if not (element.clickable or element.checkable):
        return ""
    texts = [
        e.label
        for e in screen.elements
        if e.label and not e.actionable and e.label != element.label and _inside(e, element)
    ]
    return " · ".join(dict.fromkeys(texts))


def record_elements(screen: Screen, needs_scroll: bool = False) -> list[MemElement]:
    """The screen's elements as memory records (elements without any text are dropped)."""
    out = []
    for e in screen.elements:
        if is_chrome(e):
            continue
        context = element_context(screen, e)
        if not e.label and not context:
            continue
        out.append(
            MemElement(
                label=e.label or context.split(" · ")[0],
                role=e.role,
                resource_id=e.resource_id,
                class_name=e.class_name,
                clickable=e.clickable or e.long_clickable,
                checkable=e.checkable,
                editable=e.editable,
                scrollable=e.scrollable,
                needs_scroll=needs_scroll,
                bounds=tuple(e.bounds.as_list()),  # type: ignore[arg-type]
                context=context,
            )
        )
    return out


def screen_title(screen: Screen) -> str:
    """A short human summary: the first few texts at the top of the screen."""
    ordered = sorted(screen.elements, key=lambda e: e.bounds.top)
    texts = [e.text for e in ordered if e.text and not is_chrome(e)]
    return " / ".join(texts[:3])[:120]


class AppMemory:
    """What exploration learnt about the apps; the planner's map."""

    def __init__(self) -> None:
        self.apps: dict[str, dict[str, str]] = {}  # label -> {"package", "entry"}
        self.screens: dict[str, ScreenRecord] = {}
        self.transitions: list[Transition] = []
        self._edges: set[tuple[str, str, str]] = set()
        self.texts: list[str] = []
        self.matrix = np.zeros((0, DIM), dtype=np.float32)

    # building -------------------------------------------------------------------------------

    def set_app(self, label: str, package: str, entry: str) -> None:
        self.apps[label] = {"package": package, "entry": entry}

    def add_screen(
        self, sig: str, screen: Screen, app_label: str, needs_scroll: bool = False
    ) -> int:
        """Record a screen (merging into a known one); returns how many elements were new."""
        record = self.screens.get(sig)
        if record is None:
            record = self.screens[sig] = ScreenRecord(screen.app, app_label, screen_title(screen))
        return record.add(record_elements(screen, needs_scroll))

    def add_transition(self, source: str, element: str, target: str) -> None:
        edge = (source, element, target)
        if edge not in self._edges:
            self._edges.add(edge)
            self.transitions.append(Transition(*edge))

    def embed(self, encoder: TextEncoder) -> None:
        """Compute embeddings for every element text not embedded yet (batched)."""
        texts = sorted(self.element_texts())
        if texts == self.texts:
            return
        known = dict(zip(self.texts, self.matrix, strict=True))
        missing = [t for t in texts if t not in known]
        rows = encoder.encode(missing) if missing else np.zeros((0, DIM), np.float32)
        known.update(zip(missing, rows, strict=True))
        self.texts = texts
        self.matrix = (
            np.stack([known[t] for t in texts]).astype(np.float32)
            if texts
            else np.zeros((0, DIM), np.float32)
        )

    # reading --------------------------------------------------------------------------------

    def element_texts(self) -> set[str]:
        out: set[str] = set()
        for record in self.screens.values():
            for e in record.elements:
                out.update(t for t in (e.label, e.context) if t)
        return out

    def app_of_package(self, package: str) -> str | None:
        return next((lbl for lbl, a in self.apps.items() if a["package"] == package), None)

    def common_keys(self, share: float = 0.6) -> frozenset[str]:
        """Keys of elements found on most pages of their app (tab bars, app bars): they lead
        somewhere but say nothing about the page they are on."""
        pages: dict[str, int] = {}
        counts: dict[tuple[str, str], int] = {}
        for record in self.screens.values():
            pages[record.app] = pages.get(record.app, 0) + 1
            for key in {e.key for e in record.elements}:
                counts[(record.app, key)] = counts.get((record.app, key), 0) + 1
        return frozenset(
            key for (app, key), n in counts.items() if pages[app] >= 3 and n >= share * pages[app]
        )

    def outgoing(self, sig: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == sig]

    def describe(self, package: str, limit: int = 3000) -> str:
        """This app's remembered pages, their controls and what leads where, as text for a
        model's prompt (at most `limit` characters). For an app never explored (a launcher,
        say) it is an overview of the apps that were."""
        titles = {sig: r.title or "untitled page" for sig, r in self.screens.items()
                  if r.app == package}
        lines = [] if titles else self._overview()
        for sig, title in titles.items():
            controls = [e.label for e in self.screens[sig].elements if e.actionable and e.label]
            lines.append(f"page {title!r}: {', '.join(controls[:15])}")
        for t in self.transitions:
            if t.source in titles and t.target in titles and t.source != t.target != "" and (
                t.element != BACK_KEY
            ):
                label = t.element.rpartition("|")[2]
                lines.append(f"on {titles[t.source]!r} tap {label!r} -> {titles[t.target]!r}")
        text = "\n".join(lines)
        return text if len(text) <= limit else text[:limit].rpartition("\n")[0]

    def _overview(self) -> list[str]:
        """One line per explored app: its label and what its pages are about."""
        lines = []
        for label, info in sorted(self.apps.items()):
            pages = [r.title for r in self.screens.values() if r.app == info["package"]]
            topics = ", ".join(t for t in dict.fromkeys(pages) if t)[:300]
            lines.append(f"app {label!r}: {topics}")
        return lines

    # disk -----------------------------------------------------------------------------------

    @staticmethod
    def exists(path: str | Path) -> bool:
        return (Path(path) / _JSON).is_file()

    def save(self, path: str | Path) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        data = {
            "schema": SCHEMA,
            "perception": perception_fingerprint(),
            "apps": self.apps,
            "screens": {
                sig: {
                    "app": r.app,
                    "app_label": r.app_label,
                    "title": r.title,
                    "elements": [asdict(e) for e in r.elements],
                }
                for sig, r in self.screens.items()
            },
            "transitions": [
                {"from": t.source, "element": t.element, "to": t.target} for t in self.transitions
            ],
            "texts": self.texts,
        }
        _replace_file(folder / _NPY, lambda f: np.save(f, self.matrix))
        text = json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")
        _replace_file(folder / _JSON, lambda f: f.write(text))  # last: the commit point

    @classmethod
    def load(cls, path: str | Path) -> AppMemory:
        """The memory saved in `path`; `MemoryFormatError` when it is unreadable, truncated
        or of another schema (the caller rebuilds it)."""
        folder = Path(path)
        try:
            return cls._load(folder)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            if isinstance(e, MemoryFormatError):
                raise
            raise MemoryFormatError(f"{folder}: unreadable memory: {type(e).__name__}: {e}") from e

    @classmethod
    def _load(cls, folder: Path) -> AppMemory:
        data = json.loads((folder / _JSON).read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            raise MemoryFormatError(f"{folder}: schema {data.get('schema')!r}, expected {SCHEMA}")
        if data.get("perception") != perception_fingerprint():
            raise MemoryFormatError(f"{folder}: made by another version of perception (its "
                                    "pages would not match those seen now)")
        memory = cls()
        memory.apps = {k: dict(v) for k, v in data["apps"].items()}
        for sig, r in data["screens"].items():
            elements = [
                MemElement(**{**e, "bounds": tuple(e["bounds"])}) for e in r["elements"]
            ]
            memory.screens[sig] = ScreenRecord(r["app"], r["app_label"], r["title"], elements)
        for t in data["transitions"]:
            memory.add_transition(t["from"], t["element"], t["to"])
        memory.texts = list(data["texts"])
        matrix = np.load(folder / _NPY) if (folder / _NPY).is_file() else None
        if matrix is None or matrix.shape != (len(memory.texts), DIM):
            memory.texts, memory.matrix = [], np.zeros((0, DIM), np.float32)
        else:
            memory.matrix = matrix.astype(np.float32)
        return memory


def _replace_file(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file whole or not at all: into a temporary beside it, synced, then renamed
    over it, so that a crash or a full disk leaves the previous version."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with open(temporary, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def signature_of(screen: Screen) -> str:
    """The page's stable signature (perception's)."""
    return signature(screen)
