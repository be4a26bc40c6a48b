#pragma once
// The scope resolver: decides for every name where it lives, the way CPython's symtable does
// (function locals -> fast slots, captured locals -> cells, enclosing variables -> closure
// entries, `global` / `nonlocal`, class bodies invisible to their methods, comprehensions as
// their own scope), and builds one CodeInfo per scope (stored in the AST's scopeInfo fields).
//
// Errors that CPython reports at compile time (nonlocal without binding, name both global and
// nonlocal) are thrown as lang::SyntaxError with the position.
#include <memory>

#include "core/lang/Ast.h"
#include "core/runtime/Function.h"

namespace gs::runtime {

class Interpreter;

class Resolver {
public:
    explicit Resolver(Interpreter& interp) : interp_(interp) {}
    // Resolves a whole module; returns the module's CodeInfo (also in module.scopeInfo).
    const CodeInfo* resolve(const lang::Module& module);

    // The CodeInfo the resolver attached to a scope node (null if unresolved).
    static const CodeInfo* codeOf(const std::shared_ptr<void>& scopeInfo) {
        return static_cast<const CodeInfo*>(scopeInfo.get());
    }

private:
    Interpreter& interp_;
};

} // namespace gs::runtime
