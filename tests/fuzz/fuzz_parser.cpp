// libFuzzer target for the scenario-language front end (core/lang): any byte sequence must
// either parse or raise a SyntaxError whose position lies inside the source; nothing else may
// escape (no crash, no other exception, no hang, no stack overflow).
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "core/lang/AstDump.h"
#include "core/lang/Parser.h"
#include "core/lang/Utf8.h"

namespace {

using namespace gs::lang;

// A diagnostic must point into the text it was raised for: line within the file, column at
// most one past the end of that line.
void checkDiagnostic(const SourceFile& file, const SyntaxError& e) {
    const Diagnostic& d = e.diagnostic();
    const int lines = file.lineCount();
    if (d.line < 1 || d.line > lines || d.col < 1) {
        std::fprintf(stderr, "diagnostic outside the source: %s\n", e.what());
        std::abort();
    }
    std::string_view text = file.line(d.line);
    if (d.line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (static_cast<size_t>(d.col) > utf8::countCodePoints(text) + 1) {
        std::fprintf(stderr, "column past the end of line %d: %s\n", d.line, e.what());
        std::abort();
    }
    (void)formatDiagnostic(d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string source(reinterpret_cast<const char*>(data), size);
    const SourceFile file("fuzz.py", source);
    try {
        auto module = parseModule(source, "fuzz.py");
        (void)dumpAst(*module);
    } catch (const SyntaxError& e) {
        checkDiagnostic(file, e);
    }
    try {
        auto expr = parseExpression(source, "fuzz.py");
        (void)dumpAst(*expr);
    } catch (const SyntaxError& e) {
        checkDiagnostic(file, e);
    }
    return 0;
}
