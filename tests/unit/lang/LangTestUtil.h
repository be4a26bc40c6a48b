#pragma once
// Helpers shared by the scenario-language tests.
#include <string>

#include "core/lang/AstDump.h"
#include "core/lang/Parser.h"

namespace gs::lang::test {

inline std::string dumpModule(const std::string& source) { return dumpAst(*parseModule(source, "t.py")); }

inline std::string dumpExpr(const std::string& source) { return dumpAst(*parseExpression(source)); }

// "FILE:LINE:COL: MESSAGE" of the SyntaxError the source raises, or "no error".
inline std::string errorOf(const std::string& source, const std::string& file = "t.py") {
    try {
        parseModule(source, file);
    } catch (const SyntaxError& e) {
        const Diagnostic& d = e.diagnostic();
        return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message;
    }
    return "no error";
}

// A source and the body of its expected `Module(body=[...])` dump. The expected dumps were
// produced by CPython 3.11's ast module (tests/data/lang/cpython_dump.py), not written by hand.
struct DumpCase {
    const char* name;
    const char* source;
    const char* body;
};

inline std::string caseName(const DumpCase& c) { return c.name; }

} // namespace gs::lang::test
