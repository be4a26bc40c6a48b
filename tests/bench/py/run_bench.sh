#!/usr/bin/env bash
# Compares pyrun (the Guardscope runtime) with python3 on the benchmark programs here.
# usage: run_bench.sh PATH/TO/pyrun   (build it with the release or ci preset)
# Both sides are timed in-process, interpreter startup excluded, as CPU time (robust against a
# loaded machine): pyrun --time reports it; python3 runs the file through runpy under
# time.process_time(). Best of 3 runs each.
set -euo pipefail
PYRUN=$(realpath "${1:?usage: run_bench.sh PATH/TO/pyrun}")
[ -x "$PYRUN" ] || { echo "not executable: $PYRUN" >&2; exit 2; }
cd "$(dirname "$0")"
pyrun_ms() {
  local best=""
  for _ in 1 2 3; do
    local ms
    ms=$("$PYRUN" --time "$1" 2>&1 >/dev/null | sed -n 's/.*(cpu \([0-9.]*\) ms).*/\1/p')
    best=$(awk -v a="$ms" -v b="$best" 'BEGIN { if (b == "" || a < b) print a; else print b }')
  done
  echo "$best"
}
python_ms() {
  python3 - "$1" <<'PY'
import contextlib, io, runpy, sys, time
best = None
for _ in range(3):
    t = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(sys.argv[1], run_name="__main__")
    d = (time.process_time() - t) * 1000
    best = d if best is None or d < best else best
print(f"{best:.1f}")
PY
}
printf '%-10s %12s %12s %8s\n' program pyrun_cpu_ms python3_cpu_ms ratio
for f in loop fib methods; do
  a=$(pyrun_ms "$f.py")
  p=$(python_ms "$f.py")
  printf '%-10s %12s %12s %8s\n' "$f" "$a" "$p" "$(awk -v a="$a" -v p="$p" 'BEGIN { printf "%.2f", a / p }')"
done
