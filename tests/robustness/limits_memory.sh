# --max-memory stops a run with a message naming the limit and the scenario line, and tensor
# sizes are checked before anything is allocated: peak memory stays near the limit.
source "$(dirname "$0")/lib.sh" "$@"

# An endless loop that keeps everything it makes, inside a compiled function.
cat >"$TMP/grow.py" <<'PY'
import torch
keep = []
@torch.compile
def f(x):
    while True:
        keep.append([x] * 1000)
    return x
f(torch.ones(3))
PY
mcli 120 run "$TMP/grow.py" --no-record --max-memory 300M
expect_clean_exit
expect_rc 3
# (the limit is met by the 10 ms poll or by the check before an allocation, which says how much
# more was asked for: either, whichever comes first)
expect_regex err "^$TMP/grow\\.py:[56]: limit reached: more than 300 MiB of memory \\(the run uses [0-9.]+ [KMG]iB( and asked for [0-9.]+ [KMG]iB more)?\\) \\(raise it with --max-memory\\)$"
expect_peak_below 700
note "growing list under --max-memory 300M: exit $RC after ${WALL}s, peak ${PEAK_MIB} MiB"

# A reduction whose result would have 10^9 elements: refused before any of it is allocated.
printf 'import torch\nx = torch.ones(0, 10**9)\ny = x.sum(0)\nprint("not reached")\n' >"$TMP/sum.py"
mcli 60 run "$TMP/sum.py" --no-record
expect_clean_exit
expect_rc 3
expect_line err "$TMP/sum.py:3: limit reached: a tensor of 1000000000 elements (more than 50000000) (raise it with --max-tensor-elements)"
expect_peak_below 400
note "ones(0, 10**9).sum(0): exit $RC, peak ${PEAK_MIB} MiB"

# With the element limit lifted, the memory limit refuses the 1.5 GiB tensor before taking it.
printf 'import torch\nsmall = torch.ones(10)\nbig = torch.ones(20000, 20000)\nprint("not reached")\n' >"$TMP/big.py"
mcli 60 run "$TMP/big.py" --no-record --max-tensor-elements 0 --max-memory 500M
expect_clean_exit
expect_rc 3
expect_regex err "^$TMP/big\\.py:3: limit reached: more than 500 MiB of memory \\(the run uses [0-9.]+ [a-zA-Z]+ and asked for 1\\.5 GiB more\\) \\(raise it with --max-memory\\)$"
expect_peak_below 400
note "ones(20000, 20000) under --max-memory 500M: exit $RC, peak ${PEAK_MIB} MiB"

# Bad limit values are refused before anything runs.
for bad in 0 -5M nan 12Q ""; do
    cli run "$TMP/big.py" --no-record --max-memory "$bad"
    expect_rc 2
    expect_contains err "--max-memory must be a size such as 512M or 2G (more than 0), not '$bad'"
done

# Python values that grow in a few big steps (each a copy of a MiB or more) are checked before
# each copy: a string, bytes or a list doubled in a loop, and one padded string.
for what in '"x"' 'b"x"' '[0]'; do
    printf 's = %s\nwhile True:\n    s = s + s\n' "$what" >"$TMP/double.py"
    mcli 120 run "$TMP/double.py" --no-record --timeout 0 --max-memory 300M
    expect_clean_exit
    expect_rc 3
    expect_regex err "^$TMP/double\\.py:3: limit reached: more than 300 MiB of memory \\(the run uses [0-9.]+ [KMG]iB( and asked for [0-9.]+ [KMG]iB more)?\\) \\(raise it with --max-memory\\)$"
    expect_peak_below 700
    note "doubling $what under --max-memory 300M: exit $RC after ${WALL}s, peak ${PEAK_MIB} MiB"
done
for expr in '"a".ljust(10**10)' '"0".zfill(10**10)' '"\t".expandtabs(10**10)' '"-".join(["ab"] * 10**7) * 3'; do
    printf 'x = %s\nprint("not reached")\n' "$expr" >"$TMP/pad.py"
    mcli 60 run "$TMP/pad.py" --no-record --max-memory 100M
    expect_clean_exit
    expect_rc 3
    expect_regex err "^$TMP/pad\\.py:1: limit reached: more than 100 MiB of memory"
    expect_peak_below 400
    note "$expr under --max-memory 100M: exit $RC, peak ${PEAK_MIB} MiB"
done

finish
