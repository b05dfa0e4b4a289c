#!/usr/bin/env bash
# Starts the real application under Xvfb with virtual boards, flashes, and saves review screenshots:
# idle, the confirmation, flashing, success, a failed board, the dialogs, production mode (lanes passed,
# failed and running) and the operator-locked station, in light and dark, English and Chinese.
#   tests/ui/screenshots.sh [BUILD_DIR] [OUT_DIR]
# BUILD_DIR defaults to build/default (it must contain app/opencloner); OUT_DIR to BUILD_DIR/screenshots.
# Needs xvfb-run (package xvfb) and, for the Chinese shots, a CJK font (fonts-wqy-microhei or
# fonts-noto-cjk); without one Chinese text shows as boxes.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/default}
out=${2:-$build/screenshots}
app="$build/app/opencloner"
[ -x "$app" ] || { echo "screenshots: $app not found; build the opencloner target first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run not found (apt install xvfb xauth)" >&2; exit 1; }
fc-list :lang=zh | grep -q . || echo "screenshots: warning: no CJK font installed, Chinese shots will show boxes" >&2
mkdir -p "$out"
rm -f "$out"/*.png
status=0
for lang in en zh_CN; do
  for theme in light dark; do
    work=$(mktemp -d)
    # A fresh settings file and data folder per run; a fixed DPI so the shots are comparable.
    if ! XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work" \
         xvfb-run -a -s "-screen 0 1280x900x24 -dpi 96" \
         "$app" --no-usb --settings "$work/settings.ini" --data-dir "$work/data" \
                --lang "$lang" --theme "$theme" --screenshots "$out"; then
      echo "screenshots: the $lang / $theme run failed" >&2
      status=1
    fi
    rm -rf "$work"
  done
done
ls -1 "$out"
exit $status
