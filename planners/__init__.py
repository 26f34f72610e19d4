"""Screen + goal + history -> Decision. Imports perception and devices (types)."""

from planners.errors import ParseError, PlannerError
from planners.planner import Decision, PastStep, Planner

__all__ = ["Decision", "ParseError", "PastStep", "Planner", "PlannerError"]
