# Limits refuse negative, NaN and meaningless-zero values with a message; the seed option too.
source "$(dirname "$0")/lib.sh" "$@"
printf 'print("ran")\n' >"$TMP/ok.py"

check() {  # check OPTION VALUE EXPECTED_MESSAGE
    cli run "$TMP/ok.py" --no-record "$1" "$2"
    expect_rc 2
    expect_empty out
    expect_contains err "guardscope-cli run: $3"
}
check --max-depth 0 "--max-depth must be at least 1, not 0"
check --max-depth -1 "--max-depth must be at least 1, not -1"
check --max-steps -1 "--max-steps must be 0 (no limit) or more, not -1"
check --max-tensor-elements -1 "--max-tensor-elements must be 0 (no limit) or more, not -1"
check --timeout -1 "--timeout must be a number of seconds, 0 (no limit) or more, not -1"
check --timeout nan "--timeout must be a number of seconds, 0 (no limit) or more, not nan"
check --max-seconds inf "--max-seconds must be a number of seconds, 0 (no limit) or more, not inf"
check --seed -1 "--seed must be a whole number from 0 to 18446744073709551615, not '-1'"

# 0 means "no limit" where the help says so, and the run goes through.
cli run "$TMP/ok.py" --no-record --max-steps 0 --timeout 0 --max-tensor-elements 0
expect_rc 0
expect_output out "ran"
finish
