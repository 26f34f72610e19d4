"""`automator bench planner` on a tiny random Qwen2.5-VL built here, and the model options of
`automator eval` (`--prompt-template FILE`, `--screenshots N`) as `run` takes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from automator.cli import build_parser, main
from automator.cli_eval import model_options
from automator.errors import ConfigError
from automator.runs.planners import PlannerBuilder
from tests.vlm.tiny_models import build_tiny_model

pytestmark = pytest.mark.unit
SUITE = str(Path(__file__).parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "tiny-qwen2-5-vl", "qwen2_5_vl")


def _rows(text: str) -> list[dict[str, int]]:
    lines = text.strip().splitlines()
    assert lines[0].split() == ["step", "prompt", "prefilled", "cached", "reply", "ms"]
    names = ("step", "prompt", "prefilled", "cached")
    return [dict(zip(names, map(int, line.split()[:4]), strict=True)) for line in lines[1:]]


def test_bench_planner_prints_the_tokens_prefilled_per_step(tiny: Path, capsys) -> None:
    code = main(["bench", "planner", str(tiny), "--episode-steps", "4", "--screenshots", "3",
                 "--torch-device", "cpu"])
    assert code == 0
    rows = _rows(capsys.readouterr().out)
    assert [r["step"] for r in rows] == [1, 2, 3, 4]
    first, *growing, full = rows
    assert first["cached"] == 0 and first["prefilled"] == first["prompt"]
    for before, row in zip([first, *growing[:-1]], growing, strict=True):
        assert row["prompt"] > before["prompt"]  # the conversation grows
        assert row["cached"] >= before["prompt"]  # ... and its earlier turns are reused
        assert row["prefilled"] == row["prompt"] - row["cached"]
        assert row["prefilled"] < first["prompt"]  # about one screenshot and one reply
    # a fourth screenshot pushes the first out of a window of three: the prefix changes
    assert full["prefilled"] > growing[-1]["prefilled"]


def test_bench_planner_needs_a_model(capsys) -> None:
    assert main(["bench", "planner"]) != 0
    assert "bench planner needs a model" in capsys.readouterr().err


def _eval_args(*extra: str):
    return build_parser().parse_args(["eval", SUITE, *extra])


def test_eval_hands_the_template_and_screenshots_to_a_model_planner(tiny: Path,
                                                                   tmp_path: Path) -> None:
    template = tmp_path / "official.txt"
    template.write_text("You are a phone agent. {action_space}\nTask: {instruction}",
                        encoding="utf-8")
    args = _eval_args("--planner", f"transformers:{tiny}", "--prompt-template", str(template),
                      "--screenshots", "2")
    factory = PlannerBuilder(args.planner, None, None, False, model=model_options(args))
    planner = factory(None, None)  # type: ignore[arg-type]
    assert "screenshots=2" in factory.label  # a resumed eval with other options is refused
    assert planner.chat.dialect.screenshots == 2
    assert planner.chat.dialect.template == template.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--screenshots", "2"], "are for model planners"),
        (["--prompt-template", "/nonexistent/template.txt", "--planner", "openai:m@http://x"],
         "no such file"),
    ],
)
def test_eval_model_options_are_refused_where_they_cannot_apply(extra, message) -> None:
    with pytest.raises(ConfigError, match=message):
        model_options(_eval_args(*extra))


def test_eval_screenshots_must_be_positive(capsys) -> None:
    with pytest.raises(SystemExit):
        _eval_args("--screenshots", "0")
    assert "--screenshots" in capsys.readouterr().err
