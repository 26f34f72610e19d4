#!/usr/bin/env bash
# Creates .venv with the project and everything its tests need. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

# The desktop tier (Linux): an X server, D-Bus, the AT-SPI bus and its Python bindings for the
# system Python (read by devices/desktop/atspi_dump.py), xdotool for Unicode typing, GTK
# programs to test against, and Tk (no tree: the pixels-only test). The browser tier: the
# system Chromium (Playwright drives it; its own browser download is never used) and fonts
# for its pages. Only missing packages are
# installed, only as root or with password-less sudo; without them the phone tiers are
# unaffected and the desktop and browser tests skip with the reason.
desktop_packages=(xvfb xauth xdotool x11-utils dbus dbus-x11 at-spi2-core python3-gi
                  gir1.2-atspi-2.0 gir1.2-gtk-3.0 zenity gtk-3-examples python3-tk
                  chromium fonts-liberation)
install_desktop_packages() {
  [ "$(uname -s)" = Linux ] && command -v dpkg-query >/dev/null && command -v apt-get >/dev/null \
    || { echo "setup.sh: no apt here; the desktop and browser tiers need: ${desktop_packages[*]}" >&2; return 0; }
  local missing=()
  for p in "${desktop_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      echo "setup.sh: not root and no sudo: the desktop and browser tests will skip until" \
           "someone runs" \
           "apt-get install ${missing[*]}" >&2
      return 0
    fi
  fi
  { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
    || echo "setup.sh: installing ${missing[*]} failed; the desktop and browser tests will" \
            "skip" >&2
}
install_desktop_packages
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
