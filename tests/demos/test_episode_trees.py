"""Recorded trees of every platform read back for the viewer and the exports."""

import json
from pathlib import Path

import pytest

from automator.episodes import find_episodes, parse_tree

ROOT = Path(__file__).resolve().parents[2]


def _web_node(id_: str, role: str, name: str, children: list[str], bounds: list[int],
              clickable: bool = False) -> dict:
    return {"id": id_, "role": role, "name": name, "value": "", "description": "",
            "props": {}, "bounds": bounds, "clickable": clickable, "tag": "div", "attrs": {},
            "ignored": False, "children": children}


@pytest.mark.unit
def test_uiautomator_atspi_and_page_trees_are_read_by_their_own_parser():
    xml = (ROOT / "datasets" / "dumps" / "settings_list.xml").read_text(encoding="utf-8")
    assert parse_tree(xml, "step_000.xml").elements
    atspi = (ROOT / "tests" / "desktop" / "fixtures" / "zenity_forms.json").read_text()
    assert parse_tree(atspi, "step_000.json").elements
    page = json.dumps({"version": 1, "url": "file:///t.html", "title": "T",
                       "viewport": [200, 100], "root": "1", "nodes": [
                           _web_node("1", "RootWebArea", "T", ["2"], [0, 0, 200, 100]),
                           _web_node("2", "button", "Submit", [], [10, 60, 50, 20])]})
    assert [e.label for e in parse_tree(page, "step_000.json").elements] == ["Submit"]


@pytest.mark.unit
def test_an_unreadable_tree_reads_as_no_screen():
    assert parse_tree("<hierarchy><node", "step_000.xml") is None
    assert parse_tree("{not json", "step_000.json") is None
    assert parse_tree("", "step_000.xml") is None


@pytest.mark.unit
def test_episodes_are_found_at_or_below_a_folder(tmp_path):
    for name in ("b/seed-1", "a/seed-0", "b/seed-0"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "episode.json").write_text("{}")
    assert find_episodes(tmp_path) == [tmp_path / n for n in ("a/seed-0", "b/seed-0", "b/seed-1")]
    assert find_episodes(tmp_path / "a" / "seed-0") == [tmp_path / "a" / "seed-0"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no episode folders"):
        find_episodes(tmp_path / "empty")
