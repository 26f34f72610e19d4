"""Reports for people: an episode, or a folder of them, as self-contained HTML pages.

`view(source)` writes the page of one episode, or for a folder of episodes an index page
plus one page per episode in a folder beside it (`episodes.html` and `episodes_pages/`; an
eval folder's own `report.html` is its figures, written by `eval`).
Each page is one file: screenshots are embedded as data URIs, nothing is fetched.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import webbrowser
from pathlib import Path

from automator.episodes import Episode, find_episodes, load_episodes
from automator.viewer.episode_page import render_episode
from automator.viewer.images import thumbnails
from automator.viewer.index_page import render_index

log = logging.getLogger(__name__)

REPORT = "episodes.html"  # a folder's index
PAGE = "episode.html"  # one episode's page, in its folder

__all__ = ["PAGE", "REPORT", "episode_html", "open_in_browser", "view"]


def view(source: str | Path, out: str | Path | None = None) -> Path:
    """Write the report of `source` (an episode folder, or a folder holding episodes) to
    `out` (default `<source>/episodes.html`, or `episode.html` for an episode) and return
    its path. ValueError when `source` holds no episode."""
    source = Path(source)
    if find_episodes(source) == [source]:
        out = Path(out) if out else source / PAGE
        episodes = load_episodes(source)
        if not episodes:
            raise ValueError(f"{source} could not be read as an episode")
        _write(out, episode_html(episodes[0]))
        return out
    out = Path(out) if out else source / REPORT
    episodes = load_episodes(source)
    pages = out.with_name(out.stem + "_pages")
    links = []
    for episode in episodes:
        name = _file_name(episode.id) + ".html"
        _write(pages / name, episode_html(episode, f"../{out.name}"))
        links.append(f"{pages.name}/{name}")
    _write(out, render_index(f"Episodes in {source.resolve().name}", episodes, links))
    return out


def episode_html(episode: Episode, index: str = "") -> str:
    """The page of one episode, screenshots embedded; `index` links back to an index."""
    thumbs = thumbnails([episode.path(s.screenshot) for s in episode.trajectory.steps])
    return render_episode(episode, thumbs, index)


def _file_name(episode_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", episode_id.replace("/", "__")) or "episode"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def open_in_browser(path: Path) -> bool:
    """Show the report in the person's browser; False where there is none (no display)."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    try:
        return webbrowser.get().open(path.resolve().as_uri())
    except webbrowser.Error as e:
        log.info("no browser to open %s: %s", path, e)
        return False
