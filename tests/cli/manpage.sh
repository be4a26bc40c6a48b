# The man page documents the program as it is: every command `guardscope-cli help` lists, every
# option each command's --help names (and every `sessions` subcommand), every exit status the
# program's help mentions. A new option without a line in packaging/man/guardscope-cli.1 fails here.
source "$(dirname "$0")/lib.sh" "$@"

MAN=$SRC/packaging/man/guardscope-cli.1
# The page as text: roff's \- and \(em become plain characters, font escapes go.
TEXT=$TMP/man.txt
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/-/g' -e 's/^\.[A-Z]* *//' "$MAN" >"$TEXT"

documented() { grep -qF -- "$1" "$TEXT"; }

cli help
expect_rc 0
mapfile -t COMMANDS < <(awk '/^Commands:/ {f = 1; next} f && /^  [a-z]/ {print $1}' "$OUT")
[[ ${#COMMANDS[@]} -gt 0 ]] || fail "guardscope-cli help listed no commands" "$(show_output)"
for c in "${COMMANDS[@]}"; do
    grep -qE "^\.BI? \"?$c( |\"|$)" "$MAN" || fail "command '$c' has no entry in $MAN"
    cli "$c" --help
    expect_rc 0
    for o in $(grep -oE -- '(^|[ [(,])--[a-z][a-z0-9-]*' "$OUT" | grep -oE -- '--[a-z0-9-]+' | sort -u); do
        [[ $o == --help || $o == --file || $o == --path || $o == --id ]] && continue  # positional in the synopsis
        documented "$o" || fail "option '$c $o' is not documented in $MAN"
    done
done
cli sessions --help
for sub in $(awk '/^Subcommands:/ {f = 1; next} f && /^  [a-z]/ {print $1} f && /^$/ {f = 0}' "$OUT"); do
    grep -qE "^\.BI? \"?$sub( |\"|$)" "$MAN" || fail "sessions subcommand '$sub' has no entry in $MAN"
    cli sessions "$sub" --help
    for o in $(grep -oE -- '(^|[ [(,])--[a-z][a-z0-9-]*' "$OUT" | grep -oE -- '--[a-z0-9-]+' | sort -u); do
        [[ $o == --help ]] && continue
        documented "$o" || fail "option 'sessions $sub $o' is not documented in $MAN"
    done
done
# Every exit status a help text names is in EXIT STATUS.
for c in "${COMMANDS[@]}"; do
    cli "$c" --help
    for code in $(grep -oE '(^|[ ,])[0-9]{1,3} (ok|failed|syntax|a limit|imported|unreadable|bad|not recorded|the run)' "$OUT" | grep -oE '^[ ,]?[0-9]+' | tr -d ' ,'); do
        awk '/^\.SH EXIT STATUS/ {f = 1; next} /^\.SH/ {f = 0} f' "$MAN" | grep -qx "\.B $code" ||
            fail "exit status $code (named by '$c --help') is missing from EXIT STATUS in $MAN"
    done
done
# The page itself is valid roff (groff warns about unknown macros and bad escapes).
if command -v groff >/dev/null; then
    for page in "$MAN" "$SRC/packaging/man/guardscope.1"; do
        warnings=$(groff -man -ww -z "$page" 2>&1 || true)
        [[ -z $warnings ]] || fail "groff warns about $page" "$warnings"
    done
else
    echo "manpage: groff not installed, roff syntax not checked" >&2
fi
finish
