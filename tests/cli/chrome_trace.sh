# `guardscope-cli export ID --chrome-trace OUT.json` (issue 11 item 5): the compile timeline as
# Chrome trace JSON (ui.perfetto.dev, chrome://tracing).
#  - a scenario: valid JSON {"traceEvents": [...]}, one complete `dynamo` span per compile in
#    compile order, not overlapping, a `recompile` mark with the reason at each recompile;
#  - an imported log (../shared, when there): exactly the log's chromium_event records, each
#    begin with its end;
#  - bad input: neither output named (usage), a folder that does not exist (error, no file).
source "$(dirname "$0")/lib.sh" "$@"

cli run "$DEMOS/automatic_dynamic.py" --db "$DB"
id=$(recorded_id)
cli export "$id" --db "$DB" --chrome-trace "$TMP/scenario.json"
expect_rc 0
expect_contains out "scenario.json"
cli sessions export "$id" --db "$DB" --json
problems=$(python3 - "$OUT" "$TMP/scenario.json" <<'PYEOF'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    t = json.load(open(sys.argv[2], encoding="utf-8"))
except Exception as e:
    print("not JSON:", e); sys.exit()
ev = t.get("traceEvents")
if not isinstance(ev, list):
    print("no traceEvents list"); sys.exit()
spans = [e for e in ev if e.get("ph") == "X" and e.get("name") == "dynamo"]
ids = [e["args"]["compile_id"] for e in spans]
want = [c["compile_id"] for c in s["compiles"]]
if ids != want:
    print("dynamo spans", ids, "for compiles", want)
for a, b in zip(spans, spans[1:]):
    if b["ts"] < a["ts"] + a["dur"]:
        print("spans overlap:", a, b)
marks = [e for e in ev if e.get("name") == "recompile" and e.get("ph") == "i"]
reasons = [r for r in s["recompiles"] if r["reasons"]]
if len(marks) != len(reasons):
    print(len(marks), "recompile marks for", len(reasons), "recompiles")
for m, r in zip(marks, reasons):
    if r["reasons"][0]["text"] not in m["args"].get("recompile_reason", ""):
        print("recompile mark without its reason:", m)
PYEOF
)
[[ -n $problems ]] && fail "the scenario's Chrome trace" "$problems"

LOG=$SHARED/traces/torch_trace/dedicated_log_torch_trace_rank_1.log
if [[ -f $LOG ]]; then
    cli import "$LOG" --db "$DB"
    lid=$(sed -n 's/^ *recorded as session \([0-9][0-9]*\) in .*$/\1/p' "$OUT" "$ERR" | head -1)
    cli export "$lid" --db "$DB" --chrome-trace "$TMP/log.json"
    expect_rc 0
    problems=$(python3 - "$LOG" "$TMP/log.json" <<'PYEOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
logged = []
for i, line in enumerate(lines):
    if '{"chromium_event": {}' in line:
        payload = []
        for more in lines[i + 1:]:
            if not more.startswith("\t"):
                break
            payload.append(more[1:])
        logged.append(json.loads("\n".join(payload)))
t = json.load(open(sys.argv[2], encoding="utf-8"))
ev = [e for e in t["traceEvents"] if e.get("ph") != "M"]
if ev != logged:
    print("the trace has %d events, the log %d chromium_event records (or they differ)" % (len(ev), len(logged)))
open_spans = {}
for e in ev:
    key = (e["name"], e.get("args", {}).get("compile_id"))
    if e["ph"] == "B":
        open_spans[key] = open_spans.get(key, 0) + 1
    elif e["ph"] == "E":
        open_spans[key] = open_spans.get(key, 0) - 1
bad = {k: v for k, v in open_spans.items() if v}
if bad:
    print("spans begun and not ended (or the reverse):", bad)
PYEOF
)
    [[ -n $problems ]] && fail "the imported log's Chrome trace" "$problems"
else
    echo "note: $LOG is not there; the logged-events half is not checked" >&2
fi

cli export "$id" --db "$DB"
expect_rc 2
cli export "$id" --db "$DB" --chrome-trace "$TMP/no/such/folder/t.json"
expect_rc 1
expect_contains err "no/such/folder"
[[ -e $TMP/no ]] && fail "a failed export left $TMP/no behind"

finish
