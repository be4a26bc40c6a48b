# `sessions list | show | rename | delete | export | diff` on sessions recorded by `run`: what
# `run` printed and what the history gives back later are the same.
source "$(dirname "$0")/lib.sh" "$@"

# The history does not exist yet: list says so (and creates nothing), show explains.
cli sessions list --db "$DB"
expect_rc 0
expect_output out "No sessions recorded yet ($DB does not exist)."
[[ ! -e $DB ]] || fail "sessions list created $DB"
cli sessions show 1 --db "$DB"
expect_rc 1
expect_contains err "there is no session database at '$DB'"

# Before and after a fix, from the same file: the demo as shipped, then with dynamic=True.
SCENARIO=$TMP/scale.py
cp "$DEMOS/automatic_dynamic.py" "$SCENARIO"
cli run "$SCENARIO" --db "$DB" --summary
expect_rc 0
expect_eq "first recorded id" 1 "$(recorded_id)"
tail -n +2 "$OUT" >"$TMP/summary_1.txt"  # the summary without the script's own output line
sed -i 's/torch.compile(scale, backend=cnt)/torch.compile(scale, backend=cnt, dynamic=True)/' "$SCENARIO"
grep -q 'dynamic=True)' "$SCENARIO" || fail "could not make the dynamic=True variant of the demo"
cli run "$SCENARIO" --db "$DB"
expect_rc 0
expect_output out "graphs compiled: 1"
expect_eq "second recorded id" 2 "$(recorded_id)"
# A third run with --json: what `run` printed must equal what `sessions export` gives back.
cli run "$DEMOS/recompile_limit.py" --db "$DB" --json
expect_rc 0
cp "$OUT" "$TMP/run_3.json"

# --- list -------------------------------------------------------------------------------------
cli sessions list --db "$DB"
expect_rc 0
expect_regex out "^ID +TITLE +KIND +WHEN \(UTC\) +STATUS +CALLS +COMPILES +RECOMPILES$"
expect_regex out "^1 +scale\.py +scenario +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} +complete +6 +2 +1$"
expect_regex out "^2 +scale\.py +scenario +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} +complete +6 +1 +0$"
expect_regex out "^3 +recompile_limit\.py +scenario +.* +complete +8 +3 +2$"
expect_eq "rows listed" 4 "$(wc -l <"$OUT")"

# --- show: exactly what `run --summary` printed for that run -----------------------------------
cli sessions show 1 --db "$DB"
expect_rc 0
expect_output out "$(cat "$TMP/summary_1.txt")"
expect_empty err

# --- export --json: the document `run --json` printed -------------------------------------------
cli sessions export 3 --json --db "$DB"
expect_rc 0
json_check '
run = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/run_3.json", encoding="utf-8"))  # in the folder of stdout
for k in sorted(set(run) | set(d)):
    if run.get(k) != d.get(k): print("export differs from run --json in %r" % k)
if d["session"]["id"] != 3: print("id:", d["session"]["id"])
'
cli sessions export 3 --json --db "$DB" -o "$TMP/export_3.json"
expect_rc 0
expect_empty out
expect_line err "Wrote session 3 to $TMP/export_3.json."
cmp -s "$TMP/export_3.json" <("$CLI" sessions export 3 --json --db "$DB") || fail "-o FILE differs from the export on stdout"
[[ ! -e $TMP/export_3.json.part ]] || fail "export left $TMP/export_3.json.part behind"
cli sessions export 3 --db "$DB"
expect_rc 2
expect_contains err "choose the format of the export: --json"

# --- rename -------------------------------------------------------------------------------------
cli sessions rename 1 "before: automatic dynamic" --db "$DB"
expect_rc 0
expect_output out 'Renamed session 1 to "before: automatic dynamic".'
cli sessions rename 2 "after: dynamic=True" --db "$DB"
expect_rc 0
cli sessions list --db "$DB"
expect_regex out "^1 +before: automatic dynamic +scenario .* complete +6 +2 +1$"
expect_regex out "^2 +after: dynamic=True +scenario .* complete +6 +1 +0$"
cli sessions show 1 --db "$DB"
expect_line out "Session 1: before: automatic dynamic"

# --- diff: before and after the fix ---------------------------------------------------------------
cli sessions diff 1 2 --db "$DB"
expect_rc 0
expect_line out "Comparing session #1 before: automatic dynamic (A) with session #2 after: dynamic=True (B)"
expect_regex out "^  calls +6 +6 +same$"
expect_regex out "^  compiles +2 +1 +-1$"
expect_regex out "^  recompiles +1 +0 +-1$"
expect_regex out "^  cache hits +4 +5 +\+1$"
expect_regex out "^  scale  $TMP/scale\.py:12 +2 compiles +1 compile$"  # same frame in both
expect_regex out "^  size_change +1 +0$"
expect_contains out "1 → 0  [size_change] tensor 'x' size mismatch at index 0. expected 2, actual 3"

# --- delete -------------------------------------------------------------------------------------
cli sessions delete 2 --db "$DB"
expect_rc 0
expect_output out "Deleted session 2 (after: dynamic=True)."
cli sessions list --db "$DB"
expect_regex out "^1 +before: automatic dynamic "
expect_regex out "^3 +recompile_limit\.py "
expect_not_contains out "after: dynamic=True"
cli sessions show 2 --db "$DB"
expect_rc 1
expect_contains err "there is no session 2 in '$DB'"
for sub in delete export diff rename; do
    case $sub in
        export) cli sessions export 2 --json --db "$DB" ;;
        diff) cli sessions diff 1 2 --db "$DB" ;;
        rename) cli sessions rename 2 "x" --db "$DB" ;;
        *) cli sessions "$sub" 2 --db "$DB" ;;
    esac
    expect_rc 1
    expect_contains err "no session 2"
done
cli sessions show 1 --db "$DB"  # the others are untouched
expect_rc 0
expect_output out "$(sed 's/^Session 1: scale\.py$/Session 1: before: automatic dynamic/' "$TMP/summary_1.txt")"

# --- bad ids and arguments: usage errors (exit 2) that say what is wrong ----------------------------
for bad in x 0 1.5 99999999999999999999; do
    cli sessions show "$bad" --db "$DB"
    expect_rc 2
done
cli sessions show x --db "$DB"
expect_contains err "'x' is not a session id"
cli sessions show --db "$DB"
expect_rc 2
expect_contains err "\`sessions show\` takes ID"
cli sessions show 1 3 --db "$DB"
expect_rc 2
expect_contains err "unexpected '3'"
cli sessions list extra --db "$DB"
expect_rc 2

finish
