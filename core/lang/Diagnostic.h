#pragma once
// Errors found in scenario source, with an exact position.
#include <memory>
#include <stdexcept>
#include <string>

#include "core/lang/Ast.h"

namespace gs::lang {

struct Diagnostic {
    std::string file;
    int line = 0;     // 1-based
    int col = 0;      // 1-based, in code points
    std::string message;
    std::string lineText;  // the offending line, without terminator
};

// `FILE:LINE:COL: error: MESSAGE` then the line and a caret under the column.
// The shown line has its tabs expanded to multiples of 8 and the caret is padded by the
// display width of what precedes it (East Asian wide characters take two cells), so it sits
// under the right character in a terminal. A line longer than about 160 characters is shown
// as a window around the column, with "..." where text was left out. No trailing newline.
std::string formatDiagnostic(const Diagnostic& d);

// A long line cut for echoing: at most `maxBytes` bytes from its start (on a UTF-8 boundary),
// then " ..." — a traceback of a 10 MB one-line file must not echo 10 MB per frame. Lines that
// fit are returned whole.
std::string clipLine(std::string_view line, size_t maxBytes = 200);

// A diagnostic for `file` at a 1-based line and code-point column (lineText filled in).
Diagnostic makeDiagnostic(const SourceFile& file, int line, int col, std::string message);

// Thrown by the lexer and parser. what() is the formatted diagnostic.
class SyntaxError : public std::runtime_error {
public:
    explicit SyntaxError(Diagnostic d);
    const Diagnostic& diagnostic() const { return diag_; }

private:
    Diagnostic diag_;
};

[[noreturn]] void throwSyntaxError(const SourceFile& file, int line, int col, std::string message);

} // namespace gs::lang
