"""MiniWoB++ as a live benchmark: the tasks that ship inside the `miniwob` package, run
offline in headless system Chromium through the same device, perception and loop as every
other run (`automator eval miniwob`).

- `page`: one task page on a `BrowserDevice`: seeded episodes, the utterance, the reward.
- `oracle`: a scripted planner that reads the task's DOM; it exists only to prove the
  plumbing (coordinates, typing, focus) on a handful of tasks.
- `run`: episodes over tasks and workers, per-task and overall figures, `summary.json`.
"""

from automator.miniwob.page import MiniWoBPage, TaskState, all_tasks, select_tasks
from automator.miniwob.run import EpisodeResult, MiniWoBConfig, run_miniwob

__all__ = ["EpisodeResult", "MiniWoBConfig", "MiniWoBPage", "TaskState", "all_tasks",
           "run_miniwob", "select_tasks"]
