#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OpenCloner and runs the whole test suite.
# Usage: scripts/run-tests.sh [preset]   (presets: default, asan)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash scripts/install-deps.sh
bash scripts/build.sh "$preset"
ctest --preset "$preset" -j "$(nproc)"
