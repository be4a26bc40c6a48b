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

# fix -: the scenario on standard input, named <stdin> in the report.
cli_in "$DEMOS/automatic_dynamic.py" fix -
expect_rc 0
expect_contains out "<stdin>"
expect_contains out "[recommended]"

# export --torch-trace -: the log on standard output, the report on standard error; and
# import - reads it back (compressed too: the format is told by content, not by a name).
cli export "$id" --torch-trace - --db "$DB"
expect_rc 0
expect_contains out "dynamo_start"
expect_contains err "to standard output"
cp "$OUT" "$TMP/exported.log"
cli_in "$TMP/exported.log" import - --no-record
expect_rc 0
expect_regex out "recompile"
gzip -c "$TMP/exported.log" >"$TMP/exported.log.gz"
cli_in "$TMP/exported.log.gz" import - --no-record
expect_rc 0
expect_regex out "recompile"
printf 'not a log\n' >"$TMP/junk.txt"
cli_in "$TMP/junk.txt" import - --no-record
expect_rc 1
expect_contains err "<stdin>: not a TORCH_TRACE log"
finish
