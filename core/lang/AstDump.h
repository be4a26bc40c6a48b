#pragma once
// Text form of an AST in the style of CPython's ast.dump(tree) (3.13, show_empty=False):
// `Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Constant(value=1)]))])`.
// Fields that are null or empty lists are left out; Constant values, FormattedValue
// conversions (as ints, -1 for none) and ImportFrom levels are always shown. Our additions
// to CPython's shapes: FormattedValue `debug='x='` for f"{x=}" (CPython stores that text as a
// Constant before the field) and FunctionDef `generator=True`. Locations are not shown.
// Used by tests and by anyone debugging the parser.
#include <string>

#include "core/lang/Ast.h"

namespace gs::lang {

std::string dumpAst(const Module& module);
std::string dumpAst(const Stmt& stmt);
std::string dumpAst(const Expr& expr);

// Python's repr() of a str / bytes / float value, as the dump prints constants.
std::string pythonRepr(const std::string& utf8, bool bytes = false);
std::string pythonFloatRepr(double v);

} // namespace gs::lang
