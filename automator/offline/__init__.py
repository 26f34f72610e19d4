"""Offline evaluation: a planner's next action on recorded benchmark steps, scored by each
benchmark's own matching rules.

    formats/   one loader per data format -> `Episode`s of `OfflineStep`s
    metrics/   one module per benchmark: our action -> its action space, its matching rules
    run.py     the loop over steps, the figures, summary.json
    grounding.py  ScreenSpot-style grounding (one instruction, one box)

Where a benchmark's published script departs from its own documentation, both rule sets are
kept: `official` (what published numbers were computed with) and `documented`.
"""
