#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and smoke-start it (not part of the tests).
#   bash packaging/build.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash packaging/setup.sh install
py="$here/.venv/bin/python"
"$py" -m pip install -q "pyinstaller>=6.0"
"$py" packaging/make_icons.py
"$py" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/regularization-explorer.spec
app="dist/regularization-explorer/regularization-explorer"
echo "built $app ($(du -sh dist/regularization-explorer | cut -f1))"
# Smoke start: the frozen app lists its presets, runs one headless, then opens the window
# offscreen, trains for a few seconds and closes cleanly.
"$app" presets | head -3
out="$(mktemp -d)"
"$app" run --preset dropout-regression --epochs 50 --out "$out" --quiet
test -f "$out/checkpoint.pt"
QT_QPA_PLATFORM=offscreen EXPLORER_SMOKE_EXIT_AFTER_MS=6000 EXPLORER_CONFIG_DIR="$out/config" \
  "$app" --preset dropout-regression --play
echo "smoke start: OK"
