# Messages: a syntax error in a huge one-line file echoes a window around the column, not the
# line; a file that cannot be opened says why; exports are atomic and leave nothing behind.
source "$(dirname "$0")/lib.sh" "$@"

# 10 MB on one line, the error at its end.
python3 -c 'import sys; sys.stdout.write("x = [" + "1, " * 3500000 + ")\n")' >"$TMP/long.py"
# (300 s: a guard against a hang on a loaded machine, not a speed claim.)
mcli 300 run "$TMP/long.py" --no-record
expect_clean_exit
expect_rc 2
expect_regex err "^$TMP/long\\.py:1:10500006: error: closing parenthesis '\\)' does not match opening parenthesis '\\['$"
expect_regex err "^\\.\\.\\.1, 1, .*1, \\)$"
expect_err_shorter 1000
expect_peak_below 1000  # the parse tree of 3.5 million list items (measured: ~740 MiB)
note "10 MB one-line syntax error: $(wc -c <"$ERR") bytes on stderr, peak ${PEAK_MIB} MiB"

# A runtime error on the same kind of line: the traceback quotes an excerpt.
python3 -c 'import sys; sys.stdout.write("x = [" + "1, " * 3500000 + "undefined_name]\n")' >"$TMP/long2.py"
mcli 300 run "$TMP/long2.py" --no-record
expect_clean_exit
expect_rc 1
expect_contains err "NameError: name 'undefined_name' is not defined"
expect_err_shorter 1000

# Open errors carry the operating system's reason.
cli run "$TMP/missing.py" --no-record
expect_rc 2
expect_line err "$TMP/missing.py: error: cannot open file (No such file or directory)"
mkdir "$TMP/adir"
cli run "$TMP/adir" --no-record
expect_rc 2
expect_contains err "$TMP/adir: error: not a file"

# Exports: a folder as the output is refused and nothing is left behind (no DIR.part).
printf 'print(1)\n' >"$TMP/one.py"
cli run "$TMP/one.py" --db "$DB"
expect_rc 0
mkdir "$TMP/out"
cli sessions export 1 --json -o "$TMP/out" --db "$DB"
expect_rc 1
expect_contains err "cannot write '$TMP/out': it is a folder"
[[ -z $(ls -A "$TMP/out") ]] || fail "the export wrote into the folder: $(ls -A "$TMP/out")"
leftovers=$(ls -A "$TMP" | grep -E '\.part$|^\.out\.' || true)
[[ -z $leftovers ]] || fail "a failed export left files behind: $leftovers"
cli export 1 --torch-trace "$TMP/out" --db "$DB"
expect_rc 1
expect_contains err "it is a folder"
# A missing folder: the reason; a good path: written whole.
cli sessions export 1 --json -o "$TMP/nowhere/s.json" --db "$DB"
expect_rc 1
expect_contains err "No such file or directory"
cli sessions export 1 --json -o "$TMP/s.json" --db "$DB"
expect_rc 0
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$TMP/s.json" || fail "the export is not whole JSON"

# A full disk while exporting: the old file stays, no temporary is left.
# (A session whose JSON is far bigger than the file-size limit, which itself leaves room for
# SQLite's 32 KiB shared-memory file.)
printf 'import torch\n@torch.compile(dynamic=False)\ndef f(x):\n    return x + 1\nfor i in range(3000):\n    f(torch.ones(i %% 50 + 1))\n' >"$TMP/many.py"
cli run "$TMP/many.py" --db "$DB"
expect_rc 0
echo '{"old": true}' >"$TMP/keep.json"
measured 60 bash -c 'trap "" XFSZ; ulimit -f 64; exec "$@"' _ "$CLI" sessions export 2 --json -o "$TMP/keep.json" --db "$DB"
expect_clean_exit
expect_rc 1
expect_contains err "the file was not changed"
expect_eq "the old export" '{"old": true}' "$(cat "$TMP/keep.json")"
leftovers=$(ls -A "$TMP" | grep -E '^\.keep\.json\.' || true)
[[ -z $leftovers ]] || fail "the failed export left $leftovers"
finish
