
"""Single-step grounding on synthetic screens, and navigation over a small remembered graph."""

import numpy as np
import pytest

from devices.actions import (
    ElementRef,
    Finish,
    FinishStatus,
    Key,
    OpenApp,
    Point,
    PressKey,
    Tap,
    TypeText,
)
from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import BACK_KEY, element_key, signature_of
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

SUCCESS = Finish(FinishStatus.SUCCESS)


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.parametrize(
    ("goal", "screen", "action"),
    [
        ("Turn on Wi-Fi", S.network(False), Tap(ElementRef(2))),
        ("Turn on Wi-Fi", S.network(True), SUCCESS),
        ("Turn off Wi-Fi", S.network(True), Tap(ElementRef(2))),
        ("Turn on Wi-Fi", S.settings_main(), Tap(ElementRef(1))),
        ("Turn off Bluetooth", S.settings_main(), Tap(ElementRef(2))),
        ("Enable dark theme", S.display(), Tap(ElementRef(1))),
        ("Set brightness to 30%", S.display(), Tap(Point(370, 420))),
        ("What Android version is this phone running?", S.about(),
         Finish(FinishStatus.SUCCESS, "14")),
        ("What is Bob's email address?", S.contact_detail(),
         Finish(FinishStatus.SUCCESS, "bob@example.com")),
        ("What is Bob's phone number?", S.contact_detail(),
         Finish(FinishStatus.SUCCESS, "555-0100")),
        ("Add a contact named Maria Lopez with phone 555-0142", S.contact_form(),
         TypeText("Maria Lopez", ElementRef(1), clear=True)),
        ("Add a contact named Maria Lopez with phone 555-0142", S.contact_form("Maria Lopez"),
         TypeText("555-0142", ElementRef(2), clear=True)),
        ("Add a contact named Maria Lopez with phone 555-0142",
         S.contact_form("Maria Lopez", "555-0142"), Tap(ElementRef(5))),
        ("Text Anna 'running late'", S.thread(),
         TypeText("running late", ElementRef(2), clear=True)),
        ("Text Anna 'running late'", S.thread(typed="running late"), Tap(ElementRef(3))),
        ("Delete Bob", S.contact_detail(), Tap(ElementRef(3))),
    ],
)
def test_single_step(planner, goal, screen, action):
    assert planner.decide(goal, screen, []).action == action


def test_slider_tap_already_done_finishes(planner):
    screen = S.display()
    step = PastStep(Tap(Point(370, 420)), screen_signature=signature_of(screen))
    assert planner.decide("Set brightness to 30%", screen, [step]).action == SUCCESS


def test_sent_message_in_thread_finishes(planner):
    before = S.thread(typed="running late")
    sent = PastStep(Tap(ElementRef(3)), screen_signature=signature_of(before),
                    memo=Memo(Mark.SUBMIT))
    typed = PastStep(TypeText("running late", ElementRef(2)),
                     screen_signature=sent.screen_signature)
    history = [typed, sent]
    decision = planner.decide("Text Anna 'running late'", S.thread(sent="running late"), history)
    assert decision.action == SUCCESS


def _graph() -> AppMemory:
    """Settings: main -> network, main -> display, main -> about (with backs); a contacts app."""
    memory = AppMemory()
    main = S.settings_main()
    pages = {1: S.network(), 3: S.display(), 4: S.about()}
    memory.set_app("Settings", "com.android.settings", signature_of(main))
    memory.add_screen(signature_of(main), main, "Settings")
    for row, page in pages.items():
        memory.add_screen(signature_of(page), page, "Settings")
        memory.add_transition(signature_of(main), element_key(main.elements[row]),
                              signature_of(page))
        memory.add_transition(signature_of(page), BACK_KEY, signature_of(main))
    form = S.contact_form()
    memory.set_app("Contacts", "com.android.contacts", signature_of(form))
    memory.add_screen(signature_of(form), form, "Contacts")
    return memory


@pytest.fixture(scope="module")
def graph_planner(encoder) -> EmbeddedPlanner:
    memory = _graph()
    memory.embed(encoder)
    return EmbeddedPlanner(memory, encoder=encoder)


def test_path_goes_through_the_remembered_row(graph_planner):
    decision = graph_planner.decide("Enable dark theme", S.settings_main(), [])
    assert decision.action == Tap(ElementRef(3))


def test_path_goes_back_from_a_sibling_page(graph_planner):
    decision = graph_planner.decide("What Android version is this phone running?",
                                    S.network(), [])
    assert decision.action == PressKey(Key.BACK)


def test_path_opens_the_app_that_holds_the_target(graph_planner):
    decision = graph_planner.decide("Turn on Wi-Fi", S.contact_detail(), [])
    assert decision.action == OpenApp("Settings")


def test_nothing_relevant_anywhere_is_infeasible(graph_planner):
    decision = graph_planner.decide("Turn on 5G mmWave", S.settings_main(), [])
    assert decision.action == Finish(FinishStatus.INFEASIBLE)


def test_repeated_useless_tap_is_not_repeated(graph_planner):
    screen = S.settings_main()
    sig = signature_of(screen)
    tried = [PastStep(Tap(ElementRef(3)), verdict=Verdict.NO_CHANGE, screen_signature=sig)] * 2
    decision = graph_planner.decide("Enable dark theme", screen, tried)
    assert decision.action != Tap(ElementRef(3))


@pytest.mark.slow
def test_the_embedding_cache_is_bounded_and_keeps_what_is_used():
    from planners.embedded.encoder import SentenceEncoder

    small = SentenceEncoder(cache_size=3)
    texts = ["Wi-Fi", "Bluetooth", "Dark theme", "Alarm", "Notes"]
    rows = small.encode(texts)
    assert len(small._cache) == 3
    small.encode(["Dark theme"])  # used again: the most recent now
    small.encode(["Battery"])
    assert "Dark theme" in small._cache and "Alarm" not in small._cache
    np.testing.assert_allclose(small.encode(texts), rows, atol=1e-5)
