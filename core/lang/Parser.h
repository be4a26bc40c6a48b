#pragma once
// Parses scenario source into an AST (core/lang/Ast.h).
#include <memory>
#include <string>
#include <string_view>

#include "core/lang/Ast.h"
#include "core/lang/Diagnostic.h"

namespace gs::lang {

// Parses a whole file. Throws SyntaxError (with file:line:col) on malformed input; never
// crashes, whatever the bytes (fuzzed). Nesting deeper than kMaxNesting is a SyntaxError.
std::unique_ptr<Module> parseModule(std::string source, std::string fileName);

// Parses one expression (used by tests and by eval-like helpers).
ExprPtr parseExpression(std::string_view source, std::string fileName = "<expr>");

inline constexpr int kMaxNesting = 200;

// No parsed tree (statements and expressions together) is deeper than this, so code that
// walks the AST recursively (interpreter, resolver, dumper, destructors) stays well inside
// the stack. Long left-associative chains count too: `a + b + ... ` with more than ~1000
// operands, or 1000 `elif`s in one `if`, are "too deeply nested".
inline constexpr int kMaxTreeDepth = 1000;

} // namespace gs::lang
