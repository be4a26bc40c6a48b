# `import DIR` (issue 11 items 2, 3, 6): a folder of rank files gives one session per rank, an
# empty or cut rank file is reported (exit 1) while every other rank still imports, `--json`
# prints {"ranks": [...], "divergence": [...]}, and the summary lists what was kept as-is.
# Uses the two rank logs of ../shared (copied into the temporary folder, never into the project).
source "$(dirname "$0")/lib.sh" "$@"
R0=$SHARED/traces/torch_trace/dedicated_log_torch_trace_rank_0.log
R1=$SHARED/traces/torch_trace/dedicated_log_torch_trace_rank_1.log
if [[ ! -f $R0 || ! -f $R1 ]]; then
    echo "$TEST_NAME: SKIPPED: ../shared/traces/torch_trace is absent"
    exit 77
fi

# One file: the summary names what the model does not hold but the session keeps.
cli import "$R1" --no-record
expect_rc 0
expect_regex out "^  kept as-is  .*chromium_event 544.*inductor_output_code 15"

# Two real ranks of different runs (they diverge in everything), an empty rank and a cut one.
mkdir "$TMP/run"
cp "$R0" "$TMP/run/dedicated_log_torch_trace_rank_0.log"
cp "$R1" "$TMP/run/dedicated_log_torch_trace_rank_1.log"
cp "$R1" "$TMP/run/dedicated_log_torch_trace_rank_2.log"
: >"$TMP/run/dedicated_log_torch_trace_rank_3.log"
zstd -q -c "$R1" >"$TMP/whole.zst"
head -c $(($(stat -c %s "$TMP/whole.zst") / 2)) "$TMP/whole.zst" >"$TMP/run/dedicated_log_torch_trace_rank_4.log.zst"
cli import "$TMP/run" --db "$DB" --json
expect_rc 1
expect_contains err "dedicated_log_torch_trace_rank_3.log  (rank 3)
  error: "
expect_contains err "the file is empty"
expect_contains err "truncated: the zstd stream ends in the middle of a frame after"
expect_contains err "divergence  compiles: rank 0: "
json_check '
r = d["ranks"]
if [x["rank"] for x in r] != [0, 1, 2, 3, 4]: print("ranks:", [x["rank"] for x in r])
if [x["status"] for x in r] != ["complete", "complete", "complete", "not_imported", "not_imported"]: print("status:", [x["status"] for x in r])
if r[1]["summary"]["compiles"] != 15 or r[1]["summary"]["recompiles"] != 14: print("rank 1 summary:", r[1]["summary"])
if r[1]["summary"]["cache_hits"] != 20 or r[1]["summary"]["cache_misses"] != 10: print("rank 1 cache:", r[1]["summary"])
if r[0]["summary"]["compiles"] != 4: print("rank 0 summary:", r[0]["summary"])
if r[3]["session"] is not None or "empty" not in r[3]["error"]: print("rank 3:", r[3]["error"], r[3]["session"] is None)
if r[4]["session"] is None or r[4]["session"]["session"]["status"] != "interrupted": print("rank 4 partial session missing or not interrupted")
if r[1]["session"]["compiles"][0]["stack"][-1]["function"] != "kernel": print("stack:", r[1]["session"]["compiles"][0]["stack"])
if r[1]["session"]["compiles"][0]["metrics"]["guard_count"] != 8: print("metrics guard_count")
if [a["name"] for a in r[1]["session"]["compiles"][0]["artifacts"] if a["kind"] != "chromium_event"][-1] != "compilation_metrics": print("artifacts")
if r[1]["session"]["compiles"][0]["cache"][0]["result"] != "hit": print("cache:", r[1]["session"]["compiles"][0]["cache"])
dv = {x["aspect"]: x for x in d["divergence"]}
if "compiles" not in dv or dv["compiles"]["ranks"] != [0] or dv["compiles"]["majority"] != [1, 2]: print("divergence:", d["divergence"])
'

# Two ranks that differ: no majority, so neither rank is named as the one that diverges.
mkdir "$TMP/pair"
cp "$R0" "$TMP/pair/dedicated_log_torch_trace_rank_0.log"
cp "$R1" "$TMP/pair/dedicated_log_torch_trace_rank_1.log"
cli import "$TMP/pair" --no-record --json
expect_rc 0
expect_contains err "divergence  compiles: ranks 0, 1 differ, no majority; rank 1: "
json_check '
dv = {x["aspect"]: x for x in d["divergence"]}
c = dv.get("compiles")
if c is None or c["ranks"] != [0, 1] or c["majority"] != [] or c["no_majority"] is not True: print("pair divergence:", d["divergence"])
if any("majority has" in x["detail"] for x in d["divergence"]): print("a culprit named without a majority:", d["divergence"])
'
finish
