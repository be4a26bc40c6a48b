# --timeout stops a run even inside one long tensor op: kernels poll the run's limits between
# blocks. No wall-time assertion (speed is for benches): the proof is where the run stopped —
# at the op's line, before the next statement could print — and that it stopped by itself
# (without the polls, the op runs to its end and "not reached" is printed, or the 120 s guard of
# `measure` kills it).
source "$(dirname "$0")/lib.sh" "$@"

# Operands and product on one line: whichever op the time runs out in (the operands' fill on a
# loaded machine, the 343 G multiply-add product otherwise) must stop; without the polls the
# line runs to its end and the next statement prints.
cat >"$TMP/matmul.py" <<'PY'
import torch
c = torch.ones(7000, 7000) @ torch.ones(7000, 7000)
print("not reached")
PY
mcli 120 run "$TMP/matmul.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_empty out
expect_line err "$TMP/matmul.py:2: limit reached: more than 3 seconds of run time (raise it with --max-seconds)"
note "7000x7000 matmul with --timeout 3: stopped after ${WALL}s (peak ${PEAK_MIB} MiB)"

# A loop of long elementwise ops and reductions stops the same way (without the polls inside
# the ops, the interpreter would notice the time only every 4096 steps: minutes here).
printf 'import torch\nx = torch.ones(40000000)\nwhile True:\n    y = (x * 2.0 + 1.0).sum()\n' >"$TMP/spin.py"
mcli 120 run "$TMP/spin.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_regex err "^$TMP/spin\\.py:[24]: limit reached: more than 3 seconds of run time"
note "elementwise+sum loop with --timeout 3: stopped after ${WALL}s"

# Native loops over Python values take no interpreter steps (sum over a range, "".join of a
# generator's items) and a few statements can run for minutes (`s = s + s` copies more each
# time): both still stop at the time limit.
printf 'x = sum(range(10**12))\nprint("not reached")\n' >"$TMP/native.py"
mcli 120 run "$TMP/native.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_empty out
expect_line err "$TMP/native.py:1: limit reached: more than 3 seconds of run time (raise it with --max-seconds)"
note "sum(range(10**12)) with --timeout 3: stopped after ${WALL}s"

printf 'x = all(map(bool, range(1, 10**12)))\nprint("not reached")\n' >"$TMP/native2.py"
mcli 120 run "$TMP/native2.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_line err "$TMP/native2.py:1: limit reached: more than 3 seconds of run time (raise it with --max-seconds)"

printf 's = "x"\nwhile True:\n    s = s + s\n' >"$TMP/double.py"
mcli 120 run "$TMP/double.py" --no-record --timeout 3 --max-memory 2G
expect_clean_exit
expect_rc 3
# (a machine that copies fast enough reaches the memory limit first)
expect_regex err "^$TMP/double\\.py:3: limit reached: more than (3 seconds of run time|2 GiB of memory)"
note "doubling a string with --timeout 3: stopped after ${WALL}s, peak ${PEAK_MIB} MiB: $(head -c 120 "$ERR")"

# A regex search that runs long (nested repetition over a million characters) stops at the time
# limit: the engine's moves through the subject poll the limits.
printf 'import re\nx = re.search("(a+)+b", "a" * 1000000)\nprint("not reached")\n' >"$TMP/regex.py"
mcli 120 run "$TMP/regex.py" --no-record --timeout 3
expect_clean_exit
expect_rc 3
expect_line err "$TMP/regex.py:2: limit reached: more than 3 seconds of run time (raise it with --max-seconds)"
note "re.search((a+)+b) over 10^6 characters with --timeout 3: stopped after ${WALL}s"

finish
