# Helpers for the robustness suite (issue 12), on top of tests/cli/lib.sh.
#
# A script is called as:  bash x.sh GUARDSCOPE_CLI SOURCE_DIR SHARED_DIR MEASURE
# MEASURE is the measure tool (measure.cpp): `measured` runs a command under it and leaves the
# exit status in $RC, stdout/stderr in $OUT/$ERR, the peak resident memory in $PEAK_MIB and
# the wall time in $WALL (seconds). Every case asserts a clear message, an exit status below
# 128 (no crash, no kill), a bounded peak memory and that nothing was lost.
MEASURE=$(realpath -- "$4")
source "$(dirname "$0")/../cli/lib.sh" "$1" "$2" "$3"

PEAK_MIB=0
WALL=0
TIMED_OUT=0

# A sanitizer build (the asan and fuzz presets: CMake sets GS_SANITIZED=1 for these tests) keeps
# shadow memory, redzones and a quarantine of freed blocks beside every allocation, and its stack
# frames are several times bigger. Its memory budgets are SANITIZER_MEMORY_SCALE times the release
# build's and its runs may take SANITIZER_TIME_SCALE times longer before `measure` kills them;
# the release build asserts the real budgets.
SANITIZED=${GS_SANITIZED:-0}
SANITIZER_MEMORY_SCALE=3
SANITIZER_TIME_SCALE=5  # as GS_TIMEOUT_SCALE in tests/CMakeLists.txt

# measured TIMEOUT_SECONDS CMD [ARGS...]: like `cli`, for any command, measured.
measured() {
    local timeout=$1
    shift
    if [[ $SANITIZED -eq 1 ]]; then
        timeout=$((timeout * SANITIZER_TIME_SCALE))
    fi
    LAST="$*"
    set +e
    "$MEASURE" "$TMP/measure.report" "$timeout" -- "$@" >"$OUT" 2>"$ERR"
    set -e
    local line
    line=$(cat "$TMP/measure.report")
    RC=$(sed -n 's/.*status=\([0-9]*\).*/\1/p' <<<"$line")
    PEAK_MIB=$(( $(sed -n 's/.*peak_kib=\([0-9]*\).*/\1/p' <<<"$line") / 1024 ))
    WALL=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$line")
    TIMED_OUT=$(sed -n 's/.*timed_out=\([01]\).*/\1/p' <<<"$line")
}

# mcli TIMEOUT ARGS...: the CLI, measured.
mcli() {
    local timeout=$1
    shift
    measured "$timeout" "$CLI" "$@"
}

# expect_clean_exit: ended by itself (not killed, not timed out) with a status below 128.
expect_clean_exit() {
    if [[ $TIMED_OUT -eq 1 ]]; then
        fail "did not stop in time (killed after ${WALL}s)" "$(show_output)"
    elif [[ $RC -ge 128 ]]; then
        fail "crashed or was killed: exit status $RC" "$(show_output)"
    fi
}

# expect_peak_below MIB: the peak resident memory stayed under MIB (a release build's budget;
# scaled in a sanitizer build, see SANITIZED).
expect_peak_below() {
    local budget=$1
    if [[ $SANITIZED -eq 1 ]]; then
        budget=$((budget * SANITIZER_MEMORY_SCALE))
    fi
    if [[ $PEAK_MIB -ge $budget ]]; then
        fail "peak memory ${PEAK_MIB} MiB, expected below $budget MiB" "$(show_output)"
    fi
}

# expect_err_shorter BYTES: stderr stays short (no echo of a huge input).
expect_err_shorter() {
    local n
    n=$(wc -c <"$ERR")
    if [[ $n -ge $1 ]]; then
        fail "stderr has $n bytes, expected fewer than $1" "$(head -c 600 "$ERR")"
    fi
}

# sql DB QUERY: one value from an SQLite database (python3's sqlite3: no sqlite3 CLI needed).
sql() {
    python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute(sys.argv[2]).fetchone()
print("" if r is None else r[0])' "$1" "$2"
}

# note WHAT: a measured number for the log (ctest -V shows it; the notes quote it).
note() { echo "$TEST_NAME: $*"; }
