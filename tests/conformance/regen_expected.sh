#!/usr/bin/env bash
# Produces python/NAME.expected from python3 (run once when a script is added or changed; the
# files are committed). Each file is python3's stdout followed by a line "# exit: N".
set -u
cd "$(dirname "$0")/python"
for f in ${@:-*.py}; do
  name="${f%.py}"
  out=$(python3 "$PWD/$f" 2>/dev/null; echo "# exit: $?")
  printf '%s\n' "$out" > "$name.expected"
done
