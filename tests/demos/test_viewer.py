"""The viewer's pages as text: steps, escaping, the drawings, the index's rates and links."""

import base64
import io
import re
from pathlib import Path

import pytest
from demo_episodes import HOSTILE_STEPS, MARKUP
from PIL import Image

from automator.cli import main
from automator.episodes import StepScreen, load_episodes
from automator.viewer import view
from automator.viewer.images import EMBED_BYTES, thumbnail, thumbnails
from automator.viewer.overlay import overlay
from devices.actions import Direction, Point, Scroll, Swipe, Tap
from devices.gestures import scroll_swipe
from perception.elements import Bounds


@pytest.mark.unit
def test_a_tap_is_a_ring_at_its_point_and_the_element_a_box():
    svg = overlay(Tap(Point(912, 2130)), Bounds(850, 2070, 980, 2190), 1080, 2400)
    assert 'viewBox="0 0 1080 2400"' in svg
    assert re.search(r'<circle class="tap" cx="912" cy="2130"', svg)
    assert '<rect class="element" x="850" y="2070" width="130" height="120"' in svg


@pytest.mark.unit
def test_a_scroll_down_is_drawn_as_the_finger_moving_up():
    svg = overlay(Scroll(Direction.DOWN), None, 1080, 2400)
    start, end = scroll_swipe(Direction.DOWN, None, (1080, 2400))
    line = re.search(r'<line class="path" x1="(\d+)" y1="(\d+)" x2="(\d+)" y2="(\d+)"', svg)
    assert line and tuple(map(int, line.groups())) == (start.x, start.y, end.x, end.y)
    assert end.y < start.y


@pytest.mark.unit
def test_a_swipe_is_an_arrow_from_start_to_end():
    svg = overlay(Swipe(Point(540, 1600), Point(540, 900)), None, 1080, 2400)
    assert '<line class="path" x1="540" y1="1600" x2="540" y2="900"' in svg
    assert overlay(None, None, 1080, 2400) == ""


def _decoded(uri: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))


@pytest.mark.unit
def test_a_small_screenshot_is_embedded_as_recorded_and_a_large_one_shrunk(tmp_path):
    small, large, broken = tmp_path / "small.png", tmp_path / "large.png", tmp_path / "x.png"
    Image.new("RGB", (1080, 2400), "white").save(small)
    Image.effect_noise((1080, 2400), 80).save(large, compress_level=1)
    broken.write_bytes(b"not a png")
    assert large.stat().st_size > EMBED_BYTES >= small.stat().st_size
    kept, shrunk, none = thumbnails([small, large, broken])
    assert kept.uri == "data:image/png;base64," + base64.b64encode(small.read_bytes()).decode()
    assert shrunk.uri.startswith("data:image/jpeg;base64,")
    assert _decoded(shrunk.uri).size == (360, 800)
    assert (shrunk.width, shrunk.height) == (1080, 2400)  # the frame of the action's points
    assert none is None and thumbnail(tmp_path / "missing.png") is None


@pytest.mark.sim
def test_the_episode_page_shows_every_step_and_escapes_all_recorded_text(hostile_episode,
                                                                          tmp_path):
    page = view(hostile_episode, tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.count('<li class="step"') == HOSTILE_STEPS
    assert page.count('src="data:image/png;base64,') == HOSTILE_STEPS
    assert "window.__pwned" in page  # shown, as text ...
    assert "<script>window" not in page and "<img src=x" not in page  # ... never as markup
    assert "script-src &#x27;none&#x27;" in page  # and a page that runs no script at all
    assert "tap (912, 2130) on &#x27;New note&#x27;" in page
    assert "unreadable reply: no action in &lt;script&gt;" in page  # the planner's mistake
    assert "finish (success): done &lt;script&gt;" in page


@pytest.mark.sim
def test_the_acted_element_is_read_back_from_the_recorded_tree(hostile_episode):
    episode = load_episodes(hostile_episode)[0]
    tap = episode.trajectory.steps[1]
    element = StepScreen(episode, tap).element
    assert element is not None and element.label == "New note"
    assert element.bounds.contains(tap.executed.target)


@pytest.mark.sim
def test_the_index_counts_task_checks_and_links_each_episode(eval_dir):
    figures = eval_dir / "report.html"  # what `automator eval` writes there: left alone
    figures.write_text("the eval's figures", encoding="utf-8")
    out = view(eval_dir)
    page = out.read_text(encoding="utf-8")
    assert out == eval_dir / "episodes.html"
    assert figures.read_text(encoding="utf-8") == "the eval's figures"
    assert "2/4 (50%)" in page and "task checks passed" in page
    assert re.search(r"notes-new-plumber</td><td class=\"num\">2/2", page)
    assert re.search(r"clock-alarm-630</td><td class=\"num\">0/2", page)
    links = re.findall(r'<a href="([^"]+)">', page)
    assert len(links) == 4
    for link in links:
        assert '<li class="step"' in (out.parent / link).read_text(encoding="utf-8")


@pytest.mark.unit
def test_a_folder_without_episodes_is_a_clear_error_and_writes_nothing(tmp_path, capsys):
    assert main(["view", str(tmp_path), "--no-open"]) == 2
    assert "no episode folders" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="not a folder"):
        view(Path(tmp_path / "missing"))


@pytest.mark.sim
def test_the_view_command_writes_where_asked(hostile_episode, tmp_path, capsys):
    out = tmp_path / "r" / "episode.html"
    assert main(["view", str(hostile_episode), "--out", str(out), "--no-open"]) == 0
    assert f"report: {out}" in capsys.readouterr().out
    assert MARKUP not in out.read_text(encoding="utf-8")
