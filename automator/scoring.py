"""Success rates with their uncertainty: the Wilson score interval.

A suite of a few dozen tasks measures a rate roughly: 30 of 60 is anywhere from 37% to 63%
at 95% confidence. Every rate an eval reports carries its interval. Runs of one task on
several seeds are counted as separate trials; they are not independent (the same task is
as hard on every seed), so the interval is, if anything, too narrow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import sqrt

Z95 = 1.959963984540054  # the standard normal quantile for a two-sided 95% interval


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a binomial proportion; (0, 1) when there are no trials."""
    if trials <= 0:
        return 0.0, 1.0
    if not 0 <= successes <= trials:
        raise ValueError(f"{successes} successes out of {trials} trials")
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    succeeded: int
    runs: int

    @property
    def rate(self) -> float:
        return self.succeeded / self.runs if self.runs else 0.0

    @property
    def ci95(self) -> tuple[float, float]:
        return wilson(self.succeeded, self.runs)

    def to_dict(self) -> dict[str, object]:
        low, high = self.ci95
        return {"runs": self.runs, "succeeded": self.succeeded, "rate": round(self.rate, 4),
                "ci95": [round(low, 4), round(high, 4)]}

    def describe(self) -> str:
        low, high = self.ci95
        return f"{self.rate:.0%} [{low:.0%}, {high:.0%}] ({self.succeeded}/{self.runs})"


def rate_of(outcomes: Iterable[bool]) -> Rate:
    values = list(outcomes)
    return Rate(sum(values), len(values))
