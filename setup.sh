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
# OCR models (PP-OCRv4, ONNX, inside the wheel). Installed without its declared dependencies
# because it asks for opencv-python (the GUI build), which would clash with the
# opencv-python-headless the project uses: both install the same cv2 package. Its other needs
# (onnxruntime, pyclipper, shapely, six, tqdm) are in pyproject.toml. `pip check` therefore
# reports "rapidocr-onnxruntime requires opencv-python"; that one line is expected. It supports
# Python < 3.13 only; without it perception works as before, minus text read from pixels.
"${pip[@]}" --no-deps "rapidocr_onnxruntime==1.4.4" \
  || echo "setup.sh: OCR (rapidocr_onnxruntime) not installed; pixels-only text is not read" >&2
