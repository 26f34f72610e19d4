"""The benchmark's figures and the prompt-size target against M3A's element list."""

from __future__ import annotations

from pathlib import Path

import pytest

from perception import parse_uiautomator, render_text
from perception.bench import bench_dumps, format_table
from perception.compare import m3a_element_list
from perception.tree import parse_document

DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"
SAMPLES = sorted(DUMPS.glob("*.xml"))


@pytest.mark.unit
def test_there_are_enough_realistic_samples() -> None:
    assert len(SAMPLES) >= 6
    sizes = [len(parse_document(p.read_text()).xpath("//*[@bounds]")) for p in SAMPLES]
    assert max(sizes) >= 750 and any(100 <= n <= 300 for n in sizes)


@pytest.mark.unit
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_text_rendering_is_at_most_a_quarter_of_m3a(path: Path) -> None:
    xml = path.read_text(encoding="utf-8")
    ours = render_text(parse_uiautomator(xml))
    theirs = m3a_element_list(xml)
    assert len(ours) * 4 <= len(theirs), (len(ours), len(theirs))


@pytest.mark.unit
def test_m3a_list_has_one_line_per_node() -> None:
    xml = (DUMPS / "settings_list.xml").read_text(encoding="utf-8")
    lines = m3a_element_list(xml).splitlines()
    assert len(lines) == xml.count("<node ")
    assert lines[0].startswith('UI element 0: {"index": 0, "text": None, ')
    assert '"is_clickable": True' in "\n".join(lines)
    assert '"bbox_pixels": {"x_min": 0, "x_max": 1080, "y_min": 0, "y_max": 2400}' in lines[0]


@pytest.mark.unit
def test_bench_reports_figures_and_a_table() -> None:
    result = bench_dumps([DUMPS], repeats=2)
    rows = result["dumps"]
    assert [r["name"] for r in rows] == [p.name for p in SAMPLES]
    for r in rows:
        assert r["nodes"] > 0 and r["elements"] > 0
        assert 0 < r["median_ms"] <= r["max_ms"]
        assert r["ratio"] == pytest.approx(r["text_chars"] / r["m3a_chars"])
    assert result["summary"]["dumps"] == len(SAMPLES)
    table = format_table(result)
    assert all(p.name in table for p in SAMPLES) and "ratio" in table
