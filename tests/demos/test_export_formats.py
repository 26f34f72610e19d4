"""Exports: our jsonl round trip, each dataset format's fields, feature types, frames and
ranges (AitW's and AndroidControl's TFRecords read feature by feature), and the Parquet file
read back by Hugging Face `datasets`."""

import json
from pathlib import Path

import pytest
from demo_episodes import MARKUP

from automator.cli import main
from automator.cli_demos import FORMAT_NAMES
from automator.episodes import find_episodes
from automator.errors import ExportError
from automator.export import FORMATS, export, import_jsonl
from automator.export.aitw import AitwAction
from automator.export.frames import thousandths_box, thousandths_xy, unit_box_yxhw, unit_yx
from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory, read_header
from automator.tfrecord import examples
from automator.viewer import view
from devices.actions import Direction, Key, Point, PressKey
from devices.gestures import swipe_scroll
from devices.virtual.phone import VirtualPhone
from perception.elements import Bounds
from planners.scripted import ScriptedPlanner

SIZE = (1080, 2400)
NEW_NOTE = Point(912, 2130)  # where the hostile episode taps "New note"


def _text(values: list) -> list[str]:
    assert all(isinstance(v, bytes) for v in values)  # a BytesList
    return [v.decode("utf-8") for v in values]


@pytest.mark.unit
def test_frames_keep_their_axis_order():
    assert unit_yx(Point(108, 1200), SIZE) == [0.5, 0.1]  # (y, x)
    assert unit_box_yxhw(Bounds(108, 240, 540, 480), SIZE) == [0.1, 0.1, 0.1, 0.4]
    assert thousandths_xy(Point(108, 1200), SIZE) == [100, 500]  # (x, y)
    assert thousandths_box(Bounds(108, 240, 1200, 2400), SIZE) == [100, 100, 1000, 1000]


@pytest.mark.unit
def test_a_swipe_scrolls_the_way_its_finger_moves_away_from():
    assert swipe_scroll(Point(540, 1600), Point(540, 900)) == Direction.DOWN
    assert swipe_scroll(Point(540, 900), Point(540, 1600)) == Direction.UP
    assert swipe_scroll(Point(900, 1200), Point(100, 1250)) == Direction.RIGHT
    assert tuple(FORMATS) == FORMAT_NAMES  # the parser's list is the exporters'


@pytest.mark.sim
def test_jsonl_round_trip_gives_back_the_same_episodes_and_files(eval_dir, hostile_episode,
                                                                tmp_path):
    for source in (eval_dir, hostile_episode):
        out = tmp_path / source.name
        report = export(source, "jsonl", out)
        imported = {e.id: e for e in import_jsonl(out)}
        folders = find_episodes(source)
        assert report.episodes == len(imported) == len(folders)
        for folder in folders:
            key = folder.name if folder == source else folder.relative_to(source).as_posix()
            back = imported[key]
            assert back.trajectory == load_trajectory(folder)
            assert back.config == read_header(folder)["config"]
            for step in back.trajectory.steps:
                for name in (step.screenshot, step.tree):
                    assert (back.files / name).read_bytes() == (folder / name).read_bytes()


