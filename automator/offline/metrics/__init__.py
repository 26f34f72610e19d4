"""One module per benchmark: how our action enters its action space, and its matching rules.

Each module has `score(step, action, screen) -> StepScore`; `VARIANTS` names its rule sets
(`official`, and `documented` where the published script departs from the documentation).
"""
