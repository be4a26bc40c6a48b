#!/usr/bin/env bash
# Renders the application icon (resources/icons/guardscope.svg, the single source) into the PNG
# sizes the hicolor theme wants. A developer's tool (needs librsvg2-bin); the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in 16 22 24 32 48 64 128 256 512; do
  d=packaging/icons/hicolor/${s}x${s}/apps
  mkdir -p "$d"
  rsvg-convert -w "$s" -h "$s" resources/icons/guardscope.svg -o "$d/guardscope.png"
done
echo "render-icons: wrote packaging/icons/hicolor/*/apps/guardscope.png"
