#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OpenCloner and starts it. Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh default
bin=build/default/app
if [ -x "$bin/opencloner" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$bin/opencloner" "$@"
fi
exec "$bin/opencloner-cli" "${@:---help}"
