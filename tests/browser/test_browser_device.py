"""BrowserDevice against a real page in the system Chromium: the tree read into a Screen,
actions in page pixels, a form filled and submitted through the loop."""

from __future__ import annotations

import json
import time

import pytest

from automator.cli import main
from automator.resolve import resolve
from devices.actions import (
    Direction,
    ElementRef,
    Hotkey,
    Key,
    Modifier,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Tap,
    TypeText,
)  # fmt: skip
from devices.errors import ActionRejected
from devices.observation import TreeFormat
from perception import perceive

pytestmark = pytest.mark.browser
NAME = "Zoë 北京 🙂"
FORM = """<!doctype html><html><head><title>Sign up</title></head><body style="margin:20px">
<h1>Sign up</h1>
<label for="name">Name</label> <input id="name" type="text" placeholder="your name"><br>
<label><input id="news" type="checkbox"> Send me news</label><br>
<div id="go" style="display:inline-block;padding:8px;cursor:pointer;background:#ccc">Go</div>
<button id="submit" onclick="done()">Submit</button>
<p id="result"></p>
<div style="height:2000px"></div><p id="bottom">The end</p>
<script>
let went = false;
document.getElementById('go').addEventListener('click', () => { went = true; });
function done() {
  const n = document.getElementById('name').value;
  const c = document.getElementById('news').checked;
  document.getElementById('result').textContent = n + '|' + c + '|' + went;
}
</script></body></html>"""


@pytest.fixture
def form(browser, tmp_path):
    page = tmp_path / "form.html"
    page.write_text(FORM, encoding="utf-8")
    browser.goto(page.as_uri())
    return browser


def _element(screen, text, editable=False):
    found = [e for e in screen.elements
             if text in (e.text, e.description) and e.editable == editable]
    assert found, f"no element {text!r} in {[(e.role, e.text) for e in screen.elements]}"
    return found[0]


def _box(device, element_id):
    r = device.evaluate(f"document.getElementById('{element_id}').getBoundingClientRect()"
                        ".toJSON()")
    return r["x"], r["y"], r["x"] + r["width"], r["y"] + r["height"]


def test_the_page_tree_becomes_a_screen_in_page_pixels(form):
    o = form.capture()
    assert o.tree_format == TreeFormat.WEB and (o.width, o.height) == (640, 480)
    assert o.screenshot.size == (640, 480) and o.activity == "Sign up"
    screen = perceive(o)
    field = _element(screen, "Name", editable=True)
    assert field.editable and field.resource_id == "name"
    box = _box(form, "name")
    assert abs(field.bounds.left - box[0]) <= 1 and abs(field.bounds.bottom - box[3]) <= 1
    news = _element(screen, "Send me news")
    assert news.checkable and not news.checked
    go = _element(screen, "Go")  # a div with a click listener is a target
    assert go.clickable
    assert _element(screen, "Submit").clickable
    assert not any(e.text == "The end" for e in screen.elements)  # below the viewport


def test_a_form_is_filled_and_submitted_through_element_points(form):
    screen = perceive(form.capture())
    for action in (TypeText(NAME, ElementRef(_element(screen, "Name", editable=True).id)),
                   Tap(ElementRef(_element(screen, "Send me news").id)),
                   Tap(ElementRef(_element(screen, "Go").id)),
                   Tap(ElementRef(_element(screen, "Submit").id))):
        executed = form.execute(resolve(action, screen))
        assert isinstance(executed.target, Point)
    assert form.evaluate("document.getElementById('result').textContent") == f"{NAME}|true|true"
    after = perceive(form.capture())
    assert _element(after, "Send me news").checked
    assert any(e.text == NAME for e in after.elements if e.editable)


