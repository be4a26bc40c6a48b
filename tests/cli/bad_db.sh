# A --db that is not a usable session database (random bytes, a truncated database, a folder):
# every `sessions` subcommand stops with a sentence naming the file and what to do (exit 1), and
# nothing touches the file. `run` still runs the scenario but warns on stderr that the session
# was not recorded and exits 4 (the documented "not recorded" status), never 0.
source "$(dirname "$0")/lib.sh" "$@"

# Random bytes.
head -c 3000 /dev/urandom >"$TMP/random.db"
cp "$TMP/random.db" "$TMP/random.orig"
# A real database cut short after its first page.
cli run "$DEMOS/automatic_dynamic.py" --db "$TMP/good.db"
expect_rc 0
head -c 4096 "$TMP/good.db" >"$TMP/truncated.db"
cp "$TMP/truncated.db" "$TMP/truncated.orig"

NOT_OURS="is not a Guardscope database (file is not a database). Choose another file with --db, or move this one aside and Guardscope will create a new one."
DAMAGED="is damaged (database disk image is malformed)"

check_sessions_refuse() {  # check_sessions_refuse DB EXPECTED_MESSAGE
    local sub
    for sub in "list" "show 1" "delete 1" "rename 1 title" "export 1 --json" "diff 1 1"; do
        # shellcheck disable=SC2086  # word splitting of $sub is intended
        cli sessions $sub --db "$1"
        expect_rc 1
        expect_empty out
        expect_contains err "guardscope-cli sessions ${sub%% *}: '$1' $2"
    done
}

check_sessions_refuse "$TMP/random.db" "$NOT_OURS"
check_sessions_refuse "$TMP/truncated.db" "$DAMAGED"
expect_contains err "Move it aside (mv '$TMP/truncated.db' '$TMP/truncated.db.broken')"

for f in random truncated; do
    cli run "$DEMOS/automatic_dynamic.py" --db "$TMP/$f.db"
    expect_rc 4
    expect_output out "graphs compiled: 2"
    expect_contains err "guardscope-cli run: warning: not recording this session: '$TMP/$f.db' "
    expect_not_contains err "recorded as session"
    cmp -s "$TMP/$f.db" "$TMP/$f.orig" || fail "$f.db was changed by guardscope-cli"
done

# A folder given as the database.
mkdir "$TMP/folder"
cli sessions list --db "$TMP/folder"
expect_rc 1
expect_contains err "'$TMP/folder' is a folder, not a session database. Name a file with --db, e.g. '$TMP/folder/sessions.db'."
cli run "$DEMOS/automatic_dynamic.py" --db "$TMP/folder"
expect_rc 4
expect_contains err "warning: not recording this session: '$TMP/folder' is a folder"
[[ -z $(ls -A "$TMP/folder") ]] || fail "run wrote into the folder given as --db: $(ls -A "$TMP/folder")"

# The good database still reads, after all that.
cli sessions list --db "$TMP/good.db"
expect_rc 0
expect_regex out "^1 +automatic_dynamic\.py +scenario .* complete +6 +2 +1$"

finish
