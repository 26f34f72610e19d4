"""The `view` and `export` commands, and `bench view` / `bench export`."""

from __future__ import annotations

import argparse
from pathlib import Path

from automator import console
from automator.cli import EXIT_OK, _error
from automator.errors import ExportError

VIEW_STEPS, EXPORT_STEPS = 50, 1000  # the benchmarks' default sizes
# automator.export.FORMATS, named here so that building the parser imports no exporter
FORMAT_NAMES = ("androidcontrol", "aitw", "gui-odyssey", "jsonl", "parquet")


def cmd_view(args: argparse.Namespace) -> int:
    from automator.viewer import open_in_browser, view

    try:
        out = view(args.source, args.out)
    except (ValueError, OSError) as e:
        return _error(str(e))
    say = console.line_printer()
    say(f"report: {out}")
    if not args.no_open and not open_in_browser(out):
        say("(no browser to open it here: open the file in one)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from automator.export import export

    try:
        report = export(args.source, args.format, args.out)
    except (ExportError, ValueError, OSError) as e:
        return _error(str(e))
    console.line_printer()(report.summary())
    return EXIT_OK


def cmd_bench_demos(args: argparse.Namespace) -> int:
    """`bench view [EPISODE] [--steps 50]`, `bench export [--steps 1000]`."""
    from automator.bench_demos import bench_export, bench_view

    say = console.line_printer()
    if args.what == "export":
        e = bench_export(args.steps or EXPORT_STEPS)
        say(f"export to Parquet: {e.steps} steps in {e.episodes} episodes in {e.seconds:.2f} s "
            f"({e.seconds / e.steps * 1000:.2f} ms per step, {e.bytes / 1e6:.1f} MB)")
        return EXIT_OK
    v = bench_view(args.steps or VIEW_STEPS, Path(args.dir) if args.dir else None)
    say(f"view: {v.steps}-step episode written and rendered in headless Chromium in "
        f"{v.total_ms / 1000:.2f} s (write {v.write_ms:.0f} ms + load and render "
        f"{v.render_ms:.0f} ms; page {v.page_bytes / 1e6:.1f} MB; Chromium start "
        f"{v.launch_ms:.0f} ms, not counted)")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `view` and `export` on the command line's subparsers."""
    v = sub.add_parser("view", help="an episode or a folder of them as an HTML report")
    v.add_argument("source", help="an episode folder, or a folder holding episodes (an eval)")
    v.add_argument("--out", help="the report's file (default SOURCE/episodes.html)")
    v.add_argument("--no-open", action="store_true", help="do not open it in a browser")
    v.set_defaults(func=cmd_view)

    ex = sub.add_parser("export", help="episodes in a dataset format")
    ex.add_argument("source", help="an episode folder, or a folder holding episodes")
    ex.add_argument("--format", required=True, choices=FORMAT_NAMES)
    ex.add_argument("--out", help="default: beside SOURCE, SOURCE.parquet or SOURCE-FORMAT/")
    ex.set_defaults(func=cmd_export)


