"""A folder of episodes as one page: success rates overall, per task and per app, and a
table of every episode, filtered by outcome and by text as you type, linking to each
episode's page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from automator.episodes import Episode
from automator.viewer.html import asset, badge, esc, page, rate


def render_index(title: str, episodes: Sequence[Episode], links: Sequence[str]) -> str:
    """The index of `episodes`; `links[i]` is the relative address of episode i's page."""
    ok = sum(e.success for e in episodes)
    measure = "task checks passed" if any(e.check is not None for e in episodes) else (
        "episodes the agent finished with success")
    body = (
        f"<header><h1>{esc(title)}</h1>"
        f'<p class="overall">Success: <b>{rate(ok, len(episodes))}</b> {esc(measure)}</p>'
        "</header>"
        '<div class="groups">'
        + _group_table("per task", episodes, lambda e: e.task or e.trajectory.goal)
        + _group_table("per app", episodes, lambda e: e.group or "(none)")
        + "</div>"
        + _filters(episodes)
        + _episode_table(episodes, links)
    )
    return page(title, body, asset("index.js"))


def _group_table(name: str, episodes: Sequence[Episode], key: Callable[[Episode], str]) -> str:
    groups: dict[str, list[bool]] = {}
    for e in episodes:
        groups.setdefault(key(e), []).append(e.success)
    rows = "".join(
        f"<tr><td>{esc(k)}</td><td class=\"num\">{rate(sum(v), len(v))}</td></tr>"
        for k, v in sorted(groups.items())
    )
    return (f'<div class="group-box"><table class="group"><caption>{esc(name)}</caption>'
            f"<tr><th>{esc(name.split()[-1])}</th><th>succeeded</th></tr>{rows}</table></div>")


def _filters(episodes: Sequence[Episode]) -> str:
    outcomes = sorted({str(e.trajectory.outcome) for e in episodes})
    options = "".join(f'<option value="{esc(o)}">{esc(o)}</option>' for o in outcomes)
    return ('<div class="filters">'
            '<label>outcome <select id="outcome"><option value="">all</option>'
            '<option value="passed">task passed</option>'
            '<option value="failed">task failed</option>'
            f"{options}</select></label> "
            '<label>search <input id="search" type="search" placeholder="goal, id, reason">'
            '</label> <span id="shown"></span></div>')


def _episode_table(episodes: Sequence[Episode], links: Sequence[str]) -> str:
    head = ("<tr><th>episode</th><th>goal</th><th>app</th><th>outcome</th><th>task</th>"
            "<th>steps</th><th>seconds</th><th>reason / answer</th></tr>")
    rows = "".join(_row(e, link) for e, link in zip(episodes, links, strict=True))
    return (f'<table class="episodes" id="episodes"><thead>{head}</thead>'
            f"<tbody>{rows}</tbody></table>")


def _row(e: Episode, link: str) -> str:
    t = e.trajectory
    success = "passed" if e.success else "failed"
    check = "" if e.check is None else badge(success)
    said = t.reason + (f" — answer: {t.answer}" if t.answer else "")
    return (
        f'<tr data-outcome="{esc(t.outcome)}" data-success="{success}">'
        f'<td><a href="{esc(link)}">{esc(e.id)}</a></td><td>{esc(t.goal)}</td>'
        f"<td>{esc(e.group)}</td><td>{badge(str(t.outcome))}</td><td>{check}</td>"
        f'<td class="num">{len(t.steps)}</td><td class="num">{t.seconds:.1f}</td>'
        f"<td>{esc(said)}</td></tr>"
    )
