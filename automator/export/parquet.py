"""A Hugging Face datasets layout: one Parquet file, one row per step, screenshots inside.

Images are `{bytes, path}` structs (the PNG as recorded, not re-encoded) and the schema
carries the `datasets` features, so `datasets.load_dataset("parquet", data_files=OUT)` reads
it with the images decoded. Each row also holds the goal, the raw accessibility tree, the
executed action (as our JSON and flattened: kind, x, y), the planner's thought, the step
instruction in words, the verification, and the episode's outcome.

Rows are written an episode at a time in small row groups, so memory stays flat however
many steps there are, and readers can stream the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from automator.episodes import Episode
from automator.export.output import ExportReport, fresh_output, instruction
from automator.trajectory import Step
from devices.actions import Point, Swipe, action_to_dict, target_of

ROW_GROUP = 64  # rows per Parquet row group: ~10 MB of phone screenshots

COLUMNS: dict[str, str] = {  # name -> datasets Value dtype ("image": the Image feature)
    "episode_id": "string", "step": "int32", "goal": "string", "app": "string",
    "image": "image", "tree": "string", "action": "string", "action_kind": "string",
    "x": "int32", "y": "int32", "end_x": "int32", "end_y": "int32", "target": "string",
    "instruction": "string", "thought": "string", "verdict": "string", "error": "string",
    "outcome": "string", "success": "bool",
}  # fmt: skip


def features() -> dict[str, Any]:
    """The `datasets` features of the file, as `Features.to_dict()` writes them."""
    return {name: {"_type": "Image"} if dtype == "image" else {"dtype": dtype, "_type": "Value"}
            for name, dtype in COLUMNS.items()}


def schema() -> Any:
    import pyarrow as pa

    image = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
    types = {"string": pa.string(), "int32": pa.int32(), "bool": pa.bool_(), "image": image}
    metadata = {"huggingface": json.dumps({"info": {"features": features()}})}
    return pa.schema([(n, types[t]) for n, t in COLUMNS.items()], metadata=metadata)


def export_parquet(episodes: Sequence[Episode], out: Path) -> ExportReport:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fresh_output(out, folder=False)
    report = ExportReport("parquet", out)
    tmp = out.with_name(out.name + ".tmp")
    with pq.ParquetWriter(tmp, schema()) as writer:
        for episode in episodes:
            rows = [_row(episode, step) for step in episode.trajectory.steps]
            if rows:
                table = pa.Table.from_pylist(rows, schema=writer.schema)
                writer.write_table(table, row_group_size=ROW_GROUP)
            report.episodes += 1
            report.steps += len(rows)
    tmp.replace(out)
    return report


def _row(episode: Episode, step: Step) -> dict[str, Any]:
    t, action = episode.trajectory, step.executed
    shot, tree = episode.path(step.screenshot), episode.path(step.tree)
    point = target_of(action) if action is not None else None
    start, end = (action.start, action.end) if isinstance(action, Swipe) else (point, None)
    return {
        "episode_id": episode.id, "step": step.index, "goal": t.goal, "app": step.app,
        "image": {"bytes": shot.read_bytes(), "path": f"{episode.id}/{step.screenshot}"}
        if shot else None,
        "tree": tree.read_text(encoding="utf-8", errors="replace") if tree else None,
        "action": json.dumps(action_to_dict(action)) if action is not None else None,
        "action_kind": str(action.kind) if action is not None else None,
        **_xy("", start), **_xy("end_", end), "target": step.target,
        "instruction": instruction(step),
        "thought": step.decision.thought if step.decision else "",
        "verdict": str(step.verification.verdict) if step.verification else None,
        "error": step.refusal or step.error, "outcome": str(t.outcome),
        "success": episode.success,
    }  # fmt: skip


def _xy(prefix: str, point: object) -> dict[str, int | None]:
    if isinstance(point, Point):
        return {f"{prefix}x": point.x, f"{prefix}y": point.y}
    return {f"{prefix}x": None, f"{prefix}y": None}
