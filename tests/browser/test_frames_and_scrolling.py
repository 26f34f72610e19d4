"""Web pages with an `<iframe>` and a scrolling box, in the system Chromium: what is inside a
frame is found at its page pixels, and a scrolling box is a list that scrolls under the
wheel while the page stays put."""

from __future__ import annotations

import pytest

from automator.resolve import resolve
from devices.actions import Direction, ElementRef, Scroll, Tap
from perception import perceive

pytestmark = pytest.mark.browser

INNER = ("<body style='margin:0'><p style='margin:0;height:40px'>Inside</p>"
         "<button onclick='parent.hit = (parent.hit || 0) + 1'>Inner button</button></body>")
PAGE = f"""<!doctype html><html><head><title>Frames</title></head>
<body style="margin:0">
<div style="height:50px">Top</div>
<iframe style="border:6px solid #000;margin-left:30px" width="300" height="120"
        srcdoc="{INNER}"></iframe>
<div id="box" style="overflow-y:auto;height:80px;width:220px;margin-top:10px">
  <p>one</p><p>two</p><p>three</p><p>four</p><p>five</p><p>six</p>
  <button id="deep">Deep button</button>
</div>
<div style="height:1500px"></div>
</body></html>"""


@pytest.fixture
def page(browser, tmp_path):
    path = tmp_path / "frames.html"
    path.write_text(PAGE, encoding="utf-8")
    browser.goto(path.as_uri())
    browser.page.wait_for_function("document.querySelector('iframe').contentDocument"
                                   ".querySelector('button') !== null")
    return browser


def _element(screen, label):
    return next(e for e in screen.elements if e.label == label)


def test_an_element_in_a_frame_is_at_its_page_pixels(page):
    screen = perceive(page.capture())
    button = _element(screen, "Inner button")
    where = page.evaluate("""() => { const f = document.querySelector('iframe');
        const r = f.getBoundingClientRect(), b = f.contentDocument.querySelector('button')
        .getBoundingClientRect(); return [r.left + f.clientLeft + b.left,
        r.top + f.clientTop + b.top]; }""")
    assert (button.bounds.left, button.bounds.top) == (round(where[0]), round(where[1]))
    page.execute(resolve(Tap(ElementRef(button.id)), screen))
    assert page.evaluate("window.hit") == 1


def test_a_scrolling_box_is_a_list_that_the_wheel_scrolls(page):
    screen = perceive(page.capture())
    box = next(e for e in screen.elements if e.scrollable)
    assert box.resource_id == "box"
    assert not any(e.label == "Deep button" for e in screen.elements)  # below the box's edge
    page.execute(resolve(Scroll(Direction.DOWN, ElementRef(box.id)), screen))
    page.page.wait_for_function("document.getElementById('box').scrollTop > 0")
    assert page.evaluate("window.scrollY") == 0  # the box scrolled, not the page
    after = perceive(page.capture())
    deep = _element(after, "Deep button")
    assert box.bounds.top <= deep.bounds.top < box.bounds.bottom
