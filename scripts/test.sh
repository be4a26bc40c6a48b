#!/usr/bin/env bash
# One command: install what is missing, build (preset "ci"), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
