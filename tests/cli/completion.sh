# bash completion (packaging/completion/guardscope-cli): commands, `sessions` subcommands and
# options come from the program's own --help, option values that are files complete as files.
source "$(dirname "$0")/lib.sh" "$@"

BIN=$TMP/bin
mkdir -p "$BIN"
ln -s "$CLI" "$BIN/guardscope-cli"
# complete WORD...: the candidates bash would offer for the last word.
complete_words() {
    PATH=$BIN:$PATH bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _guardscope_cli; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$SRC/packaging/completion/guardscope-cli" "$@" >"$OUT" 2>"$ERR"
    RC=$?
    LAST="complete: $*"
}

complete_words guardscope-cli ""
for c in run import export sessions bench --help --version; do expect_line out "$c"; done
complete_words guardscope-cli ru
expect_line out run
complete_words guardscope-cli run --max-d
expect_line out --max-depth
complete_words guardscope-cli run --log recompiles_v
expect_line out recompiles_verbose
complete_words guardscope-cli sessions ""
for s in list show delete rename export diff; do expect_line out "$s"; done
complete_words guardscope-cli sessions export --o
expect_line out --output
mkdir -p "$TMP/dbdir" && touch "$TMP/dbdir/history.db"
complete_words guardscope-cli run --db "$TMP/dbdir/hist"
expect_line out "$TMP/dbdir/history.db"
complete_words guardscope-cli run "$SRC/resources/demos/automatic_dyn"
expect_line out "$SRC/resources/demos/automatic_dynamic.py"
expect_empty err
finish
