"""The embedded default planner: goal rules + sentence embeddings + an exploration memory.

Each step: parse the goal (generic intent rules), score the screen's elements against it,
and either act on the target when it is on screen (switch, slider, form, verb button,
answer), or take the next step of the best remembered path towards the page that holds it
(tap, back, scroll, open another app). Works on any app the memory has explored; knows none.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from devices.actions import Direction, Finish, FinishStatus, Key, OpenApp, PressKey, Scroll
from perception.elements import Screen
from planners.embedded import (
    acts,
    bare_pages,
    catalogue,
    endings,
    evidence,
    gestures,
    grounding,
    harmless,
    intents,
    interruptions,
    lookup,
    multilingual,
    prereq,
    repeat_days,
    roaming,
    scrolling,
    search,
    spelling,
)
from planners.embedded.app_object import APP_WORDS
from planners.embedded.consent import Briefing
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.goal import Goal, Intent, split_goal
from planners.embedded.goal_state import GoalState, goal_state
from planners.embedded.legibility import unreadable
from planners.embedded.memo import Mark, memo_of, part_index, with_memo
from planners.embedded.memory import BACK_KEY, AppMemory, signature_of
from planners.embedded.negation import negated_names, without_negated
from planners.embedded.restated import where_written, with_time_moved
from planners.embedded.scoring import (
    GAMMA,
    NAMED_APP_BOOST,
    propagate,
    words,
)
from planners.embedded.view import View
from planners.embedded.wording import without_pictographs
from planners.planner import Decision, PastStep

logger = logging.getLogger(__name__)

INFEASIBLE_BELOW = 0.55  # best match anywhere below this: the goal names nothing that exists
_REPEAT_PENALTY = 0.6  # value factor per earlier identical action on the same page
_EXISTING = (Intent.EDIT, Intent.DELETE, Intent.ANSWER, Intent.OPEN)  # kinds about an item
_UNCHANGED_PENALTY = 0.3  # value factor per earlier identical action that changed nothing


@dataclass(frozen=True)
class _Option:
    value: float
    decision: Decision


class EmbeddedPlanner(Briefing):
    """Planner over an `AppMemory`; with an empty memory it grounds on the screen alone."""

    name = "embedded"

    def __init__(self, memory: AppMemory | None = None, encoder: TextEncoder | None = None,
                 infeasible_below: float = INFEASIBLE_BELOW) -> None:
        self.memory = memory or AppMemory()
        self.encoder = encoder or default_encoder()
        self.infeasible_below = infeasible_below
        self._states: dict[str, GoalState] = {}
        self._nav: frozenset[str] | None = None
        self._request = ""  # the request as said, all its parts and clauses
        self._lookups: set[str] = set()  # questions asked to read a value the goal names
        self._readings: dict[str, str | None] = {}  # request -> the English request it means
        self._labels = [*self.memory.element_texts(), *self.memory.apps]
        self._shown = spelling.device_words(self._labels)
        self._negated = negated_names(self._labels)  # labels: names, no prohibition
        if self.memory.texts and hasattr(self.encoder, "preload"):
            self.encoder.preload(self.memory.texts, self.memory.matrix)

    def _state(self, text: str) -> GoalState:
        if text not in self._states:
            self._states[text] = goal_state(text, self.memory, self.encoder, self._shown,
                                            self._labels)
        return self._states[text]

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        start = time.perf_counter()
        said = where_written(without_pictographs(goal))  # "I noted it": in my notes
        wanted = without_negated(said, self._negated | negated_names(
            e.label for e in screen.elements))  # what it forbids is asked for by no step
        if not wanted:
            return endings.nothing_asked()
        goal = self._request = wanted  # the whole request: the app it names holds its item
        why = unreadable(goal)
        if not history:  # chosen at the first step, and kept for the steps that follow
            self._readings[goal] = multilingual.reading(goal, why is None, screen, self.memory,
                                                        self.encoder)
        reading = self._readings.get(goal)
        if why is not None and reading is None:  # never wandered on
            return grounding.unreadable_request(goal, why, screen, history)
        if self._nav is None:
            self._nav = self.memory.common_keys()
        refused = endings.refused_goal_action(history)
        if refused is not None:
            return refused
        parts = split_goal(reading, self.encoder) if reading else split_goal(goal, self.encoder)
        index = part_index(history)
        decision = self._decide_part(parts, index, screen, history)
        if reading:
            decision = replace(decision, thought=f"(read as '{reading}') {decision.thought}")
        ms = (time.perf_counter() - start) * 1000
        logger.debug("embedded: %s (%.0f ms)", decision.thought, ms)
        return replace(decision, usage={"decide_ms": ms})

    def _decide_part(self, parts: list[str], index: int, screen: Screen,
                     history: Sequence[PastStep]) -> Decision:
        """Decide for part `index`; when it is done and more parts follow, go on to the next
        one on the same screen."""
        several = len(parts) > 1
        mine = [p for p in history if memo_of(p).part == index] if several else list(history)
        decision = self._with_lookups(parts[index], screen, mine)
        done = isinstance(decision.action, Finish) and decision.action.status is (
            FinishStatus.SUCCESS)
        if done and index + 1 < len(parts):
            nxt = self._decide_part(parts, index + 1, screen, [])
            return replace(nxt, thought=f"{decision.thought} {nxt.thought}")
        if several:
            return with_memo(replace(decision, thought=f"(part {index + 1}/{len(parts)}) "
                                     f"{decision.thought}"), part=index)
        return decision

    def _with_lookups(self, text: str, screen: Screen, history: Sequence[PastStep]
                      ) -> Decision:
        text = with_time_moved(text)  # the time an item has, read before it is moved
        goal = self._state(text).goal
        self._lookups.update(lookup.questions(text, goal))
        return lookup.with_lookups(text, history, lambda t: self._state(t).goal,
                                   lambda t, steps: self._decide_goal(t, screen, steps),
                                   screen.app, lambda t: screen.app in self._state(t).named)

    def _decide_goal(self, text: str, screen: Screen, mine: Sequence[PastStep]) -> Decision:
        """A step towards one request (a part, a question read for it), with the sub-goals
        that messages on the screen ask for."""
        sub = prereq.pending(screen, text, mine)
        first = self._decide_sub(sub, screen, mine) if sub is not None else None
        state = self._state(text)
        if first is None or isinstance(first.action, Finish):
            view = View(screen, signature_of(screen), state.matcher, prereq.since_done(mine),
                        nav_keys=self._nav or frozenset(), resume=prereq.resume_page(mine))
            decision = self._decide(state, view)
            if first is not None and sub is not None:
                decision = with_memo(replace(decision, thought=f"({sub}: done) "
                                             f"{decision.thought}"), first_done=sub)
        else:
            decision = first
        return decision

    def _decide_sub(self, sub: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        """A step of a sub-goal that a message on the screen asked for; a `Finish` when it
        is done (or cannot be done: then the task goes on without it)."""
        state = self._state(sub)
        view = View(screen, signature_of(screen), state.matcher,
                    [p for p in history if memo_of(p).first == sub],
                    nav_keys=self._nav or frozenset())
        decision = self._decide(state, view)
        return with_memo(replace(decision, thought=f"(first: {sub}) {decision.thought}"),
                         first=sub)

    # the step -------------------------------------------------------------------------------

    def _decide(self, state: GoalState, view: View) -> Decision:
        goal = state.goal
        if view.modal:
            app = next((label for label, a in self.memory.apps.items()
                        if a["package"] == view.screen.app), "")
            dialog = acts.dialog(goal, view) or interruptions.dismiss(view, goal, app)
            if dialog is not None:
                return dialog
        drawn = gestures.tap_proposals(goal, view) or scrolling.move_view(goal, view)
        if drawn is not None:
            return drawn
        here_best = max((s.score for s in view.content()), default=0.0)
        if self.memory.screens and not goal.slots and not view.marked(Mark.GOAL_ACTION) and (
                goal.text not in self._lookups) and (  # a value a request names is looked for
                nothing := endings.matches_nothing(  # done once: what is left is no proof
                    goal, max(here_best, state.best_anywhere), self.infeasible_below, view,
                    endings.holds_writing(self.memory, self._request, state.named))):
            return nothing
        if (rhythm := repeat_days.app_cannot_hold(goal, view, self.memory,
                                                  lambda: self._leads_here(state, view))):
            return rhythm
        resume = view.resume
        if state.here != view.sig + resume:
            relevance = dict(state.relevance)
            if resume in relevance:
                relevance[resume] = max(1.5, relevance[resume])  # go back to the interruption
            state.value = propagate(self.memory, relevance, exclude=view.sig)
            state.here = view.sig + resume
        options = self._navigation(state, view)
        nav = max((o.value for o in options), default=0.0)
        for act in self._acts(goal, view, nav, state):
            decision = act()
            if decision is not None and not view.refused_tap(decision.action):
                return evidence.vouched(goal, view, decision)  # success only on evidence
        at_best = self._at_best_page(state, view)
        ending = endings.item_page_lacks(goal, view) or bare_pages.only_tabs(
            goal, view, at_best) or endings.circling(
            goal, view, at_best, self.memory.app_of_package(view.screen.app) or "", self.memory)
        ending = ending or roaming.roams(goal, view, self.memory)
        if ending is not None:
            return ending
        move = max(options, key=lambda o: o.value).decision if options else self._fallback(view)
        if self._leads_here(state, view):
            found = None if state.unfound else search.find_unseen(goal, view, self.memory)
            if found is None and (at_best or (state.named and search.nothing_like_it(view))):
                found = search.read_further(goal, view, move)  # before going by likeness
            if found is not None:
                return found
        return with_memo(move, moving=True, at_best=at_best)

    def _acts(self, goal: Goal, view: View, nav: float, state: GoalState
              ) -> list[Callable[[], Decision | None]]:
        floor = min(nav - 0.05, 0.8)
        at_best = self._at_best_page(state, view)
        strict = goal.text in self._lookups  # its answer is sent or written on
        if goal.intent is Intent.OPEN and self._named_app_in_front(state, view):
            return [lambda: acts.finish(f"{goal.target} is open: its app is in front.")]
        shop = catalogue.steps(goal, view, self.consents)  # bought, or put in a cart
        if shop:
            return [*shop, *intents.tries(goal, view, floor, at_best, strict)]
        if goal.quantity and goal.intent not in (Intent.TOGGLE, Intent.SET_VALUE, Intent.ANSWER):
            return [lambda: gestures.step_quantity(goal, view),
                    lambda: acts.finish("The quantity is set.") if gestures.quantity_set(
                        goal, view) and not goal.slots else None,
                    *intents.tries(goal, view, floor, at_best, strict)]
        return intents.tries(goal, view, floor, at_best, strict)

    def _named_app_in_front(self, state: GoalState, view: View) -> bool:
        """The goal names only an app, and that app is in front (the evidence that "open X"
        is done when X is an app)."""
        labels = [label for label, app in self.memory.apps.items()
                  if app["package"] == view.screen.app and app["package"] in state.named]
        names = set().union(*(words(label) for label in labels))
        return bool(names) and words(state.goal.target) - APP_WORDS <= names  # "the X game"

    def _leads_here(self, state: GoalState, view: View) -> bool:
        """The app in front is where the goal leads: the app it names, or one whose pages
        match it about as well as any remembered page. A request that names an item the
        memory never saw ("call Aunt Rosa", added since) matches no page well; the app whose pages
        match it best is still where its item is looked for."""
        if state.named:
            return view.screen.app in state.named
        screens = self.memory.screens
        here = max((r for sig, r in state.relevance.items()
                    if sig in screens and screens[sig].app == view.screen.app), default=0.0)
        floor = min(acts.MATCH, state.best_anywhere - 0.1 if search.sought(state.goal) else 1)
        return here >= floor and here >= state.best_anywhere - 0.1

    def _at_best_page(self, state: GoalState, view: View) -> bool:
        """The current page matches the goal about as well as any page in memory (scored
        as `page_values` scores it), in the app the goal names if it names one."""
        if state.named and view.screen.app not in state.named:
            return False  # the request says which app holds it
        labels = [label for label, app in self.memory.apps.items()
                  if app["package"] in state.named]
        if state.named and words(state.goal.target) <= set().union(*map(words, labels)):
            return True  # the app itself is what the goal names, and it is in front
        here = max((s.score for s in view.content()), default=0.0)
        if state.named:  # compared with the named app's own pages
            screens = self.memory.screens
            best = max((r for sig, r in state.relevance.items()
                        if sig in screens and screens[sig].app in state.named), default=0.0)
            return here >= acts.MATCH and here * NAMED_APP_BOOST >= best - 0.08
        return here >= acts.MATCH and here >= state.best_anywhere - 0.08

    # navigation -----------------------------------------------------------------------------

    def _penalised(self, view: View, value: float, element: object) -> float:
        total, unchanged = view.tap_count(element)  # type: ignore[arg-type]
        return value * _REPEAT_PENALTY ** (total - unchanged) * _UNCHANGED_PENALTY**unchanged

    def _navigation(self, state: GoalState, view: View) -> list[_Option]:
        """Every move from here with its value: taps (direct or remembered), back, scroll, apps."""
        memory, values = self.memory, state.value
        known = view.sig in memory.screens
        by_key: dict[str, list[str]] = {}
        for t in memory.transitions:
            if t.source == view.sig or (not known and t.element != BACK_KEY):
                by_key.setdefault(t.element, []).append(t.target)
        options: list[_Option] = []
        for s in view.actionable():
            e = s.element  # a new item is no way to one that exists
            if not harmless.way_on(e, view.screen, state.goal) or view.refused(e) or (
                    state.goal.intent in _EXISTING and harmless.starts_new(e)):
                continue
            remembered = max((values.get(t, 0.0) for t in by_key.get(s.key, [])), default=0.0)
            own = 0.0 if view.is_nav(s) else 0.92 * s.score
            value = max(GAMMA * remembered, own)
            value = self._penalised(view, value, s.element)
            thought = f"Tap '{s.element.label}' towards {state.goal.target!r} ({value:.2f})."
            options.append(_Option(value, acts.tap(s.element, thought, min(value, 1.0))))
        options += self._back_and_apps(state, view, by_key)
        options += self._scroll(state, view)
        return options

    def _back_and_apps(self, state: GoalState, view: View, by_key: dict[str, list[str]]
                       ) -> list[_Option]:
        values = state.value
        options = []
        backs = by_key.get(BACK_KEY, []) if view.sig in self.memory.screens else []
        back_value = max((values.get(t, 0.0) for t in backs), default=0.0) * GAMMA
        presses = sum(isinstance(p.action, PressKey) for p in view.here())
        back_value *= _REPEAT_PENALTY**presses
        if back_value > 0:
            options.append(_Option(back_value, Decision(PressKey(Key.BACK),
                                                        thought="Go back towards the target.")))
        if search.found_in_front(state.goal, view):
            return options
        opened = Counter(p.action.app for p in view.history if isinstance(p.action, OpenApp))
        for label, app in self.memory.apps.items():
            if app["package"] == view.screen.app and view.sig == app["entry"]:
                continue  # on the app's first page already: opening it changes nothing
            value = values.get(app["entry"], 0.0) * GAMMA * GAMMA
            if app["package"] == view.screen.app and view.sig in self.memory.screens:
                value *= 0.8  # already in this app: prefer its own pages and back
            value *= _REPEAT_PENALTY ** opened[label]
            thought = f"Open {label}: its pages match {state.goal.target!r} ({value:.2f})."
            options.append(_Option(value, Decision(OpenApp(label), thought=thought)))
        return options

    def _scroll(self, state: GoalState, view: View) -> list[_Option]:
        record = self.memory.screens.get(view.sig)
        if record is None or not any(e.scrollable for e in view.screen.elements):
            return []
        visible = {s.key for s in view.scored}
        hidden = [e for e in record.elements if e.needs_scroll and e.key not in visible]
        leads: dict[str, float] = {}
        for t in self.memory.outgoing(view.sig):
            leads[t.element] = max(leads.get(t.element, 0.0), GAMMA * state.value.get(t.target, 0))
        scores = [max(state.matcher.element(e.label, e.context), leads.get(e.key, 0.0))
                  for e in hidden]
        if not scores:
            return []
        scrolls = [p for p in view.here() if isinstance(p.action, Scroll)]
        stuck = sum(not p.changed for p in scrolls)  # a list that still moves shows new rows
        value = (max(scores) * 0.95 * _REPEAT_PENALTY ** max(0, len(scrolls) - stuck - 6)
                 * _UNCHANGED_PENALTY ** stuck)
        return [_Option(value, Decision(Scroll(Direction.DOWN),
                                        thought="The target is further down: scroll."))]

    def _fallback(self, view: View) -> Decision:
        scrolls = sum(isinstance(p.action, Scroll) for p in view.here())
        if any(e.scrollable for e in view.screen.elements) and scrolls < 3:
            return Decision(Scroll(Direction.DOWN), thought="Nothing matches here: look further.")
        return Decision(PressKey(Key.BACK), thought="Nothing matches here: go back.")
