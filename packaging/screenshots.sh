#!/usr/bin/env bash
# Screenshots of the real app for the README, in English and Simplified Chinese.
#
#   bash packaging/screenshots.sh            # resources/screenshots/<preset>_<lang>.png at 1600x900
#   bash packaging/screenshots.sh layout     # also 1280x720 and 3840x2160 (presentation mode, at scale 1
#                                            # and 2), English, into build/screenshots-layout/ (not for
#                                            # the README)
#
# Each picture: a fresh start of the app on a preset (fresh settings, light theme) inside an X
# screen of the picture's size, training until a set epoch (or the end), paused, the window
# grabbed, and the PNG shrunk with Pillow when it is over 250 KB (packaging/screenshots.py).
# Without a DISPLAY each picture gets its own Xvfb (xvfb-run). Rerunning overwrites the same files.
# Needs: xvfb (xvfb-run), a CJK font (fonts-noto-cjk) for the Chinese pictures, Pillow.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
py="${PYTHON:-}"
if [[ -z "$py" ]]; then
  if [[ -x "$here/.venv/bin/python" ]]; then py="$here/.venv/bin/python"; else py="python3"; fi
fi
"$py" -c "import PIL" 2>/dev/null || "$py" -m pip install -q Pillow
out="resources/screenshots"
mkdir -p "$out"

# shot WIDTHxHEIGHT PRESET LANG FILE [screenshots.py options...]
shot() {
  local size="$1" preset="$2" lang="$3" file="$4"
  shift 4
  local cmd=("$py" packaging/screenshots.py --preset "$preset" --lang "$lang" --out "$file" "$@")
  if [[ -n "${DISPLAY:-}" && -z "${SCREENSHOTS_XVFB:-}" ]]; then
    # an existing display: its screen size decides the window's size, not $size
    QT_QPA_PLATFORM=xcb "${cmd[@]}"
  else
    if ! command -v xvfb-run >/dev/null; then
      echo "xvfb-run not found: apt-get install -y xvfb libxcb-cursor0 fonts-noto-cjk" >&2
      exit 1
    fi
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 ${size}x24 -dpi 96 -nolisten tcp" "${cmd[@]}"
  fi
}

size="1600x900"
for lang in en zh_CN; do
  shot "$size" dropout-regression      "$lang" "$out/dropout-regression_${lang}.png"      --until-epoch 600
  shot "$size" dropout-vs-weight-decay "$lang" "$out/dropout-vs-weight-decay_${lang}.png" --until-epoch 40
  shot "$size" dropout-mlp             "$lang" "$out/dropout-mlp_${lang}.png"             --until-epoch 30
  shot "$size" early-stopping          "$lang" "$out/early-stopping_${lang}.png"          --max-seconds 30
done

if [[ "${1:-}" == "layout" ]]; then
  check="build/screenshots-layout"
  mkdir -p "$check"
  shot 1280x720  dropout-regression en "$check/dropout-regression_1280x720.png" --until-epoch 600
  # 4K as X11 gives it without desktop scaling (device pixel ratio 1), and as a desktop set to
  # 200 % gives it (QT_SCALE_FACTOR=2: the layout of 1920x1080 drawn with twice the pixels)
  shot 3840x2160 dropout-regression en "$check/dropout-regression_3840x2160_presentation.png" \
       --until-epoch 600 --presentation --max-kb 1200
  QT_SCALE_FACTOR=2 shot 3840x2160 dropout-regression en \
       "$check/dropout-regression_3840x2160_scale2_presentation.png" --until-epoch 600 --presentation --max-kb 1200
  echo "layout checks in $check/"
fi
du -ch "$out"/*.png | tail -1
