# Colour follows the usual habits: diagnostics are coloured only when standard error is a
# terminal, never with NO_COLOR set (to anything non-empty) or TERM=dumb, and never in a pipe or a file.
source "$(dirname "$0")/lib.sh" "$@"

printf 'x = (\n' >"$TMP/bad.py"
ESC=$'\033'
# on_tty ENV...: runs `run bad.py` with stderr on a pseudo-terminal (script(1)), output in $OUT.
on_tty() {
    LAST="(on a terminal) $* guardscope-cli run bad.py"
    set +e
    env "$@" script -qec "'$CLI' run '$TMP/bad.py' --no-record" /dev/null >"$OUT" 2>"$ERR"
    RC=$?
    set -e
}
if ! command -v script >/dev/null; then
    echo "colour: script(1) not installed, the terminal cases are not checked" >&2
else
    on_tty TERM=xterm NO_COLOR=
    expect_rc 2
    expect_contains out "bad.py:1:6: ${ESC}[1;31merror:${ESC}[0m unexpected EOF"
    expect_contains out "${ESC}[1;32m     ^${ESC}[0m"
    on_tty TERM=xterm NO_COLOR=1
    expect_not_contains out "$ESC"
    expect_contains out "bad.py:1:6: error: unexpected EOF"
    on_tty TERM=dumb NO_COLOR=
    expect_not_contains out "$ESC"
fi
cli run "$TMP/bad.py" --no-record
expect_rc 2
expect_not_contains err "$ESC"
expect_contains err "bad.py:1:6: error: unexpected EOF"
finish
