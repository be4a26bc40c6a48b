#!/usr/bin/env bash
# Installs the Debian 12 packages Guardscope needs (run as root; uses sudo otherwise).
# Skips apt entirely when everything is already installed.
set -euo pipefail
PKGS=(cmake ninja-build g++ pkg-config python3
      qt6-base-dev qt6-svg-dev libqscintilla2-qt6-dev libgraphviz-dev graphviz libsqlite3-dev
      libboost-dev libboost-program-options-dev libboost-iostreams-dev libsimdjson-dev
      libzstd-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
      xvfb xauth ccache fonts-dejavu-core fonts-noto-cjk
      dpkg-dev file lintian desktop-file-utils appstream groff-base)
# fonts-noto-cjk: the seed's Chinese comments render as text, not boxes (editor, screenshots).
# dpkg-dev, file: CPack's dpkg-shlibdeps; lintian, desktop-file-utils, appstream, groff-base:
# tests/packaging and tests/cli/manpage check the package and the man pages with them.
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
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
