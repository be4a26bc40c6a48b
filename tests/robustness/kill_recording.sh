# kill -9 in the middle of recording, 20 times: the database always opens, passes
# PRAGMA integrity_check, keeps every session that finished, and shows the cut ones as
# interrupted (never complete).
source "$(dirname "$0")/lib.sh" "$@"

printf 'print("first")\n' >"$TMP/first.py"
cli run "$TMP/first.py" --db "$DB"
expect_rc 0
cat >"$TMP/long.py" <<'PY'
import torch
@torch.compile(dynamic=False)
def f(x):
    return x + 1
i = 0
while True:
    f(torch.ones(i % 40 + 1))
    i += 1
PY
for k in $(seq 20); do
    "$CLI" run "$TMP/long.py" --db "$DB" --timeout 0 >/dev/null 2>&1 &
    pid=$!
    # Kill at a different moment each time: while opening, creating, mid-batch.
    sleep "0.$(( (k * 37) % 10 ))$(( k % 10 ))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    result=$(sql "$DB" "PRAGMA integrity_check")
    [[ $result == ok ]] || fail "integrity_check after kill $k: $result"
done
cli sessions list --db "$DB"
expect_rc 0
expect_regex out "^1 +first\\.py +scenario .* complete "
expect_not_contains out "long.py   scenario  complete"
complete_long=$(sql "$DB" "SELECT count(*) FROM sessions WHERE title = 'long.py' AND status = 'complete'")
expect_eq "killed runs marked complete" 0 "$complete_long"
running=$(grep -c " running " "$OUT" || true)
expect_eq "killed runs still shown running" 0 "$running"
note "20 kills: $(sql "$DB" "SELECT count(*) FROM sessions WHERE title = 'long.py'") cut sessions kept, all interrupted"
finish