def test_scrolling_moves_the_boxes_with_the_page(form):
    before = _element(perceive(form.capture()), "Submit").bounds.top
    form.execute(Scroll(Direction.DOWN))
    scrolled = _settled_scroll(form)  # the wheel returns before the page has scrolled
    assert scrolled > 0
    screen = perceive(form.capture())
    submit = [e for e in screen.elements if e.text == "Submit"]
    assert not submit or submit[0].bounds.top == before - scrolled


def _settled_scroll(device, timeout_s=3.0):
    deadline, last = time.monotonic() + timeout_s, -1
    while time.monotonic() < deadline:
        now = device.evaluate("window.scrollY")
        if now > 0 and now == last:
            return now
        last = now
        time.sleep(0.1)
    return last


def test_what_a_page_cannot_do_is_rejected(form):
    with pytest.raises(ActionRejected):
        form.execute(PressKey(Key.HOME))
    with pytest.raises(ActionRejected):
        form.execute(Tap(Point(640, 10)))
    with pytest.raises(ActionRejected):
        form.execute(OpenApp("Settings"))
    form.execute(PressKey(Key.BACK))  # Escape: harmless on a page


def test_run_fills_a_page_form_end_to_end(tmp_path, capsys):
    from tests.browser.conftest import need_browser

    need_browser()
    page = tmp_path / "form.html"
    page.write_text(FORM, encoding="utf-8")
    script = tmp_path / "script.json"
    script.write_text(json.dumps([
        {"kind": "type_text", "text": NAME, "target": {"x": 0, "y": 0}},
        {"kind": "finish", "status": "success"},
    ]), encoding="utf-8")
    # the field's point, as perception gives it to any planner
    from devices.browser import BrowserDevice

    with BrowserDevice(page.as_uri()) as probe:
        field = _element(perceive(probe.capture()), "Name", True).bounds.center
    steps = json.loads(script.read_text())
    steps[0]["target"] = {"x": field.x, "y": field.y}
    script.write_text(json.dumps(steps), encoding="utf-8")
    out = tmp_path / "episode"
    code = main(["run", "Put my name in the form", "--device", f"browser:{page}",
                 "--planner", f"scripted:{script}", "--out", str(out)])
    assert code == 0, capsys.readouterr()
    recorded = [json.loads(line) for line in (out / "steps.jsonl").read_text().splitlines()]
    assert recorded[0]["executed"]["text"] == NAME
    tree = json.loads((out / recorded[0]["tree"]).read_text(encoding="utf-8"))
    assert tree["title"] == "Sign up" and tree["nodes"]


def test_keyboard_keys_and_a_combination(form):
    """Tab moves the focus on, ctrl+a selects what a field holds (Command+A on macOS)."""
    screen = perceive(form.capture())
    form.execute(resolve(TypeText("draft", ElementRef(_element(screen, "Name", editable=True)
                                                      .id)), screen))
    form.execute(Hotkey((Modifier.CTRL,), "a"))
    form.execute(PressKey(Key.DELETE))
    assert form.evaluate("document.getElementById('name').value") == ""
    form.execute(PressKey(Key.TAB))
    assert form.evaluate("document.activeElement.id") == "news"
    with pytest.raises(ActionRejected, match="no menu key"):
        form.execute(PressKey(Key.MENU))


def test_a_refused_screenshot_waits_for_a_frame(form, monkeypatch):
    """Chromium refuses a direct screenshot while no frame is ready; the capture goes on."""
    from playwright.sync_api import Error as PlaywrightError

    send = form._cdp.send

    def refuse_pixels(method, params=None):
        if method == "Page.captureScreenshot":
            raise PlaywrightError("Protocol error (Page.captureScreenshot): "
                                  "Unable to capture screenshot")
        return send(method, params)

    monkeypatch.setattr(form._cdp, "send", refuse_pixels)
    observation = form.capture()
    assert observation.screenshot.size == (observation.width, observation.height)
    assert observation.screenshot.getextrema() != ((255, 255), (255, 255), (255, 255))
    assert _element(perceive(observation), "Submit")
