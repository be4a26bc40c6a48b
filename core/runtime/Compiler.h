#pragma once
// Turns a function's or lambda's AST into compiled code (CompiledCode.h): picks for each node
// the specialised implementation its shape allows, and leaves the rest to the Evaluator.
#include <memory>

#include "core/runtime/CompiledCode.h"

namespace gs::runtime {

class Compiler {
public:
    explicit Compiler(Interpreter& I) : I_(I) {}
    // Null when the code is not a plain function or lambda body (generators, modules, classes
    // and comprehensions run in the Evaluator).
    std::unique_ptr<CompiledCode> compile(const CodeInfo* code);

private:
    const XExpr* expr(const lang::Expr* e);
    const XExpr* fallback(const lang::Expr* e);
    const XExpr* name(const lang::Name* n);
    const XExpr* constant(const lang::Constant* c);
    const XExpr* binary(const lang::Expr* e, const lang::Expr* l, const lang::Expr* r, bool compare);
    const XExpr* call(const lang::Call* c);
    XBody body(const lang::Body& b);
    const XStmt* stmt(const lang::Stmt* s);
    const XStmt* assign(const lang::Assign* a);
    const XStmt* augAssign(const lang::AugAssign* a);
    template <class T> T* node(const lang::Expr* e);
    template <class T> T* node(const lang::Stmt* s);

    Interpreter& I_;
    CompiledCode* out_ = nullptr;
};

} // namespace gs::runtime
