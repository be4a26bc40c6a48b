# TORCH_TRACE imports of hostile inputs: a gzip bomb, a zstd bomb, a million garbage lines.
# Each ends with a clear report or message, an exit status below 128, bounded memory and time.
source "$(dirname "$0")/lib.sh" "$@"

# 1 GiB of one repeated garbage line, compressed to a few MB (more than the peak allowed below:
# the import must stream).
python3 - "$TMP" <<'PY'
import gzip, sys
line = b"this is not a torch trace line " * 4 + b"\n"
chunk = line * (1 << 16)
with gzip.open(sys.argv[1] + "/bomb.log.gz", "wb", compresslevel=6) as f:
    for _ in range((1 << 30) // len(chunk)):
        f.write(chunk)
# one enormous line without a newline: 256 MiB of 'x'
with gzip.open(sys.argv[1] + "/longline.log.gz", "wb", compresslevel=6) as f:
    block = b"x" * (1 << 20)
    for _ in range(256):
        f.write(block)
PY
note "gzip bomb: $(stat -c %s "$TMP/bomb.log.gz") bytes compressed"

mcli 300 import "$TMP/bomb.log.gz" --db "$DB"
expect_clean_exit
expect_peak_below 700
expect_rc 1
expect_contains err "$TMP/bomb.log.gz: not a TORCH_TRACE log"
note "gzip bomb (1 GiB): exit $RC, ${WALL}s, peak ${PEAK_MIB} MiB"

mcli 300 import "$TMP/longline.log.gz" --db "$DB"
expect_clean_exit
expect_peak_below 700
note "256 MiB single line: exit $RC, ${WALL}s, peak ${PEAK_MIB} MiB: $(head -c 300 "$ERR")"

if command -v zstd >/dev/null; then
    python3 -c 'import sys
line = b"V0101 00:00:00.000000 1 f.py:1] {\"garbage\": " + b"9" * 100 + b"\n"
sys.stdout.buffer.write(line * 200000)' | zstd -q -19 --long=27 -o "$TMP/bomb.log.zst"
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$TMP/bomb.log.zst"; done >"$TMP/bomb10.log.zst"  # concatenated frames
    mcli 300 import "$TMP/bomb10.log.zst" --db "$DB"
    expect_clean_exit
    expect_peak_below 700
    note "zstd bomb: exit $RC, ${WALL}s, peak ${PEAK_MIB} MiB"
else
    echo "$TEST_NAME: SKIPPED PART: zstd bomb (the zstd tool is not installed; scripts/install-deps.sh installs it)"
fi

# One million lines of garbage, plain.
python3 -c 'import random, sys
random.seed(7)
out = sys.stdout
for i in range(1000000):
    n = random.randrange(0, 120)
    out.write("".join(chr(random.randrange(32, 127)) for _ in range(n)) + "\n")' >"$TMP/garbage.log"
mcli 300 import "$TMP/garbage.log" --db "$DB"
expect_clean_exit
expect_peak_below 700
expect_rc 1
expect_contains err "$TMP/garbage.log: not a TORCH_TRACE log"
note "1M garbage lines: exit $RC, ${WALL}s, peak ${PEAK_MIB} MiB"

# The history file stays sound.
expect_eq "integrity" ok "$(sql "$DB" "PRAGMA integrity_check")"
finish
