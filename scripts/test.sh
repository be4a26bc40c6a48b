#!/usr/bin/env bash
# One command: install what is missing, build (preset "ci"), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
# ccache: let clones in other folders share the cache (paths relative to the checkout).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
# Tests must not touch the user's history database.
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
