# `run` of the seed: the six tests of test_recompiles.py pass, unittest-style lines on stderr
# (as CPython prints them), exit 0, and the session is recorded where --db says.
source "$(dirname "$0")/lib.sh" "$@"
require_shared "the seed (seeds/test_recompiles.py)"

SEED_LINES="test_aliasing_guard_failures (__main__.RecompileTests) ... ok
test_aliasing_guard_failures_with_globals (__main__.RecompileTests) ... ok
test_automatic_dynamic_reduce_recompiles (__main__.RecompileTests) ... ok
test_automatic_dynamic_tensor_scalar_change (__main__.RecompileTests) ... ok
test_recompiles_true_false_flop (__main__.RecompileTests) ... ok
test_simple_module_recompile (__main__.RecompileTests) ... ok
6 passed, 0 failed"

cli run "$SEED" --db "$DB"
expect_rc 0
expect_empty out
expect_output err "$SEED_LINES
recorded as session 1 in $DB"
[[ -f $DB ]] || fail "--db $DB was not created"

# --no-record: the same run, nothing written anywhere.
cli run "$SEED" --no-record --db "$TMP/never.db"
expect_rc 0
expect_output err "$SEED_LINES"
[[ ! -e $TMP/never.db ]] || fail "--no-record created $TMP/never.db"

# Without --db the session goes to the per-user database under $XDG_DATA_HOME.
cli run "$SEED"
expect_rc 0
expect_line err "recorded as session 1 in $XDG_DATA_HOME/guardscope/sessions.db"
cli sessions list
expect_rc 0
expect_regex out "^1 +test_recompiles\.py +scenario +[0-9-]+ [0-9:]+ +complete "

# The recorded row carries the counts worked out in json.sh (106 calls, 37 compiles, 25 recompiles).
cli sessions list --db "$DB"
expect_rc 0
expect_regex out "^ID +TITLE +KIND +WHEN \\(UTC\\) +STATUS +CALLS +COMPILES +RECOMPILES$"
expect_regex out "^1 +test_recompiles\\.py +scenario +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} +complete +106 +37 +25$"

finish
