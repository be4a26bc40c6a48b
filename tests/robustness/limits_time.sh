# --timeout stops a run even inside one long tensor op: kernels poll the run's limits between
# blocks. No wall-time assertion (speed is for benches): the proof is where the run stopped —
# at the op's line, before the next statement could print — and that it stopped by itself
# (without the polls, the op runs to its end and "not reached" is printed, or the 60 s guard of
# `measure` kills it).
source "$(dirname "$0")/lib.sh" "$@"

cat >"$TMP/matmul.py" <<'PY'
import torch
a = torch.ones(7000, 7000)
b = torch.ones(7000, 7000)
print("made")
c = a @ b
print("not reached")
PY
# (--timeout counts wall time from the start: 8 s leaves room for start-up on a loaded machine;
# the product is 343 G multiply-adds, far more than 8 s of work on any machine we know.)
mcli 120 run "$TMP/matmul.py" --no-record --timeout 8
expect_clean_exit
expect_rc 3
expect_output out "made"
expect_line err "$TMP/matmul.py:5: limit reached: more than 8 seconds of run time (raise it with --max-seconds)"
note "7000x7000 matmul with --timeout 8: stopped after ${WALL}s (peak ${PEAK_MIB} MiB)"

# A loop of long elementwise ops and reductions stops the same way (without the polls inside
# the ops, the interpreter would notice the time only every 4096 steps: minutes here).
printf 'import torch\nx = torch.ones(40000000)\nwhile True:\n    y = (x * 2.0 + 1.0).sum()\n' >"$TMP/spin.py"
mcli 120 run "$TMP/spin.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_regex err "^$TMP/spin\\.py:[24]: limit reached: more than 3 seconds of run time"
note "elementwise+sum loop with --timeout 3: stopped after ${WALL}s"

finish
