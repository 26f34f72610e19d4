"""The viewer's pages as Chromium renders them: what shows, what runs, what the filter hides."""

import pytest
from demo_episodes import HOSTILE_STEPS, MARKUP

from automator.viewer import view

IMAGES = "[...document.images].map((i) => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0)"
VISIBLE_ROWS = "[...document.querySelectorAll('#episodes tbody tr')].filter(r => !r.hidden).length"


@pytest.mark.browser
def test_an_episode_page_renders_its_steps_images_and_drawings(hostile_episode, chromium,
                                                               tmp_path):
    out = view(hostile_episode, tmp_path / "episode.html")
    chromium.goto(out.resolve().as_uri())
    assert chromium.evaluate("document.querySelectorAll('li.step').length") == HOSTILE_STEPS
    assert chromium.evaluate(IMAGES) == [True] * HOSTILE_STEPS
    actions = chromium.evaluate("[...document.querySelectorAll('.action')].map(a => a.innerText)")
    assert actions[1] == "tap (912, 2130) on 'New note'"
    assert actions[3] == "no action"  # the planner's unreadable reply
    # the tap's ring is drawn at the tap, over the image, in its pixels
    ring = chromium.evaluate("""(() => {
        const svg = document.querySelector('#step-1 svg');
        const img = document.querySelector('#step-1 img');
        const c = svg.querySelector('circle.tap').getBoundingClientRect();
        const i = img.getBoundingClientRect();
        return [(c.x + c.width / 2 - i.x) / i.width, (c.y + c.height / 2 - i.y) / i.height];
    })()""")
    assert ring == pytest.approx([912 / 1080, 2130 / 2400], abs=0.01)
    chromium.page.screenshot(path=str(tmp_path / "episode.png"), full_page=True)


@pytest.mark.browser
def test_markup_on_screen_and_in_replies_is_shown_as_text_and_never_runs(hostile_episode,
                                                                        chromium, tmp_path):
    out = view(hostile_episode, tmp_path / "episode.html")
    chromium.goto(out.resolve().as_uri())
    assert chromium.evaluate("window.__pwned === undefined")
    assert chromium.evaluate("document.querySelectorAll('script').length") == 0
    assert MARKUP in chromium.evaluate("document.querySelector('h1').innerText")
    assert MARKUP in chromium.evaluate("document.body.innerText")


@pytest.mark.browser
def test_the_index_filters_by_outcome_and_text_and_links_to_episodes(eval_dir, chromium,
                                                                    tmp_path):
    out = view(eval_dir, tmp_path / "index.html")
    chromium.goto(out.resolve().as_uri())
    page = chromium.page
    assert chromium.evaluate(VISIBLE_ROWS) == 4
    page.select_option("#outcome", "failure")
    assert chromium.evaluate(VISIBLE_ROWS) == 2
    assert page.inner_text("#shown") == "2 of 4 shown"
    page.select_option("#outcome", "")
    page.fill("#search", "plumber seed-1")
    assert chromium.evaluate(VISIBLE_ROWS) == 1
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    page.click("#episodes tbody tr:not([hidden]) a")
    page.wait_for_load_state()
    assert "notes-new-plumber__seed-1" in page.url
    assert chromium.evaluate("document.querySelectorAll('li.step').length") > 1
    page.click("nav a")  # and back to the index
    page.wait_for_load_state()
    assert page.url == out.resolve().as_uri()
