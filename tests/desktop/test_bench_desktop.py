"""`automator bench desktop` runs as a person runs it: a zenity list of about 250 accessible
nodes on a headless desktop of its own, captured and perceived; the figure is printed, not
asserted (it depends on the machine)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from devices.desktop.session import missing

pytestmark = pytest.mark.desktop
ROOT = Path(__file__).parents[2]


def test_bench_desktop_prints_the_median_over_a_250_node_tree(tmp_path: Path) -> None:
    gone = missing()
    if gone:
        pytest.skip("bench desktop needs the Debian packages " + ", ".join(gone) + " (setup.sh)")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    done = subprocess.run(
        [sys.executable, "-m", "automator.cli", "bench", "desktop", "--steps", "3"],
        cwd=ROOT, env=env | {"HOME": str(tmp_path)}, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    nodes = int(re.search(r"desktop tree of (\d+) nodes \((\d+) elements", done.stdout)[1])
    assert 230 <= nodes <= 300, done.stdout
    assert re.search(r"capture \+ perceive: median \d+\.\d ms", done.stdout), done.stdout
