#!/usr/bin/env bash
# One command: install what is missing, build (preset "release"), run the main job:
# the GUI on the demo gallery where a display exists, otherwise the CLI on a demo scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release
demo="resources/demos/automatic_dynamic.py"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/release/app/guardscope ]; then
  exec build/release/app/guardscope "$@"
fi
exec build/release/app/guardscope-cli run "$demo" --summary "$@"
