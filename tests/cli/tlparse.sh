# Our TORCH_TRACE exports read in tlparse (PyTorch users' own report tool, ../shared/tools) as
# PyTorch's logs do (issue 16):
#  - each sample log of ../shared/traces/torch_trace, imported and exported again, gives the same
#    compile_directory.json as the original (per compile id, the same artifacts in the same order,
#    cache results included) and the same stack trie (frames, compile links and their statuses);
#  - the export of every demo and of the seed is read without an error, with every compile of
#    the session in compile_directory.json, each with its graph, guards and metrics, and a stack
#    trie that points at the scenario file.
# Skipped (exit 77) with the reason when tlparse is not there.
source "$(dirname "$0")/lib.sh" "$@"

TLPARSE=$SHARED/tools/tlparse
if [[ ! -x $TLPARSE ]]; then
    echo "SKIP: $TLPARSE is not there (tlparse 0.4.3 from ../shared/tools); nothing to check against" >&2
    exit 77
fi

# tlparse LOG OUTDIR: runs tlparse; its exit code in $TL_RC, its output in OUTDIR.tlparse (not
# OUTDIR.log: that name may be the log being read).
tl() {
    set +e
    "$TLPARSE" "$1" -o "$2" --overwrite --no-browser >"$2.tlparse" 2>&1
    TL_RC=$?
    set -e
}

# What we compare of a tlparse report, one line per fact: every compile id of
# compile_directory.json with its artifacts (the name without tlparse's running number and
# extension, plus the cache-result mark), then the stack trie as tlparse renders it.
report_facts() {
    python3 - "$1" <<'EOF'
import json, re, sys
out = sys.argv[1]
d = json.load(open(out + "/compile_directory.json", encoding="utf-8"))
for cid, entry in d.items():
    kinds = [re.sub(r"_\d+\.[a-z]+$", "", a["name"]) + a.get("suffix", "") for a in entry.get("artifacts", [])]
    print(cid, " ".join(kinds))
html = open(out + "/index.html", encoding="utf-8").read()
m = re.search(r"<div class='stack-trie'>(.*?)</div>", html, re.S)
print("stack trie:", m.group(1) if m else "(none)")
EOF
}

# --- every sample: import, export, and tlparse sees the same compiles, artifacts and stacks --
TRACES=$SHARED/traces/torch_trace
samples=0
if [[ -d $TRACES ]]; then
    for log in "$TRACES"/*.log; do
        name=$(basename "$log" .log)
        samples=$((samples + 1))
        tl "$log" "$TMP/orig-$name"
        if [[ $TL_RC -ne 0 ]]; then
            fail "tlparse fails on the original $name.log (exit $TL_RC)" "$(cat "$TMP/orig-$name.tlparse")"
            continue
        fi
        cli import "$log" --db "$DB"
        id=$(sed -n 's/^ *recorded as session \([0-9][0-9]*\) in .*$/\1/p' "$OUT" "$ERR" | head -1)
        if [[ $RC -ne 0 || -z $id ]]; then
            fail "import of $name.log did not record a session" "$(show_output)"
            continue
        fi
        cli export "$id" --db "$DB" --torch-trace "$TMP/ours-$name.log"
        expect_rc 0
        tl "$TMP/ours-$name.log" "$TMP/ours-$name"
        if [[ $TL_RC -ne 0 ]]; then
            fail "tlparse fails on our export of $name.log (exit $TL_RC)" "$(cat "$TMP/ours-$name.tlparse")"
            continue
        fi
        report_facts "$TMP/orig-$name" >"$TMP/orig-$name.facts"
        report_facts "$TMP/ours-$name" >"$TMP/ours-$name.facts"
        if ! cmp -s "$TMP/orig-$name.facts" "$TMP/ours-$name.facts"; then
            fail "tlparse reads our export of $name.log differently from the original" \
                "--- diff (original -> ours):" "$(diff "$TMP/orig-$name.facts" "$TMP/ours-$name.facts" | head -40)"
        fi
    done
else
    echo "note: $TRACES is not there; only the scenario exports are checked" >&2
fi

# --- every demo and the seed: tlparse reads our export and finds every compile --------------
scenarios=("$DEMOS"/*.py)
[[ -f $SEED ]] && scenarios+=("$SEED")
for scenario in "${scenarios[@]}"; do
    name=$(basename "$scenario" .py)
    cli run "$scenario" --db "$DB"
    id=$(recorded_id)
    if [[ -z $id ]]; then
        fail "run of $name.py did not record a session" "$(show_output)"
        continue
    fi
    cli sessions export "$id" --db "$DB" --json
    cp "$OUT" "$TMP/$name.json"
    cli export "$id" --db "$DB" --torch-trace "$TMP/$name.log"
    expect_rc 0
    tl "$TMP/$name.log" "$TMP/tl-$name"
    if [[ $TL_RC -ne 0 ]]; then
        fail "tlparse fails on our export of $name.py (exit $TL_RC)" "$(cat "$TMP/tl-$name.tlparse")"
        continue
    fi
    problems=$(python3 - "$TMP/$name.json" "$TMP/tl-$name" "$scenario" <<'EOF'
import json, re, sys
session = json.load(open(sys.argv[1], encoding="utf-8"))
out, scenario = sys.argv[2], sys.argv[3]
d = json.load(open(out + "/compile_directory.json", encoding="utf-8"))
html = open(out + "/index.html", encoding="utf-8").read()
trie = re.search(r"<div class='stack-trie'>(.*?)</div>", html, re.S)
trie = trie.group(1) if trie else ""
stats = open(out + ".tlparse", encoding="utf-8").read()
# tlparse counts records it has no page for (create_symbol, ...) as "unknown"; PyTorch writes
# those too. Anything else it could not read is a failure of ours.
for m in re.finditer(r"(fail_\w+): (\d+)", stats):
    print("tlparse could not read %s record(s) of kind %s" % (m.group(2), m.group(1)))
def key(cid):
    return "[%s]" % cid
for c in session["compiles"]:
    cid = c["compile_id"]
    if key(cid) not in d:
        print("compile", cid, "is missing from compile_directory.json")
        continue
    if c["status"] == "limit_hit":
        continue  # PyTorch logs only the recompile reasons of a compile stopped by the limit
    kinds = [re.sub(r"_\d+\.[a-z]+$", "", a["name"]) for a in d[key(cid)]["artifacts"]]
    for want in ("dynamo_output_graph", "dynamo_cpp_guards_str", "compilation_metrics"):
        if c["status"] == "ok" and want not in kinds:
            print("compile", cid, "has no", want, "artifact:", kinds)
    if "'#%s'" % key(cid) not in trie:
        print("compile", cid, "is not in the stack trie")
if session["compiles"] and scenario not in trie:
    print("the stack trie does not name", scenario)
EOF
)
    if [[ -n $problems ]]; then
        fail "tlparse's report of our export of $name.py" "$problems"
    fi
done

echo "checked $samples sample logs and ${#scenarios[@]} scenarios against $TLPARSE"
finish
