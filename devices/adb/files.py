"""A per-device in-memory file system: enough of Android's layout for adb clients.

Paths are absolute POSIX paths. `/sdcard` is a link to `/storage/emulated/0`, as on a
phone. Nothing here touches the host's disk.
"""

from __future__ import annotations

import posixpath
import stat
import threading
import time
from dataclasses import dataclass, field

_LINKS = {"/sdcard": "/storage/emulated/0"}
_DIRS = (
    "/",
    "/data",
    "/data/local",
    "/data/local/tmp",
    "/data/app",
    "/dev",
    "/storage",
    "/storage/emulated",
    "/storage/emulated/0",
    "/storage/emulated/0/Download",
    "/storage/emulated/0/Pictures",
    "/system",
    "/system/bin",
)


class FileError(Exception):
    """A file operation failed; `str()` is the errno text a device prints."""


@dataclass
class Node:
    mode: int  # st_mode: type bits | permission bits
    data: bytes = b""
    mtime: int = field(default_factory=lambda: int(time.time()))

    @property
    def is_dir(self) -> bool:
        return stat.S_ISDIR(self.mode)


class MemFS:
    """A thread-safe tree of `Node`s keyed by normalised absolute path."""

    def __init__(self) -> None:
        self._nodes: dict[str, Node] = {d: Node(stat.S_IFDIR | 0o771) for d in _DIRS}
        self._lock = threading.Lock()

    @staticmethod
    def resolve(path: str, cwd: str = "/") -> str:
        """The canonical path: joined with cwd, normalised, /sdcard followed."""
        full = posixpath.normpath(posixpath.join(cwd, path))
        full = "/" + full.lstrip("/")
        for link, target in _LINKS.items():
            if full == link or full.startswith(link + "/"):
                full = target + full[len(link) :]
        return full

    def stat(self, path: str) -> Node | None:
        with self._lock:
            if path in _LINKS:
                return Node(stat.S_IFLNK | 0o777, _LINKS[path].encode())
            return self._nodes.get(self.resolve(path))

    def read(self, path: str) -> bytes:
        node = self.stat(path)
        if node is None:
            raise FileError("No such file or directory")
        if node.is_dir:
            raise FileError("Is a directory")
        return node.data

    def write(self, path: str, data: bytes, mode: int = 0o644, append: bool = False) -> None:
        full = self.resolve(path)
        with self._lock:
            parent = self._nodes.get(posixpath.dirname(full))
            if parent is None or not parent.is_dir:
                raise FileError("No such file or directory")
            old = self._nodes.get(full)
            if old is not None and old.is_dir:
                raise FileError("Is a directory")
            body = (old.data if old is not None and append else b"") + data
            self._nodes[full] = Node(stat.S_IFREG | (mode & 0o7777), body)

    def mkdir(self, path: str, parents: bool = False) -> None:
        full = self.resolve(path)
        with self._lock:
            if full in self._nodes:
                if parents and self._nodes[full].is_dir:
                    return
                raise FileError("File exists")
            missing = []
            cur = full
            while cur not in self._nodes:
                missing.append(cur)
                cur = posixpath.dirname(cur)
            if len(missing) > 1 and not parents:
                raise FileError("No such file or directory")
            if not self._nodes[cur].is_dir:
                raise FileError("Not a directory")
            for d in reversed(missing):
                self._nodes[d] = Node(stat.S_IFDIR | 0o771)

    def remove(self, path: str, recursive: bool = False) -> None:
        full = self.resolve(path)
        with self._lock:
            node = self._nodes.get(full)
            if node is None:
                raise FileError("No such file or directory")
            children = [p for p in self._nodes if p.startswith(full.rstrip("/") + "/")]
            if node.is_dir and not recursive:
                raise FileError("Is a directory")
            for p in [*children, full]:
                del self._nodes[p]

    def chmod(self, path: str, mode: int) -> None:
        node = self.stat(path)
        if node is None:
            raise FileError("No such file or directory")
        node.mode = stat.S_IFMT(node.mode) | (mode & 0o7777)

    def listdir(self, path: str) -> list[tuple[str, Node]]:
        full = self.resolve(path)
        with self._lock:
            node = self._nodes.get(full)
            if node is None:
                raise FileError("No such file or directory")
            if not node.is_dir:
                return [(posixpath.basename(full), node)]
            prefix = full.rstrip("/") + "/"
            entries = [
                (p[len(prefix) :], n)
                for p, n in self._nodes.items()
                if p.startswith(prefix) and "/" not in p[len(prefix) :] and p != full
            ]
            return sorted(entries, key=lambda e: e[0])
