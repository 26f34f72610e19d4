"""Benchmark of tree parsing on sample dumps: speed, node counts, prompt size against M3A.

`bench_dumps(paths)` returns the figures; `format_table(result)` lays them out for a terminal.
Times cover parse + filter + merge (what `parse_uiautomator` does), not rendering images.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from perception.compare import m3a_element_list
from perception.render import render_text
from perception.uiautomator import parse_uiautomator

REPEATS = 30  # timed runs per dump, after one warm-up run


def _count_nodes(xml: str) -> int:
    return xml.count("<node ") or max(0, xml.count(' class="') - xml.count("<hierarchy"))


def bench_dump(path: Path, repeats: int = REPEATS) -> dict[str, Any]:
    """The figures of one dump file."""
    xml = path.read_text(encoding="utf-8")
    screen = parse_uiautomator(xml)
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        parse_uiautomator(xml)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    text, m3a = render_text(screen), m3a_element_list(xml)
    return {
        "name": path.name, "nodes": _count_nodes(xml), "elements": len(screen.elements),
        "median_ms": statistics.median(times), "max_ms": max(times),
        "cpu_median_ms": statistics.median(cpu),
        "text_chars": len(text), "m3a_chars": len(m3a),
        "ratio": len(text) / len(m3a) if m3a else 0.0,
    }


def dump_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".xml")


def bench_dumps(paths: Iterable[Path | str], repeats: int = REPEATS) -> dict[str, Any]:
    """Per dump: name, nodes, elements, median_ms, max_ms (wall clock), cpu_median_ms (this
    process's CPU time: steadier on a shared machine), text_chars, m3a_chars, ratio; and a
    summary over all dumps. A folder in `paths` stands for the .xml files in it."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(dump_paths(p) if p.is_dir() else [p])
    rows = [bench_dump(p, repeats) for p in files]
    summary = {
        "dumps": len(rows),
        "median_ms": statistics.median(r["median_ms"] for r in rows) if rows else 0.0,
        "max_ms": max((r["max_ms"] for r in rows), default=0.0),
        "worst_ratio": max((r["ratio"] for r in rows), default=0.0),
    }
    return {"repeats": repeats, "dumps": rows, "summary": summary}


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of `bench_dumps`'s result."""
    head = f"{'dump':32} {'nodes':>6} {'elems':>6} {'med ms':>7} {'max ms':>7} " \
           f"{'cpu ms':>7} {'text':>7} {'m3a':>8} {'ratio':>6}"
    lines = [head, "-" * len(head)]
    for r in result["dumps"]:
        lines.append(
            f"{r['name'][:32]:32} {r['nodes']:>6} {r['elements']:>6} {r['median_ms']:>7.2f} "
            f"{r['max_ms']:>7.2f} {r['cpu_median_ms']:>7.2f} {r['text_chars']:>7} "
            f"{r['m3a_chars']:>8} {r['ratio']:>6.3f}"
        )
    s = result["summary"]
    lines.append(f"{s['dumps']} dumps, {result['repeats']} runs each: median of medians "
                 f"{s['median_ms']:.2f} ms, worst max {s['max_ms']:.2f} ms, "
                 f"worst text/M3A ratio {s['worst_ratio']:.3f}")
    return "\n".join(lines)
