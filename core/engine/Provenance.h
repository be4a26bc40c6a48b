#pragma once
// Where a guard or symbol came from in the scenario: the user frame that caused it.
#include <string>

namespace gs::engine {

struct Provenance {
    std::string userCode;   // the source line's text, stripped
    std::string file;       // scenario file path
    int line = 0;           // 0: created by the framework, no user line
    std::string function;   // function name of that frame

    bool empty() const { return line == 0; }
    // The last two components of a path (PyTorch's format_frame).
    static std::string shortPath(const std::string& file);
    // `seeds/test_recompiles.py:83 in foo` (last two path components, as PyTorch's format_frame)
    std::string frameText() const;
    // `  # <userCode>  # <file>:<line> in <fn>`, or "" when empty (dynamo-semantics §2.1)
    std::string comment() const;
};

} // namespace gs::engine
