# `run --json`: stdout is one JSON document (the script's output moves to stderr) whose summary
# has the counts a reader of the demo expects.
source "$(dirname "$0")/lib.sh" "$@"
cd "$SRC"

# json_summary FRAMES CALLS COMPILES RECOMPILES CACHE_HITS RUN_ONLY LIMIT_HITS BY_CATEGORY_JSON
json_summary() {
    json_check '
want = dict(frames='"$1"', calls='"$2"', compiles='"$3"', recompiles='"$4"', cache_hits='"$5"',
            run_only='"$6"', limit_hits='"$7"', recompiles_by_category='"$8"')
s = d.get("summary", {})
for k, v in want.items():
    if s.get(k) != v: print("summary[%r]: expected %r, got %r" % (k, v, s.get(k)))
if len(d.get("calls", [])) != want["calls"]: print("calls listed:", len(d.get("calls", [])))
ok = [c for c in d.get("compiles", []) if c.get("status") == "ok"]
if len(ok) != want["compiles"]: print("ok compile entries:", len(ok))
'
}

# automatic_dynamic: 6 calls of one function; call 0 compiles, call 1 (size 3) recompiles with
# dim 0 dynamic, the 4 others hit: 1 frame, 6 calls, 2 compiles, 1 recompile (size_change),
# 4 cache hits.
cli run resources/demos/automatic_dynamic.py --db "$DB" --json
expect_rc 0
expect_output err "graphs compiled: 2"
json_summary 1 6 2 1 4 0 0 '{"size_change": 1}'
json_check '
for k in ("frames", "calls", "compiles", "recompiles", "cache_hits", "recompiles_by_category"):
    if k not in d["summary"]: print("summary has no", k)
if d["session"]["id"] != 1: print("session id: expected 1 (recorded), got", d["session"]["id"])
if d["session"]["title"] != "automatic_dynamic.py": print("title:", d["session"]["title"])
if d["session"]["status"] != "complete": print("status:", d["session"]["status"])
outcomes = [c["outcome"] for c in d["calls"]]
if outcomes != ["compiled", "recompiled", "hit", "hit", "hit", "hit"]: print("outcomes:", outcomes)
if [c["entry_id"] for c in d["calls"][2:]] != ["0/1"] * 4: print("hits ran:", [c["entry_id"] for c in d["calls"]])
if [c["args"][0]["shape"] for c in d["calls"]] != [[n] for n in range(2, 8)]: print("x shapes:", [c["args"][0]["shape"] for c in d["calls"]])
r = d["recompiles"]
if len(r) != 1 or r[0]["compile_id"] != "0/1" or r[0]["call_index"] != 1: print("recompiles:", r)
else:
    reason = r[0]["reasons"][0]
    want = {"failed_entry_id": "0/0", "category": "size_change", "source": "x", "expected": "2", "actual": "3", "dim": 0,
            "text": "tensor '"'"'x'"'"' size mismatch at index 0. expected 2, actual 3"}
    for k, v in want.items():
        if reason.get(k) != v: print("reason[%r]: expected %r, got %r" % (k, v, reason.get(k)))
    if "mark_dynamic" not in reason.get("fix", ""): print("fix:", reason.get("fix"))
sym = [e for e in d["shape_events"] if e["kind"] == "create_symbol" and e["source"].startswith("L[\x27x\x27]")]
if not sym or sym[0]["symbol"] != "s77" or sym[0]["range"] != "[2, int_oo]" or sym[0]["hint"] != 3: print("x symbol:", sym)
'

# recompile_limit (limit 3, automatic dynamic off): sizes 1..7 then 2. Compiles at calls 0-2
# (0/0, 0/1, 0/2: 2 recompiles, both size_change); call 3 hits the limit (1 limit hit, no
# entry), calls 3-6 run eagerly (4 run-only), call 7 (size 2) hits 0/1 (1 cache hit).
cli run resources/demos/recompile_limit.py --no-record --json
expect_rc 0
json_summary 1 8 3 2 1 4 1 '{"size_change": 2}'

# The seed: 6 tests. Worked out from its asserted frame_counts, with reset() between runs:
# compiles 5+5+2+2+1 (automatic_dynamic_reduce) + 5+3 (true_false_flop) + 5+3 (tensor_scalar)
# + 2 + 2 (aliasing, with globals) + 2 (module) = 37; calls 7*5 + 5*2 + 7*2 + 4 + 3 + 40 = 106;
# recompiles = compiles minus the first compile after each reset = 25; hits = 106 - 37 = 69;
# 12 frames (one per reset epoch of each function). First-reason categories: size_change 17,
# bool_flip 4, alias 2 (a duplicated input, a global passed as input), type_change 1
# (tensor -> int), train_eval 1.
if have_shared; then
cli run "$SEED" --no-record --json
expect_rc 0
expect_contains err "6 passed, 0 failed"
json_summary 12 106 37 25 69 0 0 '{"size_change": 17, "bool_flip": 4, "alias": 2, "type_change": 1, "train_eval": 1}'
json_check '
s = d["summary"]
if (s["tests_passed"], s["tests_failed"], s["tests_skipped"]) != (6, 0, 0): print("tests:", s)
if sorted(t["name"] for t in d["tests"]) != ["test_aliasing_guard_failures", "test_aliasing_guard_failures_with_globals",
        "test_automatic_dynamic_reduce_recompiles", "test_automatic_dynamic_tensor_scalar_change",
        "test_recompiles_true_false_flop", "test_simple_module_recompile"]: print("tests:", d["tests"])
'
else
    skip_part "the seed's JSON"
fi

# A run that failed is still JSON, with status failed.
printf 'x = 1\nif x ==:\n    pass\n' >"$TMP/syntax.py"
cli run "$TMP/syntax.py" --no-record --json
expect_rc 2
expect_contains err "syntax.py:2:8: error: invalid syntax"
json_check '
if d["session"]["status"] != "failed": print("status:", d["session"]["status"])
if d["summary"]["calls"] != 0: print("calls:", d["summary"]["calls"])
'

finish
