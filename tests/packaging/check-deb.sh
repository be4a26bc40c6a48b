#!/usr/bin/env bash
# check-deb.sh BUILD_DIR SOURCE_DIR: builds the .deb with CPack, extracts it into a temporary
# folder and checks what a Debian user would: the files a desktop package ships, the programs
# running from the extracted tree (--version, a shipped demo), lintian (no errors, no warnings),
# desktop-file-validate and appstreamcli. A missing checker is reported and its check skipped.
set -uo pipefail
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gs-deb-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export XDG_DATA_HOME=$TMP/xdg QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$TMP/run LC_ALL=C.UTF-8
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
FAILURES=0
fail() { FAILURES=$((FAILURES + 1)); printf 'FAIL [package_deb] %s\n' "$@" >&2; }

# The package goes to its own folder, so a run never reads an older .deb.
if ! (cd "$BUILD" && cpack -G DEB -B "$TMP/out" >"$TMP/cpack.log" 2>&1); then
    cat "$TMP/cpack.log" >&2
    echo "package_deb: cpack failed" >&2
    exit 1
fi
DEB=$(ls "$TMP"/out/guardscope_*_amd64.deb "$TMP"/out/guardscope_*.deb 2>/dev/null | head -n 1)
[[ -n $DEB ]] || { echo "package_deb: cpack wrote no .deb" >&2; exit 1; }
ROOT=$TMP/root
dpkg-deb -x "$DEB" "$ROOT" || { echo "package_deb: dpkg-deb -x failed" >&2; exit 1; }

for f in usr/bin/guardscope usr/bin/guardscope-cli \
         usr/share/man/man1/guardscope.1.gz usr/share/man/man1/guardscope-cli.1.gz \
         usr/share/doc/guardscope/copyright usr/share/doc/guardscope/changelog.gz \
         usr/share/applications/io.guardscope.Guardscope.desktop \
         usr/share/metainfo/io.guardscope.Guardscope.metainfo.xml \
         usr/share/bash-completion/completions/guardscope-cli \
         usr/share/icons/hicolor/scalable/apps/guardscope.svg \
         usr/share/icons/hicolor/48x48/apps/guardscope.png \
         usr/share/icons/hicolor/256x256/apps/guardscope.png \
         usr/share/guardscope/demos/automatic_dynamic.py; do
    [[ -s $ROOT/$f ]] || fail "the package lacks /$f"
done
for gz in usr/share/man/man1/guardscope.1.gz usr/share/man/man1/guardscope-cli.1.gz usr/share/doc/guardscope/changelog.gz; do
    gzip -t "$ROOT/$gz" 2>/dev/null || fail "/$gz is not gzip"
done
control=$(dpkg-deb -f "$DEB")
grep -q '^Depends: .*libqt6widgets6' <<<"$control" || fail "Depends (from dpkg-shlibdeps) lacks libqt6widgets6: $control"
grep -q '^Recommends: .*fonts-noto-cjk' <<<"$control" || fail "Recommends lacks fonts-noto-cjk"
grep -q '^Recommends: .*graphviz' <<<"$control" || fail "Recommends lacks graphviz"

# The extracted programs run (their libraries come from the system, as after dpkg -i).
version=$("$ROOT/usr/bin/guardscope-cli" --version 2>&1) || fail "extracted guardscope-cli --version failed: $version"
[[ $version =~ ^guardscope-cli\ [0-9]+\.[0-9]+\.[0-9]+\ \(git\ ([0-9a-f]{12}(-dirty)?|unknown)\)$ ]] ||
    fail "guardscope-cli --version printed '$version'"
gui_version=$("$ROOT/usr/bin/guardscope" --version 2>/dev/null) || fail "extracted guardscope --version failed"
[[ $gui_version =~ ^guardscope\ [0-9]+\.[0-9]+\.[0-9]+\ \(git\  ]] || fail "guardscope --version printed '$gui_version'"
out=$("$ROOT/usr/bin/guardscope-cli" run "$ROOT/usr/share/guardscope/demos/automatic_dynamic.py" --no-record --summary 2>&1)
rc=$?
[[ $rc -eq 0 ]] || fail "the shipped demo exited $rc: $out"
grep -q 'recompile' <<<"$out" || fail "the shipped demo's summary names no recompile: $out"

# The GUI's man page names every option `guardscope --help` lists.
gui_help=$("$ROOT/usr/bin/guardscope" --help 2>/dev/null)
gui_man=$(zcat "$ROOT/usr/share/man/man1/guardscope.1.gz" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g')
for o in $(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$gui_help" | sort -u); do
    grep -qF -- "$o" <<<"$gui_man" || fail "guardscope $o is not documented in guardscope.1"
done

if command -v lintian >/dev/null; then
    tags=$(lintian --allow-root --tag-display-limit 0 "$DEB" 2>&1 | grep -E '^[EW]: ')
    [[ -z $tags ]] || fail "lintian reports errors or warnings:" "$tags"
else
    echo "package_deb: lintian not installed, package policy not checked" >&2
fi
if command -v desktop-file-validate >/dev/null; then
    msg=$(desktop-file-validate "$ROOT/usr/share/applications/io.guardscope.Guardscope.desktop" 2>&1) ||
        fail "desktop-file-validate: $msg"
    [[ -z $msg ]] || fail "desktop-file-validate: $msg"
else
    echo "package_deb: desktop-file-validate not installed, .desktop not checked" >&2
fi
if command -v appstreamcli >/dev/null; then
    msg=$(appstreamcli validate --no-net "$ROOT/usr/share/metainfo/io.guardscope.Guardscope.metainfo.xml" 2>&1) ||
        fail "appstreamcli validate: $msg"
    grep -q '<screenshot' "$ROOT/usr/share/metainfo/io.guardscope.Guardscope.metainfo.xml" || fail "AppStream lists no screenshots"
    grep -q '<release version=' "$ROOT/usr/share/metainfo/io.guardscope.Guardscope.metainfo.xml" || fail "AppStream lists no release"
else
    echo "package_deb: appstreamcli not installed, AppStream metadata not checked" >&2
fi

if [[ $FAILURES -gt 0 ]]; then
    echo "package_deb: $FAILURES check(s) failed" >&2
    exit 1
fi
echo "package_deb: $(basename "$DEB") ok"
