# Helpers sourced by every tests/cli/*.sh script (not a test itself).
#
# A script is called as:  bash x.sh GUARDSCOPE_CLI SOURCE_DIR SHARED_DIR (SHARED_DIR may be absent)
# It runs the CLI with `cli ARGS...` (stdout, stderr and exit code kept in $OUT, $ERR, $RC),
# states what it expects with the expect_* functions, and ends with `finish`. A failed
# expectation prints what was expected and what came instead, and the script goes on, so one
# run shows every difference; `finish` exits 1 if any expectation failed.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: bash $0 GUARDSCOPE_CLI SOURCE_DIR SHARED_DIR" >&2
    exit 2
fi
CLI=$(realpath -- "$1")  # absolute: scripts may cd
SRC=$(cd "$2" && pwd)
# ../shared is not part of the project: a fresh clone has none. Scripts that need it call
# require_shared (the whole script is skipped, ctest SKIP_RETURN_CODE 77, with the reason) or
# check have_shared and say which part they skip.
SHARED=""
[[ -d $3 ]] && SHARED=$(cd "$3" && pwd)
# shellcheck disable=SC2034  # SEED, DEMOS and DB are for the scripts that source this file
SEED=$SHARED/seeds/test_recompiles.py
# shellcheck disable=SC2034
DEMOS=$SRC/resources/demos
TEST_NAME=$(basename "$0" .sh)

have_shared() { [[ -n $SHARED && -f $SEED ]]; }

# require_shared WHAT: skips the whole script when ../shared (or the seed) is absent.
require_shared() {
    if ! have_shared; then
        echo "$TEST_NAME: SKIPPED: needs $1 from ../shared, which this checkout does not have"
        exit 77
    fi
}

# skip_part WHAT: says that a part of the script is skipped (../shared absent).
skip_part() {
    echo "$TEST_NAME: SKIPPED PART: $1 (needs ../shared, which this checkout does not have)"
}

if [[ ! -x $CLI ]]; then
    echo "$TEST_NAME: $CLI is not an executable (build guardscope-cli first)" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gs-cli-$TEST_NAME-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# Nothing a test runs may touch the user's own history: a command that forgot --db would
# write under $XDG_DATA_HOME, which is ours.
export XDG_DATA_HOME=$TMP/xdg-data
export LC_ALL=C.UTF-8
# shellcheck disable=SC2034
DB=$TMP/sessions.db

FAILURES=0
OUT=$TMP/stdout
ERR=$TMP/stderr
RC=0
LAST=""

# cli ARGS...: runs the CLI; never stops the script, whatever it returns.
cli() {
    LAST="guardscope-cli $*"
    set +e
    "$CLI" "$@" >"$OUT" 2>"$ERR"
    RC=$?
    set -e
}

fail() {
    FAILURES=$((FAILURES + 1))
    {
        echo "FAIL [$TEST_NAME] $1"
        echo "  command: $LAST"
        shift
        for line in "$@"; do echo "  $line"; done
    } >&2
}

show_output() {
    echo "  --- exit code: $RC"
    echo "  --- stdout:"
    sed 's/^/  | /' "$OUT"
    echo "  --- stderr:"
    sed 's/^/  | /' "$ERR"
}

expect_rc() {
    if [[ $RC -ne $1 ]]; then
        fail "exit code: expected $1, got $RC" "$(show_output)"
    fi
}

expect_rc_nonzero() {
    if [[ $RC -eq 0 ]]; then
        fail "exit code: expected non-zero, got 0" "$(show_output)"
    fi
}

# expect_contains out|err TEXT: TEXT (may span lines) occurs verbatim in stdout/stderr.
expect_contains() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    local content
    content=$(cat "$file")
    if [[ $content != *"$2"* ]]; then
        fail "std$1 does not contain the expected text" "--- expected:" "$2" "$(show_output)"
    fi
}

expect_not_contains() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    local content
    content=$(cat "$file")
    if [[ $content == *"$2"* ]]; then
        fail "std$1 contains text it must not" "--- unexpected:" "$2" "$(show_output)"
    fi
}

# expect_line out|err LINE: a whole line equals LINE.
expect_line() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    if ! grep -qxF -- "$2" "$file"; then
        fail "std$1 has no line equal to the expected one" "--- expected line:" "$2" "$(show_output)"
    fi
}

# expect_regex out|err ERE: some line matches the extended regular expression.
expect_regex() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    if ! grep -qE -- "$2" "$file"; then
        fail "no line of std$1 matches the expected pattern" "--- expected pattern:" "$2" "$(show_output)"
    fi
}

# expect_output out|err TEXT: the whole stream equals TEXT (a trailing newline is ignored).
expect_output() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    local content
    content=$(cat "$file")
    if [[ $content != "$2" ]]; then
        fail "std$1 differs from the expected text" "--- expected:" "$2" "--- diff (expected -> got):" \
            "$(diff <(printf '%s\n' "$2") "$file" || true)"
    fi
}

expect_empty() {
    local file=$OUT
    [[ $1 == err ]] && file=$ERR
    if [[ -s $file ]]; then
        fail "std$1 should be empty" "$(show_output)"
    fi
}

# expect_eq WHAT EXPECTED GOT
expect_eq() {
    if [[ $2 != "$3" ]]; then
        fail "$1: expected '$2', got '$3'"
    fi
}

# json_check PYTHON_CODE: runs the code with d = the JSON on stdout; the code prints one line per
# problem (nothing when all is right).
json_check() {
    local problems
    if ! problems=$(python3 -c 'import json,sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("stdout is not JSON:", e); sys.exit(0)
'"$1" "$OUT" 2>&1); then
        fail "JSON check crashed" "$problems" "$(show_output)"
    elif [[ -n $problems ]]; then
        fail "JSON on stdout is not as expected" "$problems"
    fi
}

# The id `run` says it recorded the session as ("recorded as session N in DB" on stderr).
recorded_id() {
    sed -n 's/^recorded as session \([0-9][0-9]*\) in .*$/\1/p' "$ERR"
}

finish() {
    if [[ $FAILURES -gt 0 ]]; then
        echo "$TEST_NAME: $FAILURES expectation(s) failed" >&2
        exit 1
    fi
    echo "$TEST_NAME: all expectations met"
}
