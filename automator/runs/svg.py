"""Small charts as inline SVG text: rates with their intervals, and histograms.

Drawn by hand so a report is one file that opens anywhere, offline, with nothing to load
(no script, no CDN, no plotting library in the evaluation's environment). Every label is
escaped: task ids and reasons are data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR_HEIGHT = 18  # px per row of a rate chart
LABEL_WIDTH = 190  # px for the row labels
PLOT_WIDTH = 360  # px for 0..100%
COLOURS = ("#3b6fb6", "#d9822b")  # first and second series


@dataclass(frozen=True)
class RateBar:
    label: str
    rate: float  # 0..1
    low: float  # the interval, 0..1
    high: float
    note: str = ""  # shown at the end of the row, e.g. "7/9"


def rate_chart(rows: Sequence[RateBar], series: Sequence[Sequence[RateBar]] = ()) -> str:
    """Horizontal bars of success rates with 95% whiskers; `series` adds a second bar per
    row (same labels, same order) for a side-by-side comparison."""
    sets = [list(rows), *[list(s) for s in series]]
    per_row = len(sets) * BAR_HEIGHT + 6
    height = len(rows) * per_row + 24
    width = LABEL_WIDTH + PLOT_WIDTH + 110
    parts = [_svg_open(width, height, "success rate with 95% interval")]
    for tick in (0, 25, 50, 75, 100):
        x = LABEL_WIDTH + PLOT_WIDTH * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 16}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" font-size="10" '
                     f'text-anchor="middle">{tick}%</text>')
    for i, row in enumerate(rows):
        top = i * per_row + 3
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{top + per_row / 2 + 3:.1f}" '
                     f'font-size="12" text-anchor="end">{escape(_clip(row.label))}</text>')
        for k, bars in enumerate(sets):
            parts.append(_bar(bars[i], top + k * BAR_HEIGHT, COLOURS[k % len(COLOURS)]))
    parts.append("</svg>")
    return "".join(parts)


def _bar(bar: RateBar, y: float, colour: str) -> str:
    x0 = LABEL_WIDTH
    w = PLOT_WIDTH * bar.rate
    lo, hi = x0 + PLOT_WIDTH * bar.low, x0 + PLOT_WIDTH * bar.high
    mid = y + BAR_HEIGHT / 2
    return (f'<rect x="{x0}" y="{y + 2}" width="{w:.1f}" height="{BAR_HEIGHT - 4}" '
            f'fill="{colour}"><title>{escape(bar.label)}: {bar.rate:.0%} '
            f'[{bar.low:.0%}, {bar.high:.0%}] {escape(bar.note)}</title></rect>'
            f'<line x1="{lo:.1f}" y1="{mid}" x2="{hi:.1f}" y2="{mid}" stroke="#222"/>'
            f'<line x1="{lo:.1f}" y1="{mid - 4}" x2="{lo:.1f}" y2="{mid + 4}" stroke="#222"/>'
            f'<line x1="{hi:.1f}" y1="{mid - 4}" x2="{hi:.1f}" y2="{mid + 4}" stroke="#222"/>'
            f'<text x="{x0 + PLOT_WIDTH + 6}" y="{mid + 4}" font-size="11">'
            f'{bar.rate:.0%} {escape(bar.note)}</text>')


def histogram(values: Sequence[float], unit: str, bins: int = 12) -> str:
    """Counts of `values` in equal bins from their minimum to their maximum; a long tail
    (a model loading during the first step) is gathered in the last bin, marked "+",
    rather than squeezing every other value into the first one."""
    width, height, left, bottom = 520, 170, 40, 30
    if not values:
        return '<p class="empty">no data</p>'
    ordered = sorted(values)
    low, high = ordered[0], ordered[-1]
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    tail = high > low + 2 * (p95 - low) and p95 > low
    if tail:
        high = p95
    span = (high - low) or 1.0
    counts = [0] * bins
    for v in values:
        counts[max(0, min(bins - 1, int((v - low) / span * bins)))] += 1
    top = max(counts)
    bar_w = (width - left - 10) / bins
    parts = [_svg_open(width, height, f"distribution of {unit}")]
    for i, n in enumerate(counts):
        h = (height - bottom - 10) * n / top
        x = left + i * bar_w
        start, end = low + span * i / bins, low + span * (i + 1) / bins
        parts.append(f'<rect x="{x + 1:.1f}" y="{height - bottom - h:.1f}" '
                     f'width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{COLOURS[0]}">'
                     f'<title>{_num(start)}-{_num(end)} {escape(unit)}: {n}</title></rect>')
    parts.append(f'<text x="{left}" y="{height - bottom + 14}" font-size="10">{_num(low)}'
                 '</text>')
    parts.append(f'<text x="{width - 10}" y="{height - bottom + 14}" font-size="10" '
                 f'text-anchor="end">{_num(high)}{"+" if tail else ""}</text>')
    parts.append(f'<text x="{(width + left) / 2}" y="{height - 4}" font-size="11" '
                 f'text-anchor="middle">{escape(unit)} ({len(values)} values)</text>')
    parts.append(f'<text x="{left - 4}" y="14" font-size="10" text-anchor="end">{top}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(width: float, height: float, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
            'font-family="sans-serif">')


def _clip(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
