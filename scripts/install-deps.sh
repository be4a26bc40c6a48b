#!/usr/bin/env bash
# Installs the Debian 12 packages Guardscope needs (run as root; uses sudo otherwise).
# Skips apt entirely when everything is already installed.
set -euo pipefail
PKGS=(cmake ninja-build g++ pkg-config python3
      qt6-base-dev qt6-svg-dev libqscintilla2-qt6-dev libgraphviz-dev graphviz libsqlite3-dev
      libboost-dev libboost-program-options-dev libboost-iostreams-dev libsimdjson-dev
      libzstd-dev zstd zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
      xvfb xauth ccache fonts-dejavu-core fonts-noto-cjk
      dpkg-dev file lintian desktop-file-utils appstream groff-base clang-tidy chromium)
# zstd: tests/cli/import_ranks cuts a compressed log.
# fonts-noto-cjk: the seed's Chinese comments render as text, not boxes (editor, screenshots).
# dpkg-dev, file: CPack's dpkg-shlibdeps; lintian, desktop-file-utils, appstream, groff-base:
# tests/packaging and tests/cli/manpage check the package and the man pages with them.
# clang-tidy: scripts/tidy.sh (ctest lint_tidy) checks the lines a commit changed (.clang-tidy).
# chromium: tests/cli/report renders the HTML report headless and checks the picture.
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A machine whose last dpkg run was interrupted refuses every install until it is finished;
# finishing it is what apt itself asks for ("run 'dpkg --configure -a'"), so do it first.
$SUDO dpkg --configure -a
apt_install() {
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$@"
}
# One retry: a mirror hiccup or a lock held by an unattended upgrade should not fail CI.
if ! apt_install "${missing[@]}"; then
  echo "install-deps: apt failed, retrying once in 20 s" >&2
  sleep 20
  $SUDO dpkg --configure -a
  apt_install "${missing[@]}"
fi
