#pragma once
// Walks a parsed scenario (core/lang AST) for the fix advisor: every statement with the body
// that holds it and the function it is in, and every expression under a statement, in source
// order. Read-only; the AST is never changed — fixes are text edits (ScenarioEdit).
#include <functional>

#include "core/lang/Ast.h"

namespace gs::advisor {

struct StmtContext {
    const lang::Stmt* stmt = nullptr;
    const lang::Body* body = nullptr;           // the block the statement is in
    const lang::FunctionDef* function = nullptr; // innermost enclosing def (null at module level)
    const lang::ClassDef* cls = nullptr;         // innermost enclosing class (null outside)
    int depth = 0;                               // block nesting (0 = module level)
};

class AstWalk {
public:
    // Every statement of `body` and of the blocks nested in it, parents before children.
    static void statements(const lang::Body& body, const std::function<void(const StmtContext&)>& visit);
    // The expressions a statement evaluates directly (not those of nested blocks or defs, whose
    // statements `statements` visits on their own), each with every sub-expression, outer first.
    static void expressions(const lang::Stmt& stmt, const std::function<void(const lang::Expr&)>& visit);
    // `expr` and every sub-expression, outer first (lambda and comprehension bodies included).
    static void expression(const lang::Expr& expr, const std::function<void(const lang::Expr&)>& visit);
    // The dotted text of a Name/Attribute chain ("torch._dynamo.config.x"), "" for anything else.
    static std::string dottedName(const lang::Expr& expr);
};

} // namespace gs::advisor
