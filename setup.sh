#!/usr/bin/env bash
# Creates .venv with the project and everything its tests need. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
# On Linux without a GPU, take the CPU build of torch first, so that resolving
# sentence-transformers does not pull a CUDA build of several GB.
if ! .venv/bin/python -c "import torch" 2>/dev/null \
    && [ "$(uname -s)" = Linux ] && ! command -v nvidia-smi >/dev/null; then
  "${pip[@]}" "torch==2.13.0" || "${pip[@]}" torch --index-url https://download.pytorch.org/whl/cpu
fi
"${pip[@]}" -e ".[dev]"
