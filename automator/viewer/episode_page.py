"""One episode as a page: the goal and how it ended, then each step's screenshot with the
action drawn on it, beside the planner's thought, the action, what the loop verified, the
step's errors and its phase timings."""

from __future__ import annotations

import time

from automator.episodes import Episode, StepScreen
from automator.trajectory import PHASES, Step
from automator.viewer.html import badge, esc, page
from automator.viewer.images import Thumbnail
from automator.viewer.overlay import overlay
from devices.actions import describe


def render_episode(episode: Episode, thumbs: list[Thumbnail | None], index: str = "") -> str:
    """The page of `episode`; `thumbs` holds each step's screenshot (None where there is
    none), in step order; `index` is the relative address of the index page, if any."""
    t = episode.trajectory
    cards = [_step_card(episode, step, thumb) for step, thumb in zip(t.steps, thumbs, strict=True)]
    back = f'<nav><a href="{esc(index)}">all episodes</a></nav>' if index else ""
    body = back + _header(episode) + (
        '\n<ol class="steps">\n' + "\n".join(cards) + "\n</ol>" if cards
        else '\n<p class="empty">No step was recorded.</p>')
    return page(f"{t.goal} — episode", body)


def _header(episode: Episode) -> str:
    t = episode.trajectory
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(t.started))
    rows = [
        ("outcome", badge(str(t.outcome)) + (f" {esc(t.reason)}" if t.reason else "")),
        ("answer", esc(t.answer) if t.answer is not None else ""),
        ("task check", _check(episode.check)),
        ("task", esc(episode.task)),
        ("planner", esc(t.planner)),
        ("device", esc(t.device)),
        ("started", esc(started)),
        ("steps", f"{len(t.steps)} in {t.seconds:.1f} s" if t.ended else str(len(t.steps))),
        ("time per phase", esc(_phase_totals(t.steps))),
    ]
    table = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    return (f'<header><h1 class="goal">{esc(t.goal)}</h1>'
            f'<table class="facts">{table}</table></header>')


def _check(check: bool | None) -> str:
    if check is None:
        return ""
    return badge("passed") if check else badge("failed")


def _phase_totals(steps: tuple[Step, ...]) -> str:
    totals = {p: sum(s.timings.get(p, 0.0) for s in steps) for p in PHASES}
    return ", ".join(f"{p} {ms / 1000:.2f} s" for p, ms in totals.items() if ms)


def _step_card(episode: Episode, step: Step, thumb: Thumbnail | None) -> str:
    return (f'<li class="step" id="step-{step.index}">{_figure(episode, step, thumb)}'
            f'<div class="details">{_details(step)}</div></li>')


def _figure(episode: Episode, step: Step, thumb: Thumbnail | None) -> str:
    if thumb is None:
        return '<div class="shot missing">no screenshot</div>'
    element = StepScreen(episode, step).element if step.executed else None
    svg = overlay(step.executed, element.bounds if element else None, thumb.width, thumb.height)
    alt = f"screen before step {step.index + 1}"
    return (f'<figure class="shot"><img src="{thumb.uri}" alt="{esc(alt)}" '
            f'width="{thumb.width}" height="{thumb.height}">{svg}</figure>')


def _details(step: Step) -> str:
    parts = [f'<h2>Step {step.index + 1}<span class="app">{esc(step.app)}</span></h2>']
    if step.decision is not None and step.decision.thought:
        parts.append(f'<p class="thought">{esc(step.decision.thought)}</p>')
    parts.append(f'<p class="action">{esc(_action_text(step))}</p>')
    if step.verification is not None:
        v = step.verification
        parts.append(f'<p class="verify {esc(v.verdict)}">{esc(v.summary())}</p>')
    for kind in ("error", "refusal", "note"):
        text = getattr(step, kind)
        if text:
            parts.append(f'<p class="{kind}"><b>{kind}</b> {esc(text)}</p>')
    raw = step.raw or (step.decision.raw if step.decision else "")
    if raw:
        parts.append(f"<details><summary>model reply</summary><pre>{esc(raw)}</pre></details>")
    parts.append(_timings(step))
    return "".join(parts)


def _action_text(step: Step) -> str:
    if step.executed is not None:
        on = f" on {step.target!r}" if step.target else ""
        return describe(step.executed) + on
    if step.decision is not None:
        return f"decided {describe(step.decision.action)} (not executed)"
    return "no action"


def _timings(step: Step) -> str:
    known = [p for p in PHASES if p in step.timings]
    names = known + sorted(set(step.timings) - set(PHASES))
    if not names:
        return ""
    cells = "".join(f"<td>{esc(p)} {step.timings[p]:.0f}</td>" for p in names)
    total = sum(step.timings.values())
    return f'<table class="timings"><tr>{cells}<td>total {total:.0f} ms</td></tr></table>'
