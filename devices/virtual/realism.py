"""How hard the virtual phone makes itself: the ways real phones differ from a tidy one.

`Realism.off()` is the tidy phone (every field labelled, ids semantic, instant screens, no
interruptions); `Realism.on()` turns on every difference that real `uiautomator dump`s and
real timings show. A phone's seed picks which controls lose their labels, which apps have
opaque ids, how long each transition takes and when an interruption appears, so the same
seed always gives the same phone.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Realism:
    hints: bool = False  # an empty field reports its hint as its text; passwords are marked
    unlabelled: bool = False  # a share of icon buttons have no text and no content-desc
    opaque_ids: bool = False  # some apps' resource ids are obfuscated (`a3f`) or missing
    system_windows: bool = False  # status bar and navigation bar are windows of their own
    transitions: bool = False  # screens take 100-800 ms to settle (old, half-drawn frames)
    interruptions: bool = False  # permission prompts, rating requests, shade drops, sheets

    @classmethod
    def on(cls) -> Realism:
        return cls(**{f.name: True for f in fields(cls)})

    @classmethod
    def off(cls) -> Realism:
        return cls()

    @classmethod
    def parse(cls, text: str | bool | Realism | None) -> Realism:
        """`on`, `off`, or a comma-separated list of feature names (`hints,transitions`)."""
        if isinstance(text, Realism):
            return text
        if text is None or text is False:
            return cls.off()
        if text is True:
            return cls.on()
        words = [w.strip().casefold() for w in str(text).split(",") if w.strip()]
        if words in (["on"], ["true"], ["all"]):
            return cls.on()
        if words in ([], ["off"], ["false"], ["none"]):
            return cls.off()
        names = {f.name for f in fields(cls)}
        unknown = [w for w in words if w not in names]
        if unknown:
            raise ValueError(f"unknown realism feature(s) {', '.join(unknown)}; use on, off or "
                             f"a list of: {', '.join(sorted(names))}")
        return cls(**{w: True for w in words})

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __str__(self) -> str:
        chosen = [f.name for f in fields(self) if getattr(self, f.name)]
        if len(chosen) == len(fields(self)):
            return "on"
        return ",".join(chosen) or "off"
