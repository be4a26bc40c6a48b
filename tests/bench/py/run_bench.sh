#!/usr/bin/env bash
# Compares pyrun (the Guardscope runtime) with python3 on the benchmark programs here.
# usage: run_bench.sh PATH/TO/pyrun   (build it with the release or ci preset)
# Prints the best of 3 wall-clock runs (process start to exit) for each and the ratio.
set -euo pipefail
PYRUN=$(realpath "${1:?usage: run_bench.sh PATH/TO/pyrun}")
[ -x "$PYRUN" ] || { echo "not executable: $PYRUN" >&2; exit 2; }
cd "$(dirname "$0")"
best() {  # best wall time in ms of 3 runs of "$@"
  local b=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
  done
  echo "$b"
}
printf '%-12s %10s %10s %8s\n' program pyrun_ms python3_ms ratio
for f in loop fib methods; do
  a=$(best "$PYRUN" "$f.py")
  p=$(best python3 "$f.py")
  printf '%-12s %10s %10s %8s\n' "$f" "$a" "$p" "$(awk -v a="$a" -v p="$p" 'BEGIN { printf "%.2f", a / p }')"
done
