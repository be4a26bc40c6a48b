# `reproduce LOG -o scenario.py`: a scenario that reproduces a recorded run's recompile chain,
# checked by running it; then `fix` on it. Needs the sample logs of ../shared (skipped without).
source "$(dirname "$0")/lib.sh" "$@"
cd "$SRC"
LOGS=$SHARED/traces/torch_trace
if [[ ! -d $LOGS ]]; then
    echo "SKIP: $LOGS is absent (the sample logs are not part of the project)"
    exit 77
fi

cli reproduce "$LOGS/dedicated_log_torch_trace_rank_1.log" -o "$TMP/rank1.py"
expect_rc 0
expect_line out "log:        15 compiles; $(printf 'size_change, %.0s' {1..13})size_change"
expect_line out "same recompile chain — try fixes with: guardscope-cli fix $TMP/rank1.py"
grep -qxF "torch._dynamo.config.automatic_dynamic_shapes = False" "$TMP/rank1.py" || fail "the log's config is not in the scenario" "$(cat "$TMP/rank1.py")"
cli run "$TMP/rank1.py" --no-record
expect_line out "graphs compiled: 15"
cli fix "$TMP/rank1.py" --json
expect_rc 0
json_check '
best = d["fixes"][0]
if not best["recommended"] or best["after"]["compiles"] != 1: print(best)
'

# From the history: import, then reproduce by session id.
cli import "$LOGS/dedicated_log_torch_trace_rank_0.log" --db "$DB"
expect_rc 0
id=1  # the first session of a new database
cli reproduce "$id" --db "$DB" -o -
expect_rc 0
expect_contains out "def inner(fn, args):"
expect_contains err "reproduced: 4 compiles; object_identity, object_identity, object_identity"

cli reproduce 999 --db "$DB" -o "$TMP/x.py"
expect_rc 2
cli reproduce "$LOGS" -o "$TMP/x.py"
expect_rc 2
expect_contains err "directory"
cli reproduce "$LOGS/simple.log"
expect_rc 2
finish
