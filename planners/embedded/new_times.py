"""An item that exists given a new time: "shift my gym alarm to 6:10", "set my gym alarm
for 6:10" (the time it is to show, never the name it is found by), or a time said as a
length from another ("for 15 minutes before the time of my gym alarm", as `turns` restates
"shift my gym alarm 15 minutes earlier"), which is read first (`lookup`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from planners.embedded.operations import Operation
from planners.embedded.turns import LENGTH
from planners.embedded.wording import TIME

# an order's verb, the item (one the person has), then the time it is to show
_NEW_TIME = re.compile(r"^\w+\s+((?:my|the|our|this|that)\s+[^,;]+?)(?:\s+back|\s+forward)?\s+"
                       r"(?:to|for|till|until)\s+(\S.*?)\s*[.!]?$", re.I)
_FROM_TIME = re.compile(rf"{LENGTH}\s+(?:after|before|earlier\s+than|later\s+than)\s", re.I)


def new_time(text: str, op: Operation, is_container: Callable[[str], bool]
             ) -> tuple[str, str] | None:
    """(the item, its new time) where an order (`text`, quotes left out) gives an item that
    exists a clock time or a time said from another; None otherwise. A place things are put
    in (`is_container`: "move the lamp to my cart") gets no time."""
    m = _NEW_TIME.match(text)
    if op not in (Operation.DO, Operation.SET_VALUE, Operation.EDIT) or m is None or not (
            TIME.fullmatch(m.group(2)) or _FROM_TIME.match(m.group(2))) or is_container(
            m.group(1)):
        return None
    return re.sub(r"^(?:my|the|our|this|that)\s+", "", m.group(1), flags=re.I), m.group(2)
