#!/bin/sh
# The CLI, the GUI and the recording layer embed the interpreter through its host API
# (core/runtime/Interpreter.h) only. This fails, listing the lines, when one of them reaches for
# the internals (core/runtime/InterpreterCore.h, core(I)): give Interpreter a public member
# for what the host needs instead (docs/ARCHITECTURE.md, "Layers").
cd "$(dirname "$0")/.." || exit 2
hits=$(grep -rnE --include='*.h' --include='*.cpp' 'InterpreterCore|(^|[^A-Za-z0-9_:.>])core[(]' app ui core/record)
if [ -n "$hits" ]; then
    printf '%s\n' "$hits"
    echo "check-host-api: app/, ui/ and core/record must use only the interpreter's host API (Interpreter.h)" >&2
    exit 1
fi
echo "check-host-api: app/, ui/ and core/record use only the interpreter's host API"