@pytest.mark.sim
def test_aitw_steps_have_its_features_types_and_yx_fractions(hostile_episode, tmp_path):
    report = export(hostile_episode, "aitw", tmp_path / "aitw")
    assert [p.name for p in (tmp_path / "aitw").iterdir()] == ["aitw.tfrecord.gz"]
    rows = list(examples(tmp_path / "aitw" / "aitw.tfrecord.gz"))
    # open app has no AitW action, the planner's mistake executed nothing
    assert report.skipped == {"open_app (not in AitW)": 1, "steps without an executed action": 1}
    kinds = [r["results/action_type"] for r in rows]
    assert kinds == [[4], [3], [5], [4], [4], [4], [10]]  # tap, type, back, scroll, swipe,
    assert {k.value for k in AitwAction} >= {k for (k,) in kinds}  # long press, done
    for i, r in enumerate(rows):
        assert r["step_id"] == [i] and r["episode_length"] == [len(rows)]
        assert (r["image/width"], r["image/height"], r["image/channels"]) == ([1080], [2400], [3])
        assert len(r["image/encoded"][0]) == 1080 * 2400 * 3  # raw pixels, as AitW stores them
        assert _text(r["goal_info"])[0].startswith("Write <script>")
        boxes = r["image/ui_annotations_positions"]
        assert all(isinstance(v, float) for v in boxes)  # a FloatList
        assert len(boxes) == 4 * len(_text(r["image/ui_annotations_text"])) == 4 * len(
            _text(r["image/ui_annotations_ui_types"]))
        assert all(0 <= v <= 1 for v in boxes)
        for point in (r["results/yx_touch"], r["results/yx_lift"]):
            assert point == [-1, -1] or all(0 <= v <= 1 for v in point)
    tap, typed, back, scroll, swipe = rows[:5]
    assert tap["results/yx_touch"] == tap["results/yx_lift"] == pytest.approx(
        [NEW_NOTE.y / 2400, NEW_NOTE.x / 1080], abs=1e-4)  # (y, x)
    assert _text(typed["results/type_action"]) == [MARKUP]
    assert typed["results/yx_touch"] == back["results/yx_touch"] == [-1, -1]
    assert scroll["results/yx_lift"][0] < scroll["results/yx_touch"][0]  # finger moves up
    assert swipe["results/yx_touch"] == pytest.approx([1600 / 2400, 0.5], abs=1e-4)
    assert swipe["results/yx_lift"] == pytest.approx([900 / 2400, 0.5], abs=1e-4)


@pytest.mark.sim
def test_androidcontrol_episodes_have_its_features_and_pixel_actions(hostile_episode,
                                                                    tmp_path):
    report = export(hostile_episode, "androidcontrol", tmp_path / "ac")
    (ep,) = examples(tmp_path / "ac" / "androidcontrol.tfrecord.gz")
    assert report.skipped == {"steps without an executed action": 1}
    assert _text(ep["goal"])[0].startswith("Write <script>") and ep["episode_id"] == [0]
    assert _text(ep["source_id"]) == [hostile_episode.name]
    # a finished episode: one more screenshot than actions, one instruction per action
    assert len(ep["actions"]) == len(ep["screenshots"]) - 1 == len(ep["step_instructions"])
    assert len(ep["accessibility_trees"]) == len(ep["screenshots"])
    assert set(ep["screenshot_widths"]) == {1080} and set(ep["screenshot_heights"]) == {2400}
    assert all(s.startswith(b"\x89PNG") for s in ep["screenshots"])
    actions = [json.loads(a) for a in _text(ep["actions"])]
    assert actions == [
        {"action_type": "open_app", "app_name": "Notes"},
        {"action_type": "click", "x": NEW_NOTE.x, "y": NEW_NOTE.y},
        {"action_type": "input_text", "text": MARKUP},
        {"action_type": "navigate_back"},
        {"action_type": "scroll", "direction": "down"},
        {"action_type": "scroll", "direction": "down"},  # the swipe: the finger went up
        {"action_type": "long_press", "x": 540, "y": 358},
    ]
    assert _text(ep["step_instructions"])[1] == "Tap 'New note'"


