# Many `run`s recording into one new database at the same moment lose nothing: every run exits
# 0 and says which session it became, the ids are all different, every session is complete and
# the file passes PRAGMA integrity_check. (The 10 processes x 100 runs case runs on the store
# API in unit_store: StoreConcurrency.TenProcessesCreatingOneNewDatabaseLoseNoRun.)
source "$(dirname "$0")/lib.sh" "$@"

cat >"$TMP/tiny.py" <<'PY'
import torch
@torch.compile
def f(x):
    return x + 1
f(torch.ones(2))
f(torch.ones(3))
PY
NEWDB=$TMP/new/sessions.db  # neither the file nor its folder exists yet
PROCS=10
RUNS=10
pids=()
for p in $(seq $PROCS); do
    (
        for i in $(seq $RUNS); do
            "$CLI" run "$TMP/tiny.py" --db "$NEWDB" >/dev/null 2>"$TMP/err.$p.$i"
            echo "$?" >"$TMP/rc.$p.$i"
        done
    ) &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

bad=0
for f in "$TMP"/rc.*; do [[ $(cat "$f") == 0 ]] || bad=$((bad + 1)); done
expect_eq "runs that did not exit 0" 0 "$bad"
if [[ $bad -gt 0 ]]; then grep -h . "$TMP"/err.* | grep -v '^recorded as' | sort | uniq -c | head >&2; fi
ids=$(cat "$TMP"/err.* | sed -n 's/^recorded as session \([0-9]*\) in .*/\1/p' | sort -u | wc -l)
expect_eq "distinct recorded ids" $((PROCS * RUNS)) "$ids"
expect_eq "complete sessions" $((PROCS * RUNS)) "$(sql "$NEWDB" "SELECT count(*) FROM sessions WHERE status = 'complete'")"
expect_eq "integrity_check" ok "$(sql "$NEWDB" "PRAGMA integrity_check")"
expect_eq "calls recorded" $((PROCS * RUNS * 2)) "$(sql "$NEWDB" "SELECT (SELECT count(*) FROM calls) + (SELECT coalesce(sum(n_calls), 0) FROM call_chunks)")"
note "$PROCS processes x $RUNS runs on a new database: $ids sessions, $bad failures"
finish
