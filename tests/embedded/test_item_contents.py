"""What an app's items say today is not in the exploration memory (it read pages, not their
items' contents): a request that names the app holding what it is about, an app where
people write, is looked for there, not ruled out at once because its words match no
remembered page. The apps, pages and requests are our own, in no task file."""

import pytest

from devices.actions import Finish, FinishStatus
from planners.embedded import EmbeddedPlanner
from planners.embedded.memory import AppMemory, signature_of
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

JOURNAL, MARBLES = "com.example.journal", "com.example.marbles"


def _entries():
    return screen(el(0, "input", "", 60, hint="Search entries", editable=True, clickable=True),
                  el(1, "button", "Holiday plans", 240, clickable=True),
                  el(2, "button", "Birthdays", 400, clickable=True), app=JOURNAL)


def _entry():
    return screen(el(0, "input", "Holiday plans", 100, hint="Title", editable=True),
                  el(1, "input", "Book the ferry", 300, hint="Entry", editable=True),
                  el(2, "button", "Done", 2100, clickable=True), app=JOURNAL)


def _board():
    return screen(el(0, "text", "Score 120", 100),
                  el(1, "button", "New game", 2100, clickable=True), app=MARBLES)


def _memory() -> AppMemory:
    mem = AppMemory()
    for label, pages in (("Journal", [_entries(), _entry()]), ("Marbles", [_board()])):
        mem.set_app(label, pages[0].app, signature_of(pages[0]))
        for page in pages:
            mem.add_screen(signature_of(page), page, label)
    return mem


def _home():
    return screen(el(0, "button", "Journal", 400, clickable=True),
                  el(1, "button", "Marbles", 600, clickable=True), app="com.example.home")


def _ended_infeasible(encoder, request: str) -> bool:
    decision = EmbeddedPlanner(_memory(), encoder=encoder).decide(request, _home(), [])
    return isinstance(decision.action, Finish) and (
        decision.action.status is FinishStatus.INFEASIBLE)


@pytest.mark.parametrize("request_", [
    "what number opens the shed padlock? I wrote it in my journal",
    "when is the plumber coming round, it's in my journal",
    "wake me twenty minutes before the piano lesson starts; the time is in my journal",
])
def test_a_request_naming_the_app_people_write_in_is_looked_for_there(encoder, request_):
    assert not _ended_infeasible(encoder, request_)


@pytest.mark.parametrize("request_", [
    "turn on the sauna heater",  # names no app
    "show me the weekly tournament bracket in Marbles",  # names an app nobody writes in
])
def test_words_matching_nothing_elsewhere_are_still_ruled_out(encoder, request_):
    """A guard: the judgement stands where no app that keeps writing is named."""
    assert _ended_infeasible(encoder, request_)
