# The README's examples work in a fresh clone: every repository path they name exists, no example
# points into ../shared (which a clone does not have), and the quick-start scenario runs.
source "$(dirname "$0")/lib.sh" "$@"

README=$SRC/README.md
# Paths in code blocks and `inline code`, relative to the repository root.
paths=$(awk '/^```/ {code = !code; next} code {print; next} {while (match($0, /`[^`]+`/)) {print substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH)}}' "$README" |
        grep -oE '(^|[ (=])(\./)?(resources|tests|docs|packaging|scripts|core|ui|app)/[A-Za-z0-9_./*-]*[A-Za-z0-9_*]' |
        sed -E 's/^[ (=]//; s|^\./||' | sort -u)
[[ -n $paths ]] || fail "found no repository paths in $README"
for p in $paths; do
    # shellcheck disable=SC2086  # globs such as docs/screenshots/*.png expand on purpose
    compgen -G "$SRC/$p" >/dev/null || fail "README names $p, which does not exist in the repository"
done
examples=$(awk '/^```/ {code = !code; next} code' "$README")
if grep -n '\.\./shared' <<<"$examples"; then
    fail "a README example points into ../shared, which a fresh clone does not have"
fi
cli run "$SRC/resources/demos/automatic_dynamic.py" --no-record --log recompiles --summary
expect_rc 0
expect_contains err "Recompiling function"
finish
