"""What a realistic phone's dump says about a view, where a real `uiautomator dump` says less
(or something else) than the app's own description of it.

- hints: an empty EditText reports its hint as its `text`, as Android 7-14 do (the platform
  dumper has no hint attribute before Android 16; appium/appium#13618, quern-dev/quern#199,
  mobile-next/mobile-mcp#340). Password fields report bullets either way.
- unlabelled: a seeded share (5-15 %) of clickable icon buttons and image views report no text
  and no content-desc; the icon is still drawn. Which ones follows a stable hash of the seed,
  the package and the view's semantic id (or its place in the tree), so a control is unlabelled
  on every frame of that seed or on none.
- opaque_ids: each app's ids are, per seed, semantic, obfuscated to short names (`a3f`, as
  R8 renames resources) with a stable mapping per seed and package, or absent.

System UI, the keyboard and the permission controller keep their real labels and ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from devices.virtual import view as v
from devices.virtual.view import View
from devices.virtual.window import KEYBOARD_PACKAGE, SYSTEM_UI_PACKAGE
from devices.virtual.world import World

PERMISSION_PACKAGE = "com.google.android.permissioncontroller"
# Where a package's resources come from when that is another package: Pixels ship the AOSP
# permission controller's layouts under Google's package name, so its buttons are
# `com.android.permissioncontroller:id/permission_allow_button` (and `..._deny_button`), the
# ids public Appium scripts for Android 13-14 look for.
ID_PACKAGES = {PERMISSION_PACKAGE: "com.android.permissioncontroller"}
PLATFORM_PACKAGES = frozenset({SYSTEM_UI_PACKAGE, KEYBOARD_PACKAGE, PERMISSION_PACKAGE})
IdStyle = Literal["semantic", "opaque", "none"]
ID_STYLES: tuple[IdStyle, ...] = ("semantic", "opaque", "none")
UNLABELLED_SHARE = (0.05, 0.15)  # the range a seed's share of unlabelled icons is drawn from
_ICONS = frozenset({v.IMAGE_BUTTON, v.IMAGE})
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _fraction(*parts: object) -> float:
    """A stable number in [0, 1) for `parts` (not Python's salted `hash`)."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def opaque_name(seed: int, package: str, rid: str) -> str:
    """A short lower-case name that stands for `rid` in `package` on phones of `seed`."""
    n = int(_fraction("rid", seed, package, rid) * 26**3)
    return "".join(_LETTERS[(n // 26**i) % 26] for i in (2, 1, 0))


@dataclass(frozen=True)
class Disguise:
    """How the dump words each view on one phone; `Disguise(World())` changes nothing."""

    world: World

    @property
    def active(self) -> bool:
        r = self.world.realism
        return r.hints or r.unlabelled or r.opaque_ids

    @cached_property
    def share(self) -> float:
        """The share of clickable icons this seed leaves unlabelled."""
        low, high = UNLABELLED_SHARE
        return self.world.rng("unlabelled").uniform(low, high)

    @cached_property
    def _styles(self) -> dict[str, IdStyle]:
        return {}  # package -> its id style, drawn once

    def id_style(self, package: str) -> IdStyle:
        if not self.world.realism.opaque_ids or package in PLATFORM_PACKAGES:
            return "semantic"
        if package not in self._styles:
            self._styles[package] = self.world.rng("ids", package).choice(ID_STYLES)
        return self._styles[package]

    def unlabelled(self, view: View, package: str, place: str) -> bool:
        """Whether this clickable icon loses its text and content-desc; `place` is the view's
        position in its window, used when the view has no semantic id."""
        if not self.world.realism.unlabelled or package in PLATFORM_PACKAGES:
            return False
        if view.cls not in _ICONS or not view.clickable:
            return False
        key = view.rid or place
        return _fraction("unlabelled", self.world.seed, package, key) < self.share

    def text(self, view: View) -> str:
        shown = "•" * len(view.text) if view.password else view.text
        if not shown and self.world.realism.hints and view.cls == v.EDIT:
            return view.hint
        return shown

    def resource_id(self, view: View, package: str) -> str:
        if not view.rid:
            return ""
        style = self.id_style(package)
        if style == "none":
            return ""
        name = opaque_name(self.world.seed, package, view.rid) if style == "opaque" else view.rid
        return f"{ID_PACKAGES.get(package, package)}:id/{name}"
