"""Episode store hygiene: versions (an older one loads, a newer one is refused naming both),
runs cut short (read back and marked incomplete), password fields painted over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from automator import trajectory as schema
from automator.recording import Recorder, load_trajectory, read_header
from automator.trajectory import SCHEMA_VERSION, Outcome
from devices.actions import Point, Tap
from devices.observation import Observation, TreeFormat
from perception import parse_uiautomator
from perception.redact import MASK_COLOUR

DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"

# An episode exactly as format version 1 wrote it (no field added since).
V1_HEADER = {"schema_version": 1, "goal": "Turn on Wi-Fi", "device": "virtual-0",
             "planner": "scripted", "started": 1700000000.0, "config": {"max_steps": 30}}
V1_STEPS = [
    {"index": 0, "app": "com.android.settings", "screen_signature": "ab12",
     "screenshot": "", "tree": "step_000.xml",
     "decision": {"action": {"kind": "tap", "target": {"id": 4}}, "thought": "open it",
                  "raw": "", "confidence": None, "usage": {}},
     "raw": "", "executed": {"kind": "tap", "target": {"x": 540, "y": 614}},
     "target": "Network & internet",
     "verification": {"verdict": "changed", "detail": "", "tree_changed": True,
                      "pixel_change": 0.2},
     "error": "", "refusal": "", "note": "", "timings": {"decide": 1.5}},
    {"index": 1, "app": "com.android.settings", "screen_signature": "cd34",
     "screenshot": "", "tree": "step_001.xml",
     "decision": {"action": {"kind": "finish", "status": "success", "answer": None},
                  "thought": "", "raw": "", "confidence": None, "usage": {}},
     "raw": "", "executed": {"kind": "finish", "status": "success", "answer": None},
     "target": "", "verification": None, "error": "", "refusal": "", "note": "",
     "timings": {}},
]
V1_OUTCOME = {"outcome": "success", "reason": "done", "answer": None,
              "ended": 1700000009.0, "steps": 2}


def write_episode(folder: Path, header: dict, steps: list, outcome: dict | None,
                  torn_tail: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "episode.json").write_text(json.dumps(header))
    lines = "".join(json.dumps(s) + "\n" for s in steps)
    (folder / "steps.jsonl").write_text(lines + torn_tail)
    if outcome is not None:
        (folder / "outcome.json").write_text(json.dumps(outcome))
    return folder


@pytest.mark.unit
def test_a_version_1_episode_loads(tmp_path: Path):
    loaded = load_trajectory(write_episode(tmp_path / "v1", V1_HEADER, V1_STEPS, V1_OUTCOME))
    assert loaded.complete and loaded.outcome == Outcome.SUCCESS
    assert loaded.steps[0].executed == Tap(Point(540, 614))
    assert loaded.steps[0].target == "Network & internet"


@pytest.mark.unit
def test_an_older_version_is_read_through_its_migration(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    """Were the format at version 2 (the step's `target` renamed `target_label`), a version 1
    episode would be migrated on reading."""

    def v1_to_v2(part: str, data: dict) -> dict:
        if part != "step":
            return data
        data = dict(data)
        data["target_label"] = data.pop("target")
        return data

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, v1_to_v2)
    folder = write_episode(tmp_path / "v1", V1_HEADER, V1_STEPS, V1_OUTCOME)
    from automator.recording import read_rows

    rows, whole = read_rows(folder, 1)
    assert whole and rows[0]["target_label"] == "Network & internet" and "target" not in rows[0]
    assert read_header(folder)["schema_version"] == 2


@pytest.mark.unit
def test_a_newer_version_is_refused_naming_both_versions(tmp_path: Path):
    newer = SCHEMA_VERSION + 1
    folder = write_episode(tmp_path / "new", {**V1_HEADER, "schema_version": newer},
                           V1_STEPS, V1_OUTCOME)
    with pytest.raises(ValueError) as raised:
        load_trajectory(folder)
    message = str(raised.value)
    assert f"version {newer}" in message and f"version {SCHEMA_VERSION}" in message


@pytest.mark.unit
def test_a_run_cut_short_is_readable_and_marked_incomplete(tmp_path: Path):
    torn = json.dumps(V1_STEPS[1])[:57]  # the process died in the middle of this write
    folder = write_episode(tmp_path / "cut", V1_HEADER, V1_STEPS[:1], None, torn)
    loaded = load_trajectory(folder)
    assert not loaded.complete and loaded.outcome == Outcome.ABORTED
    assert [s.index for s in loaded.steps] == [0]
    assert "without writing an outcome" in loaded.reason


@pytest.mark.unit
def test_a_torn_line_marks_even_a_finished_episode_incomplete(tmp_path: Path):
    folder = write_episode(tmp_path / "torn", V1_HEADER, V1_STEPS[:1], V1_OUTCOME, "{\"ind")
    loaded = load_trajectory(folder)
    assert not loaded.complete and len(loaded.steps) == 1


def signup_observation() -> Observation:
    xml = (DUMPS / "signup_form_keyboard.xml").read_text(encoding="utf-8")
    image = Image.new("RGB", (1080, 2400), (255, 255, 255))
    return Observation(image, xml, TreeFormat.UIAUTOMATOR, 1080, 2400, app="com.example.signup")


@pytest.mark.unit
@pytest.mark.parametrize("give_screen", [True, False])
def test_password_fields_are_painted_over_in_stored_screenshots(tmp_path: Path,
                                                                give_screen: bool):
    observation = signup_observation()
    screen = parse_uiautomator(observation.tree, 1080, 2400) if give_screen else None
    recorder = Recorder(tmp_path)
    png, _ = recorder.save_observation(0, observation, screen)
    recorder.flush()
    recorder.close()
    stored = Image.open(tmp_path / png).convert("RGB")
    # the password field of the dump: bounds [42,960][1038,1130]
    assert stored.getpixel((540, 1045)) == MASK_COLOUR
    assert stored.getpixel((43, 961)) == MASK_COLOUR
    assert stored.getpixel((540, 900)) == (255, 255, 255)  # the rest is untouched
    assert observation.screenshot.getpixel((540, 1045)) == (255, 255, 255)  # not the live one


@pytest.mark.sim
def test_a_recorded_wifi_password_page_is_stored_masked(tmp_path: Path):
    from automator.config import LoopConfig, PhoneConfig
    from automator.loop import run_episode
    from planners.scripted import ScriptedPlanner
    from planners.task_script import TaskScript

    script = [{"open": "Settings"}, {"tap": "Network & internet"}, {"tap": "Wi-Fi networks"},
              {"tap": "Office-5G"},
              {"type": {"into": {"rid": "password"}, "text": "correct horse"}},
              {"finish": "success"}]
    with PhoneConfig(0).phone(state={"system": {"wifi": True}}) as phone:
        run_episode("Join Office-5G", phone, ScriptedPlanner(TaskScript(script)),
                    LoopConfig(max_steps=10).for_device("virtual"), recorder=Recorder(tmp_path))
        live = phone.capture()
    recorded = load_trajectory(tmp_path)
    assert recorded.outcome == Outcome.SUCCESS and recorded.steps[4].executed.kind == "type_text"
    last = recorded.steps[-1]  # the finish, on the page with the typed password
    screen = parse_uiautomator((tmp_path / last.tree).read_text(encoding="utf-8"), 1080, 2400)
    boxes = [e.bounds.as_list() for e in screen.elements if e.password]
    assert boxes, "the page has a password field"
    stored = Image.open(tmp_path / last.screenshot).convert("RGB")
    for box in boxes:
        assert stored.crop(box).getcolors() == [(stored.crop(box).width
                                                 * stored.crop(box).height, MASK_COLOUR)]
        assert len(live.screenshot.crop(box).getcolors(1 << 16)) > 1  # the phone drew in it
