#pragma once
// Helpers for runtime unit tests: run scenario source and capture print() output / errors.
#include <string>

#include "core/runtime/Interpreter.h"

namespace gs::runtime::test {

struct Captured {
    std::string out;
    std::string err;
    int rc = 0;
};

// Runs `source` in `interp` as __main__ like `python3 file` would (runMain) and captures output.
inline Captured run(Interpreter& interp, const std::string& source, const std::string& file = "scenario.py") {
    Captured c;
    interp.setOutput([&c](std::string_view s) { c.out += s; });
    interp.setErrorOutput([&c](std::string_view s) { c.err += s; });
    c.rc = interp.runMain(file, source);
    interp.setOutput(nullptr);
    interp.setErrorOutput(nullptr);
    return c;
}

inline Captured run(const std::string& source) {
    Interpreter interp;
    return run(interp, source);
}

} // namespace gs::runtime::test
