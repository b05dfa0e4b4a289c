#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OpenCloner and starts the window (the CLI without a display).
# Extra arguments go to the program, e.g. `scripts/run-app.sh --virtual 2` to try two virtual boards.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh default
bin=build/default/app
if [ -x "$bin/opencloner" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$bin/opencloner" "$@"
fi
echo "run-app: no display found; here is the command-line companion instead (on a desktop this starts the window)" >&2
exec "$bin/opencloner-cli" "${@:---help}"
