"""Where an item the phone has not found yet is looked for: the page that offers the
request's own verb for a new item.

Some items exist for the phone only once it looks for them: devices in range, networks
about. The exploration saw none of today's, so the request's name matches no page. The
phone then offers the act itself for an item it has yet to find, a control whose label is
the verb with "new" after it ("Link new tracker", "Join new network"). When the request's
verb is that verb and no remembered page shows the item, the page that control opens is
where the item appears: it counts as a page that matches the request.
"""

from __future__ import annotations

import re

from planners.embedded.encoder import TextEncoder
from planners.embedded.goal import Goal, Intent
from planners.embedded.memory import AppMemory
from planners.embedded.operations import operation_reader
from planners.embedded.scoring import words

_OFFER = re.compile(r"^(\w+)\s+new\b", re.I)  # "Pair new device": a verb for a new item
OFFERED = 0.9  # the relevance of the page the verb's control opens (above `acts.MATCH`)


def with_offered(memory: AppMemory, goal: Goal, relevance: dict[str, float],
                 encoder: TextEncoder) -> dict[str, float]:
    """`relevance` with the pages opened by a control that offers the goal's verb for a new
    item raised to `OFFERED`; itself when the request is no act on a named item or a
    remembered page shows that item (its fullest name, all of it, in one label). The
    control's verb is the goal's when the two read as one act (`OperationReader.same_act`:
    "sync my earbuds", "Pair new device")."""
    names = [words(e) for e in goal.entities if words(e)]
    if goal.intent is not Intent.DO or not goal.verb or not names:
        return relevance
    fullest = max(names, key=len)
    if any(fullest <= words(e.label) for r in memory.screens.values() for e in r.elements):
        return relevance
    acts = operation_reader(encoder)
    keys = {(sig, e.key) for sig, r in memory.screens.items() for e in r.elements
            if e.clickable and (m := _OFFER.match(e.label)) and acts.same_act(goal.verb,
                                                                            m.group(1))}
    opened = {t.target for t in memory.transitions if (t.source, t.element) in keys}
    return {**relevance, **{sig: max(OFFERED, relevance.get(sig, 0.0)) for sig in opened}}
