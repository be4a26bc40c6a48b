# `import DIR` with Inductor's multi-rank artifacts (tlparse's all-ranks report; issue 11 item 3):
# a rank whose collective schedule or output tensor metadata differs from the majority is named,
# and each compile's estimated runtime is listed per rank with the spread. Also: envelope fields
# of a newer PyTorch are counted and their records read, and a cut .gz still gives, with --json,
# the JSON of what was read. Synthetic logs, written here.
source "$(dirname "$0")/lib.sh" "$@"

# rank LOG: a compile 0/0 whose schedule, runtime (ns of the mm) and output shape are given
python3 - "$TMP" <<'PY'
import hashlib, json, sys
tmp = sys.argv[1]
def rec(meta, payload=None):
    env = dict(meta)
    if payload is not None:
        env["has_payload"] = hashlib.md5(payload.encode()).hexdigest()
    line = "V0804 12:34:15.353000 1142857 torch/_inductor/debug.py:700] " + json.dumps(env) + "\n"
    if payload is not None:
        line += "".join("\t" + l + "\n" for l in payload.split("\n"))
    return line
ids = {"frame_id": 0, "frame_compile_id": 0, "attempt": 0}
def log(rank, collectives, mm_ns, shape, extra=None):
    c = dict(ids, rank=rank)
    out = rec({"str": ["/home/u/train.py", 0]})
    out += rec(dict({"dynamo_start": {"stack": [{"line": 9, "name": "forward", "filename": 0}]}}, **c, **(extra or {})))
    out += rec(dict({"artifact": {"name": "inductor_collective_schedule", "encoding": "json"}}, **c), json.dumps(collectives, indent=1))
    ops = {"ops": [{"name": "extern_kernels.mm", "type": "compute", "estimated_runtime_ns": mm_ns,
                    "outputs": [{"shape": shape, "stride": [shape[1], 1], "dtype": "float16"}]},
                   {"name": collectives[0], "type": "collective", "estimated_runtime_ns": 30000.0, "outputs": []}]}
    out += rec(dict({"artifact": {"name": "inductor_runtime_and_tensor_meta", "encoding": "json"}}, **c), json.dumps(ops, indent=1))
    out += rec(dict({"compilation_metrics": {"co_name": "forward", "co_filename": "/home/u/train.py", "co_firstlineno": 9,
                                             "graph_op_count": 3, "entire_frame_compile_time_s": 1.5}}, **c))
    return out
ar = ["torch.ops._c10d_functional.all_reduce_.default", "torch.ops._c10d_functional.wait_tensor.default"]
import os
os.makedirs(tmp + "/run")
open(tmp + "/run/dedicated_log_torch_trace_rank_0.log", "w").write(log(0, ar, 6885841.0, [1024, 1024]))
open(tmp + "/run/dedicated_log_torch_trace_rank_1.log", "w").write(log(1, ar, 6885841.0, [1024, 1024], {"graph_id": None}))
open(tmp + "/run/dedicated_log_torch_trace_rank_2.log", "w").write(log(2, ar[:1], 9885841.0, [1024, 512]))
PY

cli import "$TMP/run" --no-record
expect_rc 0
expect_contains out "divergence  collectives: rank 2: collectives of compile #1: all_reduce_.default where the majority has all_reduce_.default wait_tensor.default"
expect_contains out "divergence  tensor_meta: rank 2: tensor metadata of compile #1: "
expect_contains out "runtime     0/0: rank 0 6.916 ms, rank 1 6.916 ms, rank 2 9.916 ms (delta 3.000 ms: fastest rank 0, slowest rank 2)"
expect_contains out "unknown envelope fields (records read without them): graph_id 1"
expect_contains out "problems    none"

cli import "$TMP/run" --no-record --json
expect_rc 0
json_check '
dv = {x["aspect"]: x for x in d["divergence"]}
if sorted(dv) != ["collectives", "tensor_meta"]: print("aspects:", sorted(dv))
elif dv["collectives"]["ranks"] != [2] or dv["collectives"]["majority"] != [0, 1]: print("collectives:", dv["collectives"])
rt = d["runtime"]
if len(rt) != 1 or rt[0]["compile_id"] != "0/0" or rt[0]["slowest_rank"] != 2 or abs(rt[0]["delta_ms"] - 3.0) > 1e-9: print("runtime:", rt)
r = d["ranks"]
if abs(r[0]["summary"]["estimated_runtime_ms"] - 6.916) > 1e-3: print("rank 0 runtime:", r[0]["summary"])
ind = r[2]["session"]["compiles"][0]["inductor"]
if ind["collectives"] != ["torch.ops._c10d_functional.all_reduce_.default"] or not ind["has_collectives"]: print("inductor:", ind)
if len(ind["tensor_meta"]) != 16: print("tensor_meta:", ind["tensor_meta"])
'

# Stored and read back: the history keeps them (schema 11), the report lists the runtimes.
cli import "$TMP/run" --db "$DB"
expect_rc 0
cli sessions export 3 --db "$DB" --json
expect_rc 0
json_check '
ind = d["compiles"][0]["inductor"]
if ind["collectives"] != ["torch.ops._c10d_functional.all_reduce_.default"] or abs(ind["runtime_ms"] - 9.915841) > 1e-9: print("stored:", ind)
'

# A cut .gz: exit 1, and with --json the interrupted session of what was read.
gzip -c "$TMP/run/dedicated_log_torch_trace_rank_0.log" >"$TMP/whole.gz"
head -c $(($(stat -c %s "$TMP/whole.gz") * 3 / 4)) "$TMP/whole.gz" >"$TMP/cut.log.gz"
cli import "$TMP/cut.log.gz" --no-record --json
expect_rc 1
expect_contains err "truncated: the gzip stream ends in the middle of a member"
json_check '
if d["session"]["status"] != "interrupted": print("status:", d["session"]["status"])
'
finish
