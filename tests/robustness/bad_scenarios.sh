# Scenarios that are not Python text: binary bytes, NUL bytes, empty files, garbage, UTF-16.
# Each gets a clear message (file:line:col where there is one), an exit status below 128 and
# bounded memory; none is recorded as anything but what it was.
source "$(dirname "$0")/lib.sh" "$@"

head -c 20000 /dev/urandom >"$TMP/binary.py"
printf 'x = 1\ny = "a\0b"\n' >"$TMP/nul.py"
: >"$TMP/empty.py"
python3 -c 'import random, sys
random.seed(12)
sys.stdout.write("".join(random.choice("()[]{}:=+-*/ \n\tdefclassif\"'"'"'#@") for _ in range(200000)))' >"$TMP/garbage.py"
printf 'print("hi")\n' | iconv -f UTF-8 -t UTF-16 >"$TMP/utf16.py"

for f in binary nul garbage utf16; do
    mcli 60 run "$TMP/$f.py" --db "$DB"
    expect_clean_exit
    expect_rc 2
    expect_regex err "^$TMP/$f\\.py:[0-9]+:[0-9]+: error: "
    expect_err_shorter 2000
    expect_peak_below 400
done
# NUL bytes are named as such, as CPython does.
mcli 60 run "$TMP/nul.py" --no-record
expect_contains err "source code cannot contain null bytes"

mcli 60 run "$TMP/empty.py" --db "$DB"
expect_clean_exit
expect_rc 0
expect_empty out

# Every one of them was recorded, with its status (the history loses nothing).
cli sessions list --db "$DB"
expect_rc 0
for f in binary nul garbage utf16; do expect_regex out "^[0-9]+ +$f\\.py +scenario .* failed "; done
expect_regex out "^[0-9]+ +empty\\.py +scenario .* complete "
finish
