"""Round trips between the two halves that read the field's formats: an episode recorded
on the virtual phone is exported to AitW, AndroidControl, GUI-Odyssey and ours, and read
back by `eval offline`'s loader for that format. What the loader reads must be what the
export wrote, in the format's own frame; the oracle (the loaded truth replayed) must score
every step right, and so must the recorded actions themselves: where the export and the
loader or metric disagreed on a convention (axis order, scale, which way a scroll goes),
the recording would no longer match the truth read back."""

import importlib
import json

import pytest
from PIL import Image

from automator.episodes import StepScreen, load_episodes
from automator.export import export
from automator.export.aitw import aitw_action
from automator.export.androidcontrol import ac_action
from automator.export.gui_odyssey import odyssey_action
from automator.offline.metrics import androidcontrol, odyssey
from automator.offline.metrics.common import DOCUMENTED, OFFICIAL
from automator.offline.oracle import oracle
from automator.offline.run import evaluate_offline, formats
from devices.actions import Finish
from planners.scripted import ScriptedPlanner

perceive_module = importlib.import_module("perception.perceive")  # the module, not its function
FORMATS = ("aitw", "androidcontrol", "gui-odyssey", "ours")
EXPORTED_AS = {"ours": "jsonl"}  # our format's export is the lossless jsonl


def _recorded(folder):
    """(screen view, executed action) of every recorded step that executed one."""
    (episode,) = load_episodes(folder)
    return [(StepScreen(episode, s), s.executed) for s in episode.trajectory.steps
            if s.executed is not None]


def _said(fmt, steps):
    """What the export says of each step it keeps, in the format's frame."""
    out = []
    for view, action in steps:
        if fmt == "aitw":
            said = aitw_action(action, view.size)
        elif fmt == "androidcontrol":
            said = None if isinstance(action, Finish) else ac_action(action)
        elif fmt == "gui-odyssey":
            said = odyssey_action(action, view.size)
        else:
            said = action
        if said is not None:
            out.append(said)
    return out


def _read(fmt, step):
    """The loaded step's truth, in the same terms as `_said`."""
    truth = step.truth
    if fmt == "aitw":
        return {"results/action_type": truth.type, "results/type_action": truth.text,
                "results/yx_touch": list(truth.touch), "results/yx_lift": list(truth.lift)}
    return truth


def _expected(fmt, said, step):
    if fmt == "androidcontrol":
        return androidcontrol.parse(json.loads(json.dumps(said)))
    if fmt == "gui-odyssey":
        return odyssey.decode(*said)
    if fmt == "aitw":
        return {**said, "results/yx_touch": pytest.approx(said["results/yx_touch"], abs=1e-6),
                "results/yx_lift": pytest.approx(said["results/yx_lift"], abs=1e-6)}
    return said


@pytest.fixture
def no_ocr(monkeypatch):
    """GUI-Odyssey gives no tree, so each step's screen is read off its pixels; neither the
    oracle nor the replay looks at it, and OCR of a full screenshot costs seconds."""
    monkeypatch.setattr(perceive_module, "read_text", lambda image, region=None: [])


@pytest.mark.sim
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_reads_back_as_written_and_the_recording_scores_every_step(
        fmt, hostile_episode, tmp_path, no_ocr):
    out = tmp_path / fmt
    report = export(hostile_episode, EXPORTED_AS.get(fmt, fmt), out)
    loader = formats()[fmt]
    (episode,) = loader.load(out)
    said = _said(fmt, _recorded(hostile_episode))
    assert len(episode.steps) == len(said) >= 6
    if fmt != "ours":
        assert report.steps == len(said)
    for step, written in zip(episode.steps, said, strict=True):
        assert _read(fmt, step) == _expected(fmt, written, step), step.index
    kept = [a for v, a in _recorded(hostile_episode) if _said(fmt, [(v, a)])]
    rules = DOCUMENTED if DOCUMENTED in loader.metric.VARIANTS else OFFICIAL
    for planner in (oracle, lambda episode: ScriptedPlanner(kept)):
        summary = evaluate_offline(loader, [episode], planner)
        assert summary[rules]["step_accuracy"] == 1.0, summary[rules]
        assert summary[rules]["episode_success"] == 1.0


