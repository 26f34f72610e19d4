"""Errors raised by planners.

    PlannerError            the planner could not produce a decision
     └── ParseError         the model's reply could not be read as an action; carries the raw
                            text. A model mistake: recorded on the step and fed back.
"""


class PlannerError(Exception):
    pass


class ParseError(PlannerError):
    def __init__(self, message: str, raw: str = "") -> None:
        super().__init__(message)
        self.raw = raw
