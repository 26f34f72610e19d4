"""ScreenSpot-format grounding: box conventions, the point-in-box rule, the groups."""

import json
import shutil
from pathlib import Path

import pytest

from automator.cli import main
from automator.offline.grounding import (
    evaluate_grounding,
    iou,
    load_items,
    oracle,
    score_item,
)
from devices.actions import Point, Tap
from perception.elements import Bounds
from planners.scripted import ScriptedPlanner

pytestmark = pytest.mark.unit
SHOT = (Path(__file__).resolve().parents[2] / "datasets" / "offline" / "aitz"
        / "GOOGLE_APPS-523638528775825151" / "GOOGLE_APPS-523638528775825151_2.png")


def _data(folder: Path) -> Path:
    (folder / "screenspot_imgs").mkdir(parents=True)
    shutil.copy(SHOT, folder / "screenspot_imgs" / "drawer.png")
    (folder / "screenspot_mobile.json").write_text(json.dumps([
        {"img_filename": "drawer.png", "instruction": "open the clock", "bbox": [146, 278, 36, 36],
         "data_type": "icon", "data_source": "android"},
        {"img_filename": "drawer.png", "instruction": "the Clock label",
         "bbox": [150, 316, 30, 14], "data_type": "text", "data_source": "android"}]))
    (folder / "pro.json").write_text(json.dumps([
        {"img_filename": "drawer.png", "instruction": "open the clock",
         "bbox": [146, 278, 182, 314], "ui_type": "icon", "platform": "android"}]))
    return folder


def test_screenspot_boxes_are_x_y_w_h_and_pro_boxes_x1_y1_x2_y2(tmp_path):
    items = load_items(_data(tmp_path))
    # pro.json sorts first; its box is already x1 y1 x2 y2
    assert [i.box for i in items] == [(146, 278, 182, 314), (146, 278, 182, 314),
                                      (150, 316, 180, 330)]
    assert [i.platform for i in items] == ["android", "mobile", "mobile"]
    assert [i.kind for i in items] == ["icon", "icon", "text"]


def test_a_point_is_a_hit_inside_the_box_edges_included(tmp_path):
    item = load_items(_data(tmp_path) / "screenspot_mobile.json")[0]
    assert score_item(item, ScriptedPlanner([Tap(Point(182, 314))])).hit
    assert not score_item(item, ScriptedPlanner([Tap(Point(183, 314))])).hit
    assert score_item(item, ScriptedPlanner([Tap(Point(150, 300))])).iou is None


def test_iou_of_an_element_with_the_target():
    assert iou(Bounds(0, 0, 10, 10), (5, 0, 15, 10)) == pytest.approx(50 / 150)


def test_the_oracle_hits_everything_and_groups_are_counted(tmp_path):
    items = load_items(_data(tmp_path) / "screenspot_mobile.json")
    summary = evaluate_grounding(items, oracle, tmp_path / "out")
    groups = summary["groups"]
    assert groups["all"] == {"items": 2, "accuracy": 1.0, "element_iou50": 0.0}
    assert groups["mobile/icon"]["items"] == groups["text"]["items"] == 1
    assert len((tmp_path / "out" / "items.jsonl").read_text().splitlines()) == 2


def test_the_command(tmp_path, capsys):
    data = _data(tmp_path / "data")
    assert main(["eval", "grounding", str(data / "screenspot_mobile.json"), "--planner",
                 "oracle", "--out", str(tmp_path / "out")]) == 0
    assert "mobile/icon" in capsys.readouterr().out
    assert main(["eval", "grounding", str(tmp_path / "nothing")]) == 2
