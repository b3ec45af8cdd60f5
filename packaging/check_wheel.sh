#!/usr/bin/env bash
# Build the wheel as a user or packager would, install it into a fresh virtual environment outside the
# checkout, and use it from another folder: the presets are listed (all of them), a headless run writes
# its figures, and the app starts offscreen and paints. An editable install hides a wheel that lacks
# its resources; this does not.
#
#   bash packaging/check_wheel.sh        (CI runs it; PYTHON picks the interpreter, default python3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" -m venv "$work/venv"
vpy="$work/venv/bin/python"
pipq() { "$vpy" -m pip install -q --disable-pip-version-check "$@"; }
pipq "${EXPLORER_TORCH:-torch==2.13.0}"
pipq build 2>/dev/null || true
(cd "$here" && "$vpy" -m pip wheel -q --no-deps -w "$work/dist" .)
pipq "$work"/dist/regularization_explorer-*.whl

cd "$work"                                     # nowhere near the source tree
"$vpy" - "$here" <<'PY'
import sys
from pathlib import Path
import explorer
assert Path(sys.argv[1]) not in Path(explorer.__file__).resolve().parents, explorer.__file__
PY
expected=$(ls "$here"/resources/presets/*.toml | wc -l)
listed=$("$vpy" -m explorer presets | grep -cE '^[a-z0-9-]+ ' || true)
if [ "$listed" -ne "$expected" ]; then
  echo "check_wheel: the installed wheel lists $listed presets, the source has $expected" >&2
  exit 1
fi
"$vpy" -m explorer run --preset dropout-regression --epochs 20 --out "$work/run" --figures png --quiet
for f in experiment.json metrics.json checkpoint.pt figures/dashboard.png; do
  [ -s "$work/run/$f" ] || { echo "check_wheel: the headless run wrote no $f" >&2; exit 1; }
done
QT_QPA_PLATFORM=offscreen EXPLORER_SMOKE_EXIT_AFTER_MS=3000 XDG_CONFIG_HOME="$work/config" \
  timeout 120 "$vpy" -m explorer --preset dropout-regression
echo "check_wheel: wheel OK ($listed presets, headless run with figures, offscreen start)"
