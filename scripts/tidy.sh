#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the C++ lines changed since BASE (default: the previous commit),
# using the compile commands of a configured build (default build/ci). Only changed lines are
# reported, so a commit answers for what it wrote, and only the translation units it touched
# are parsed, which keeps it cheap enough for every CI run (ctest lint_tidy).
#   scripts/tidy.sh [BASE] [BUILD_DIR]
# Exit: 0 clean, 1 findings, 77 nothing to check against (no BASE commit, no clang-tidy).
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-${GS_TIDY_BASE:-HEAD~1}}"
build="${2:-build/ci}"
tidy_diff="$(command -v clang-tidy-diff-14.py || command -v clang-tidy-diff || true)"
if [ -z "$tidy_diff" ] || ! command -v clang-tidy >/dev/null; then
  echo "tidy: SKIP: clang-tidy is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
  echo "tidy: SKIP: no commit '$base' to compare with (a shallow clone?)"
  exit 77
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json is missing: configure first (cmake --preset ci)" >&2
  exit 2
fi
# Sources with a compile command; headers are checked through them (HeaderFilterRegex).
files=$(git diff --name-only --diff-filter=AM "$base" -- '*.cpp' '*.h' | grep -E '^(core|app|ui)/' || true)
if [ -z "$files" ]; then
  echo "tidy: no C++ changes under core/ app/ ui/ since $base"
  exit 0
fi
echo "tidy: checking the lines changed since $(git rev-parse --short "$base") in $(echo "$files" | wc -l) files"
out=$(git diff -U0 "$base" -- $files | "$tidy_diff" -p1 -path "$build" -regex '.*\.cpp' -quiet -j 2 2>&1) || status=$?
status=${status:-0}
# clang-tidy-diff prints the tool's summary lines even when nothing was found.
findings=$(printf '%s\n' "$out" | grep -E ': (warning|error): ' || true)
if [ -n "$findings" ]; then
  printf '%s\n' "$out"
  echo "tidy: $(printf '%s\n' "$findings" | wc -l) finding(s) on changed lines"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  printf '%s\n' "$out"
  echo "tidy: clang-tidy failed (exit $status)"
  exit 1
fi
echo "tidy: clean"
