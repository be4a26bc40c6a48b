#pragma once
// A scenario interpreter with the torch bindings installed, capturing print() output, for the
// Torch*Test files.
#include <string>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Interpreter.h"

namespace gs::torch::test {

struct TorchHarness {
    runtime::Interpreter interp;  // declared first: destroyed after the context
    TorchContext ctx;
    std::string out;

    TorchHarness() {
        interp.setOutput([this](std::string_view s) { out += s; });
        installTorch(interp, ctx);
    }

    // Runs `source` as __main__ and returns what it printed.
    std::string run(const std::string& source) {
        out.clear();
        interp.runSource("scenario.py", source);
        return out;
    }

    // Runs `source`, expecting an uncaught exception: "TypeName: message" (empty if none).
    std::string error(const std::string& source) {
        out.clear();
        // The exception object must be released (and str() taken) with the interpreter current.
        runtime::InterpreterScope scope(interp);
        try {
            interp.runSource("scenario.py", source);
        } catch (const runtime::PyError& e) {
            return e.typeName() + ": " + e.message();
        }
        return {};
    }
};

} // namespace gs::torch::test
