"""`report.html`: an evaluation's figures for people, in one self-contained file.

It is drawn from the folder's `summary.json` (the runs) and `run.json` (the command, planner,
code version and seeds that produced them), so it can be redrawn at any time, also for a run
that is still going or was cut short. Success is shown by app, split, difficulty (the steps
a person needs) and seed, each with its 95% interval; steps and time as distributions; the
failed runs grouped by why they failed; every run in a table.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any

from automator.runs.svg import RateBar, histogram, rate_chart
from automator.scoring import rate_of

REPORT = "report.html"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DIFFICULTY = ((1, 2, "1-2 steps"), (3, 5, "3-5 steps"), (6, 9, "6-9 steps"),
              (10, 10**6, "10+ steps"))  # a person's steps, as the suite's files give them
STYLE = """
body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.pass{color:#1a7f37}.fail{color:#b42318}
.big{font-size:20px;font-weight:bold}.grid{display:flex;flex-wrap:wrap;gap:24px}
code{background:#f6f6f6;padding:1px 4px}
"""


def code_version() -> str:
    """The git commit of the code (with `+changes` when the tree differs), else unknown."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(PROJECT_ROOT), *args], capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
    try:
        commit = git("rev-parse", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    return commit + (" +changes" if dirty else "")


def write_report(folder: str | Path) -> Path:
    """Draw `report.html` in an evaluation folder from its summary; returns its path."""
    out = Path(folder)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    run_file = out / "run.json"
    run = json.loads(run_file.read_text(encoding="utf-8")) if run_file.exists() else {}
    path = out / REPORT
    path.write_text(render(summary, run), encoding="utf-8")
    return path


def runs_of(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """A summary's rows, one per episode: an eval's `tasks`, MiniWoB++'s `runs` (KeyError
    when it has neither: not a summary)."""
    rows = summary.get("tasks")
    return rows if isinstance(rows, list) else list(summary["runs"])


def render(summary: dict[str, Any], run: dict[str, Any]) -> str:
    rows = runs_of(summary)
    overall = rate_of(bool(r["success"]) for r in rows)
    low, high = overall.ci95
    sections = [
        f'<h1>Evaluation report</h1><p class="big">{overall.rate:.1%} success '
        f'<span style="font-weight:normal">[{low:.1%}, {high:.1%}] 95% interval, '
        f'{overall.succeeded} of {overall.runs} runs'
        f'{"" if summary.get("complete", True) else " (run not complete)"}</span></p>',
        _provenance(summary, run),
        _figures(summary, rows),
        '<div class="grid">'
        + _by("Success by app", rows, lambda r: str(r.get("app", "")))
        + _by("Success by split", rows, lambda r: str(r.get("split", "")) or "(top)")
        + _by("Success by difficulty", rows, _difficulty)
        + _by("Success by seed", rows, lambda r: f"seed {r.get('seed', 0)}")
        + (_by("Success by device", rows, lambda r: str(r["device"]))  # a failing one shows
           if any(r.get("device") for r in rows) else "")
        + "</div>",
        _distributions(rows),
        _failures(rows),
        _runs_table(rows),
    ]
    return page("Evaluation report", "".join(sections))


def page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>\n")


def table(head: Iterable[str] | None, rows: Iterable[Iterable[Any]]) -> str:
    """A table; `head` None for one of names and values, without a header row."""
    cells = "".join(f"<th>{escape(str(h))}</th>" for h in head or ())
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table>{f'<tr>{cells}</tr>' if cells else ''}{body}</table>"


class Markup(str):
    """Text already written as HTML (a table cell that is not escaped)."""


def _cell(value: Any) -> str:
    return value if isinstance(value, Markup) else escape(str(value))


def _provenance(summary: dict[str, Any], run: dict[str, Any]) -> str:
    settings, meta = run.get("settings", {}), run.get("meta", {})
    starts = run.get("starts", [])
    items = [
        ("command", Markup(f"<code>{escape(str(meta.get('command', 'unknown')))}</code>")),
        ("planner", settings.get("planner") or summary.get("planner", "")),
        ("model / planner as recorded", summary.get("planner", "")),
        ("code version", meta.get("code", "unknown")),
        ("seeds", ", ".join(str(s) for s in summary.get("seeds", settings.get("seeds", [])))),
        ("realism", summary.get("realism", settings.get("realism", ""))),
        ("suite", f"{settings.get('suite', '')} (tasks {settings.get('tasks', '*')})"),
        ("started", meta.get("started", "")),
        ("starts (resumed runs)", len(starts) or 1),
    ]
    return "<h2>What produced it</h2>" + table(None, items)


def _figures(summary: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    decided = [ms for r in rows for ms in r.get("decide_ms", [])]
    items = [("runs", len(rows)),
             ("false successes (said done, was not)", summary.get("false_successes", 0)),
             ("failed on side effects", summary.get("side_effect_failures", 0)),
             ("harness errors", sum(r.get("outcome") == "error" for r in rows)),
             ("median steps", _median(r.get("steps", 0) for r in rows)),
             ("median seconds per run", _median(r.get("seconds", 0.0) for r in rows)),
             ("median decision (ms per step)", _median(decided))]
    floor = summary.get("floor") or {}
    for name, figure in floor.items():
        if isinstance(figure, dict) and "rate" in figure:
            items.append((f"floor: always {name.replace('_', ' ')}", f"{figure['rate']:.0%}"))
    return "<h2>Figures</h2>" + table(["figure", "value"], items)


def _by(title: str, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> str:
    groups: dict[str, list[bool]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(bool(r["success"]))
    bars = [_rate_bar(name, groups[name]) for name in sorted(groups, key=natural)]
    return f"<section><h2>{escape(title)}</h2>{rate_chart(bars)}</section>"


def natural(label: str) -> list[Any]:
    """Labels in the order people count: "seed 2" before "seed 10", "3-5 steps" before
    "10+ steps"."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", label)]


def _rate_bar(label: str, values: list[bool]) -> RateBar:
    rate = rate_of(values)
    low, high = rate.ci95
    return RateBar(label, rate.rate, low, high, f"{rate.succeeded}/{rate.runs}")


def _difficulty(row: dict[str, Any]) -> str:
    steps = row.get("person_steps")
    if steps is None:
        return "not given"
    return next(name for low, high, name in DIFFICULTY if low <= int(steps) <= high)


def _distributions(rows: list[dict[str, Any]]) -> str:
    steps = [float(r.get("steps", 0)) for r in rows]
    seconds = [float(r.get("seconds", 0.0)) for r in rows]
    decided = [float(ms) for r in rows for ms in r.get("decide_ms", [])]
    return ('<h2>Steps and time</h2><div class="grid">'
            f"<section><h3>steps per run</h3>{histogram(steps, 'steps')}</section>"
            f"<section><h3>seconds per run</h3>{histogram(seconds, 's')}</section>"
            f"<section><h3>planner decision per step</h3>{histogram(decided, 'ms')}</section>"
            "</div>")


def failure_kind(row: dict[str, Any]) -> str:
    """Why a run failed, as a kind shared by many runs: the check's first complaint when the
    agent ended as it should have, else how the episode ended; numbers become N."""
    failures = row.get("failures") or []
    text = (f"check: {failures[0]}" if failures and row.get("outcome") != "error"
            else f"{row.get('outcome', '')}: {row.get('reason', '')}")
    return re.sub(r"\d+(\.\d+)?", "N", text)[:160]


def _failures(rows: list[dict[str, Any]]) -> str:
    failed = [r for r in rows if not r["success"]]
    kinds = Counter(failure_kind(r) for r in failed)
    examples: dict[str, list[str]] = {}
    for r in failed:
        examples.setdefault(failure_kind(r), []).append(f"{r['id']}@{r.get('seed', 0)}")
    body = table(["runs", "why", "examples"],
                 [(n, kind, ", ".join(examples[kind][:4])) for kind, n in kinds.most_common()])
    return f"<h2>Failure reasons ({len(failed)} failed runs)</h2>{body}"


def _runs_table(rows: list[dict[str, Any]]) -> str:
    def mark(ok: bool) -> Markup:
        return Markup(f'<span class="{"pass" if ok else "fail"}">'
                      f'{"PASS" if ok else "FAIL"}</span>')

    return "<h2>Every run</h2>" + table(
        ["task", "seed", "app", "result", "outcome", "steps", "s", "reason"],
        [(r["id"], r.get("seed", 0), r.get("app", ""), mark(bool(r["success"])),
          r.get("outcome", ""), r.get("steps", ""), r.get("seconds", ""),
          "; ".join([str(r.get("reason", "")), *map(str, r.get("failures", []))]))
         for r in rows])


def _median(values: Iterable[float]) -> str:
    data = list(values)
    return f"{statistics.median(data):.1f}" if data else "-"


def render_comparison(a: dict[str, Any], b: dict[str, Any], c: Any) -> str:
    """Two loaded summaries side by side (`automator.comparison`): success per group for
    each, the runs that flipped, and the exact McNemar p of those flips."""
    from automator.comparison import mcnemar_p

    shared = sorted(set(a["tasks"]) & set(b["tasks"]))
    groups: dict[str, tuple[list[bool], list[bool]]] = {}
    for name in shared:
        ga, gb = groups.setdefault(str(a["tasks"][name].get("app", "")), ([], []))
        ga.append(bool(a["tasks"][name]["success"]))
        gb.append(bool(b["tasks"][name]["success"]))
    labels = [*sorted(groups), "all"]
    every = ([x for g in groups.values() for x in g[0]], [x for g in groups.values() for x in g[1]])
    chart = rate_chart([_rate_bar(k, (groups.get(k) or every)[0]) for k in labels],
                       [[_rate_bar(k, (groups.get(k) or every)[1]) for k in labels]])
    flips = [(name, "gained in B") for name in c.gained] + [(n, "lost in B") for n in c.lost]
    body = (
        "<h1>Comparison of two evaluations</h1>"
        + table(["", "summary", "planner", "success (shared runs)"],
                [("A", a["path"], a["planner"], f"{c.rate_a:.1%}"),
                 ("B", b["path"], b["planner"], f"{c.rate_b:.1%}")])
        + f'<p class="big">exact McNemar p = {mcnemar_p(len(c.gained), len(c.lost)):.3g} '
        f'<span style="font-weight:normal">({len(c.gained)} gained, {len(c.lost)} lost, '
        f"{len(shared)} runs in both)</span></p>"
        + '<h2>Success by group (blue: A, orange: B)</h2>' + chart
        + f"<h2>Flipped runs ({len(flips)})</h2>"
        + table(["run", "change", "A", "B"],
                [(name, change, _run_text(a["tasks"][name]), _run_text(b["tasks"][name]))
                 for name, change in flips])
        + "<h2>Runs in one only (not counted)</h2>"
        + table(["only in", "runs"], [("A", ", ".join(c.only_a) or "-"),
                                      ("B", ", ".join(c.only_b) or "-")]))
    return page("Comparison of two evaluations", body)


def _run_text(row: dict[str, Any]) -> str:
    verdict = "PASS" if row["success"] else "FAIL"
    return f"{verdict}: {row.get('outcome', '')} in {row.get('steps', '?')} steps"
