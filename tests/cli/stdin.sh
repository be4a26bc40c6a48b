# `-` stands for standard input where a file is read: `run -` runs the scenario it is given there,
# named <stdin> in messages and in the history.
source "$(dirname "$0")/lib.sh" "$@"

# cli_in FILE ARGS...: like cli, with FILE on standard input.
cli_in() {
    local in=$1
    shift
    LAST="guardscope-cli $* < $in"
    set +e
    "$CLI" "$@" <"$in" >"$OUT" 2>"$ERR"
    RC=$?
    set -e
}

cli_in "$DEMOS/automatic_dynamic.py" run - --db "$DB" --summary
expect_rc 0
expect_regex out "recompile"
id=$(recorded_id)
[[ -n $id ]] || fail "run - did not record its session" "$(show_output)"
cli sessions list --db "$DB"
expect_contains out "<stdin>"

printf 'x = (\n' >"$TMP/bad.py"
cli_in "$TMP/bad.py" run - --no-record
expect_rc 2
expect_contains err "<stdin>:1:6: error: unexpected EOF while parsing"

cli_in /dev/null run - --no-record
expect_rc 0
finish
