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
std::string formatDiagnostic(const Diagnostic& d);

// Thrown by the lexer and parser. what() is the formatted diagnostic.
class SyntaxError : public std::runtime_error {
public:
    explicit SyntaxError(Diagnostic d);
    const Diagnostic& diagnostic() const { return diag_; }

private:
    Diagnostic diag_;
};

} // namespace gs::lang
