"""Errors raised by perception.

    PerceptionError (ValueError)    the accessibility tree cannot be read: empty, not XML,
                                    malformed or truncated. The message is one line.

A tree that reads but holds nothing usable is not an error: `perceive` falls back to element
proposals from the screenshot.
"""


class PerceptionError(ValueError):
    """The raw tree is unreadable; the message says why in one line."""
