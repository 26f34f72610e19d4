"""The import direction devices <- perception <- planners <- automator holds."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.unit
def test_layers_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the dev extra"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.unit
def test_datasets_is_not_a_package():
    # A package named `datasets` would shadow the Hugging Face library.
    assert not (ROOT / "datasets" / "__init__.py").exists()


@pytest.mark.unit
def test_no_module_of_the_embedded_planner_is_over_400_lines():
    long = {p.name: n for p in (ROOT / "planners" / "embedded").glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"one job per module; split these: {long}"
