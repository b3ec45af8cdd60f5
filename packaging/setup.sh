#!/usr/bin/env bash
# One-step set-up: a virtual environment in .venv with the explorer installed,
# then either the app (`app`, the default) or the tests (`test`).
#
#   bash packaging/setup.sh            # install, then open the app on a built-in preset
#   bash packaging/setup.sh test       # install with test tools, then run the test suite
#
# PyTorch: where no NVIDIA GPU is present, the CPU build is installed first
# (torch==2.13.0 here), so pip does not pull a multi-gigabyte CUDA build to
# satisfy the project's range. Set EXPLORER_TORCH to choose another spec.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-app}"
shift || true
py="${PYTHON:-python3}"
venv="${EXPLORER_VENV:-$here/.venv}"

if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
vpy="$venv/bin/python"
pipq() { "$vpy" -m pip install -q --disable-pip-version-check "$@"; }

if ! "$vpy" -c "import torch" >/dev/null 2>&1; then
  if [ -n "${EXPLORER_TORCH:-}" ]; then
    pipq "$EXPLORER_TORCH"
  elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
    pipq "torch>=2.2,<3"
  else
    pipq "torch==2.13.0"
  fi
fi

case "$what" in
  app)
    pipq -e "$here"
    exec "$vpy" -m explorer --preset dropout-regression "$@"
    ;;
  test)
    pipq -e "$here[test]"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    exec "$vpy" -m pytest "$@"
    ;;
  install)
    pipq -e "$here[test]"
    ;;
  *)
    echo "usage: bash packaging/setup.sh [app|test|install] [args...]" >&2
    exit 2
    ;;
esac
