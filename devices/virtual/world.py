"""Which phone this is: a seed and a realism level, from which every app draws its data,
its layout variant and its quirks.

Seed 0 with realism off is the reference phone that the apps' own modules describe. Any
other seed draws its people, threads, notes, alarms and products, and its layout variants,
from `World.rng`, so two phones of the same seed are the same phone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property

from devices.virtual.realism import Realism
from devices.virtual.variant import Variant


@dataclass(frozen=True)
class World:
    seed: int = 0
    realism: Realism = field(default_factory=Realism.off)

    def rng(self, *topic: object) -> random.Random:
        """A generator for one topic (`"contacts"`, `("ids", "com.android.settings")`):
        the same seed and topic always give the same sequence, whatever else was drawn."""
        return random.Random(":".join(map(str, (self.seed, *topic))))

    @cached_property
    def variant(self) -> Variant:
        """The layout this phone's apps take (`Variant.reference()` on seed 0)."""
        return Variant.reference() if self.seed == 0 else Variant.draw(self.rng("variant"))

    @property
    def reference(self) -> bool:
        """Whether this is the reference phone's data (seed 0), which the apps hold."""
        return self.seed == 0