@pytest.mark.sim
def test_aitw_screenshots_come_back_pixel_for_pixel(hostile_episode, tmp_path):
    export(hostile_episode, "aitw", tmp_path / "aitw")
    (episode,) = formats()["aitw"].load(tmp_path / "aitw")
    recorded = [v for v, a in _recorded(hostile_episode) if aitw_action(a, v.size)]
    for step, view in zip(episode.steps, recorded, strict=True):
        with Image.open(view.episode.path(view.step.screenshot)) as shot:
            assert step.image().tobytes() == shot.convert("RGB").tobytes()
        assert [b.text for b in step.boxes] == [e.label for e in view.screen.elements]


@pytest.mark.sim
def test_androidcontrol_trees_come_back_as_the_elements_a_planner_was_shown(hostile_episode,
                                                                          tmp_path):
    export(hostile_episode, "androidcontrol", tmp_path / "ac")
    (episode,) = formats()["androidcontrol"].load(tmp_path / "ac")
    recorded = [v for v, a in _recorded(hostile_episode) if not isinstance(a, Finish)]
    for step, view in zip(episode.steps, recorded, strict=True):
        shown = [e for e in view.screen.elements if e.source == "tree"]
        assert [(e.label, e.bounds, e.clickable, e.editable, e.window) for e in step.elements] == [
            (e.label, e.bounds, e.clickable, e.editable, e.window) for e in shown]


@pytest.mark.sim
def test_an_episode_cut_off_by_max_steps_exports_to_every_format(tmp_path, no_ocr):
    """No finish, so no screen after the last action: AndroidControl, which needs one more
    screenshot than actions, leaves that action out; the others keep every step."""
    from automator.config import LoopConfig
    from automator.loop import run_episode
    from automator.recording import Recorder
    from devices.actions import Direction, Scroll
    from devices.virtual.phone import VirtualPhone

    folder = tmp_path / "cut"
    config = LoopConfig(max_steps=2).for_device("virtual")
    with VirtualPhone() as phone:
        trajectory = run_episode("scroll the home screen", phone,
                                 ScriptedPlanner([Scroll(Direction.DOWN)] * 3), config,
                                 recorder=Recorder(folder))
    assert [s.executed.kind for s in trajectory.steps] == ["scroll"] * 2
    for fmt in FORMATS:
        report = export(folder, EXPORTED_AS.get(fmt, fmt), tmp_path / fmt)
        loader = formats()[fmt]
        (episode,) = loader.load(tmp_path / fmt)
        assert len(episode.steps) == (1 if fmt == "androidcontrol" else 2), fmt
        rules = DOCUMENTED if DOCUMENTED in loader.metric.VARIANTS else OFFICIAL
        assert evaluate_offline(loader, [episode], oracle)[rules]["step_accuracy"] == 1.0
    assert report.skipped == {}
    ac = export(folder, "androidcontrol", tmp_path / "ac-again")
    assert ac.skipped == {"last actions (no screen recorded after them)": 1}


@pytest.mark.sim
def test_an_eval_of_several_episodes_reads_back_episode_by_episode(eval_dir, tmp_path, no_ocr):
    for fmt in FORMATS:
        report = export(eval_dir, EXPORTED_AS.get(fmt, fmt), tmp_path / fmt)
        loader = formats()[fmt]
        episodes = loader.load(tmp_path / fmt)
        # the two that gave up at once have no step AitW or AndroidControl can say
        written = 2 if fmt in ("aitw", "androidcontrol") else 4
        assert len(episodes) == report.episodes == written, fmt
        assert len({e.id for e in episodes}) == written and all(e.goal for e in episodes)
        assert all(e.steps for e in episodes)
        rules = DOCUMENTED if DOCUMENTED in loader.metric.VARIANTS else OFFICIAL
        summary = evaluate_offline(loader, episodes, oracle)[rules]
        assert summary["step_accuracy"] == summary["episode_success"] == 1.0, (fmt, summary)