@pytest.mark.sim
def test_gui_odyssey_episodes_have_its_fields_and_thousandths(hostile_episode, tmp_path):
    report = export(hostile_episode, "gui-odyssey", tmp_path / "go")
    (path,) = (tmp_path / "go" / "annotations").iterdir()
    ep = json.loads(path.read_text())
    assert report.steps == ep["step_length"] == len(ep["steps"]) == 7
    assert ep["device_info"]["w"] == 1080 and ep["device_info"]["h"] == 2400
    assert set(ep["task_info"]) == {"category", "app", "meta_task", "task", "instruction"}
    assert [s["action"] for s in ep["steps"]] == [
        "CLICK", "TEXT", "CLICK", "SCROLL", "SCROLL", "LONG_PRESS", "COMPLETE"]
    tap, typed, back, scroll, swipe, hold, _ = ep["steps"]
    assert tap["info"] == [[round(912 * 1000 / 1080), round(2130 * 1000 / 2400)]]  # (x, y)
    x1, y1, x2, y2 = tap["sam2_bbox"]
    assert x1 <= tap["info"][0][0] <= x2 and y1 <= tap["info"][0][1] <= y2
    assert typed["info"] == MARKUP and back["info"] == "KEY_BACK"
    (sx, sy), (ex, ey) = scroll["info"]
    assert ey < sy and sx == ex == 500  # scroll down: the finger moves up
    assert swipe["info"] == [[500, round(1600 * 1000 / 2400)], [500, 375]]
    assert hold["sam2_bbox"] and hold["low_level_instruction"].startswith("Long-press")
    for step in ep["steps"]:
        assert (tmp_path / "go" / "screenshots" / step["screenshot"]).stat().st_size > 0
        points = step["info"] if isinstance(step["info"], list) else []
        assert all(0 <= v <= 1000 for p in points for v in p)


@pytest.mark.sim
def test_parquet_is_read_by_datasets_with_images_decoded(eval_dir, tmp_path):
    import datasets

    assert "site-packages" in datasets.__file__  # the library, never the data folder
    out = tmp_path / "steps.parquet"
    report = export(eval_dir, "parquet", out)
    table = datasets.load_dataset("parquet", data_files=str(out), split="train",
                                  cache_dir=str(tmp_path / "cache"))
    assert table.num_rows == report.steps == sum(
        len(load_trajectory(f).steps) for f in find_episodes(eval_dir))
    assert isinstance(table.features["image"], datasets.Image)
    assert table.features["x"] == datasets.Value("int32")
    row = next(r for r in table if r["action_kind"] == "tap")
    assert row["image"].size == SIZE
    action = json.loads(row["action"])
    assert (row["x"], row["y"]) == (action["target"]["x"], action["target"]["y"])
    assert row["goal"] and row["episode_id"].endswith(("seed-0", "seed-1"))
    assert row["tree"].lstrip().startswith("<")


@pytest.mark.sim
def test_an_existing_output_is_never_overwritten(hostile_episode, tmp_path, capsys):
    out = tmp_path / "x.parquet"
    out.write_text("keep me")
    with pytest.raises(ExportError, match="already exists"):
        export(hostile_episode, "parquet", out)
    assert main(["export", str(hostile_episode), "--format", "parquet", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_text() == "keep me"
    with pytest.raises(ExportError, match="unknown format"):
        export(hostile_episode, "tfrecord", tmp_path / "y")


@pytest.mark.sim
def test_the_export_command_says_what_it_wrote_and_left_out(hostile_episode, tmp_path, capsys):
    out = tmp_path / "aitw"
    assert main(["export", str(hostile_episode), "--format", "aitw", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"aitw: 1 episodes, 7 steps -> {out}" in said and "1 open_app (not in AitW)" in said
    assert Path(out / "aitw.tfrecord.gz").exists()


@pytest.mark.sim
def test_an_episode_recorded_without_screenshots_is_viewed_and_exported(tmp_path):
    import pyarrow.parquet as pq

    folder = tmp_path / "ep"
    run_episode("go home", VirtualPhone(), ScriptedPlanner([PressKey(Key.HOME)]),
                recorder=Recorder(folder, screenshots=False))
    page = view(folder, tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.count("no screenshot") == 2 and "<img" not in page
    report = export(folder, "aitw", tmp_path / "aitw")
    assert report.steps == 0 and report.skipped == {"steps without a screenshot": 2}
    export(folder, "parquet", tmp_path / "p.parquet")
    rows = pq.read_table(tmp_path / "p.parquet").to_pylist()
    assert [r["image"] for r in rows] == [None, None] and rows[0]["action_kind"] == "key"
    assert rows[0]["tree"].lstrip().startswith("<")
