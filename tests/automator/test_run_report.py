"""The report page's text: failures grouped by kind, data escaped, both summary shapes."""

import pytest

from automator.runs.report import failure_kind, render, runs_of
from automator.runs.svg import histogram


def _row(task, success, outcome="max_steps", reason="used all 10 steps", failures=(), **kw):
    return {"id": task, "app": "clock", "seed": 0, "success": success, "outcome": outcome,
            "steps": 10, "seconds": 1.0, "reason": reason, "failures": list(failures), **kw}


@pytest.mark.unit
def test_failures_are_grouped_by_kind_whatever_the_numbers():
    ten = _row("a", False, failures=["expected the agent to finish with success, got max_steps"])
    fourteen = _row("b", False, reason="used all 14 steps")
    crash = _row("c", False, outcome="error", reason="internal error: KeyError: 3",
                 failures=["ignored"])
    assert failure_kind(ten) == "check: expected the agent to finish with success, got max_steps"
    assert failure_kind(fourteen) == failure_kind(_row("d", False)) == "max_steps: used all N steps"
    assert failure_kind(crash) == "error: internal error: KeyError: N"


@pytest.mark.unit
def test_page_escapes_what_the_runs_say_and_reads_miniwob_rows():
    hostile = _row("<script>alert(1)</script>", False, reason="<img src=x onerror=alert(1)>")
    page = render({"tasks": [hostile, _row("ok", True, outcome="success")], "seeds": [0]},
                  {"meta": {"command": "automator eval suite --out '<b>'"}})
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "50.0% success" in page and "automator eval suite --out &#x27;&lt;b&gt;&#x27;" in page
    miniwob = {"tasks": {"click-button": {"episodes": 2}},
               "runs": [_row("click-button", True, person_steps=None)] * 2}
    assert runs_of(miniwob) == miniwob["runs"] and "100.0% success" in render(miniwob, {})


@pytest.mark.unit
def test_histogram_gathers_a_long_tail():
    svg = histogram([1.0] * 30 + [2.0] * 30 + [20000.0], "ms")
    assert "2.0+</text>" in svg and "(61 values)" in svg  # the axis ends at the 95th value
    assert "+</text>" not in histogram([1.0, 2.0, 3.0], "ms")


@pytest.mark.unit
def test_groups_are_listed_in_counting_order():
    rows = [_row(f"t{n}", True, seed=seed, person_steps=steps)
            for n, (seed, steps) in enumerate([(10, 12), (2, 4), (1, 1), (2, 7)])]
    page = render({"tasks": rows, "seeds": [1, 2, 10]}, {})
    assert page.index(">1-2 steps<") < page.index(">3-5 steps<") < page.index(">6-9 steps<") \
        < page.index(">10+ steps<")
    assert page.index(">seed 1<") < page.index(">seed 2<") < page.index(">seed 10<")
