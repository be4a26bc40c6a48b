#pragma once
// Closure-compiled function bodies (internal to the runtime). The Compiler turns the AST of a
// function or lambda into a tree of small nodes, each holding a pointer to the C++ function that
// runs it, specialised for what the node is: a local slot, an int constant, `a < b` with a local
// on the left, a call of a scenario function with positional arguments, `self.x` on a plain
// instance... What is not specialised runs the tree-walking Evaluator on the node's own AST, so
// every construct keeps the tree-walker's semantics, messages and error locations:
//   * the frame's line is set where the tree-walker sets it (each statement, each call, each loop
//     iteration), so tracebacks and limit messages name the same file:line;
//   * every statement, loop iteration and call costs one step, as in Evaluator::exec;
//   * a node only delegates to the Evaluator before it has evaluated anything of its own, so no
//     sub-expression runs twice.
// Nodes own no Values: constants that are objects are kept alive by the interpreter, caches hold
// raw pointers validated by versions (as the AST's InlineCache does), so compiled code may be
// freed at any time, and after the interpreter's heap.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/lang/Ast.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;
class Dict;
struct XExpr;
struct XStmt;

using XEvalFn = Value (*)(const XExpr*, Frame&);
using XTestFn = bool (*)(const XExpr*, Frame&);
using XExecFn = ExecStatus (*)(const XStmt*, Frame&);

struct XNode {
    virtual ~XNode() = default;
};

struct XExpr : XNode {
    XEvalFn eval = nullptr;
    XTestFn test = nullptr;  // evaluates and returns truthiness (conditions need no bool Value)
    Interpreter* I = nullptr;
    const lang::Expr* ast = nullptr;
    int slot = -1;           // >= 0: the expression is this local slot (parents read it in place)
};

// A child expression's value; a bound local is read without a call.
inline Value evalChild(const XExpr* x, Frame& f) {
    if (x->slot >= 0) {
        const Value& v = f.fast[x->slot];
        if (!v.isNull()) [[likely]]
            return v;
    }
    return x->eval(x, f);
}

struct XStmt : XNode {
    XExecFn exec = nullptr;
    Interpreter* I = nullptr;
    const lang::Stmt* ast = nullptr;
    int line = 0;
};

// A statement list: pointers into the owning CompiledCode.
struct XBody {
    const XStmt* const* stmts = nullptr;
    uint32_t size = 0;
};

// One compiled function or lambda body. Owns its nodes.
class CompiledCode {
public:
    ExecStatus run(Frame& f) const;  // function bodies: runs the statements
    Value evalLambda(Frame& f) const { return lambda->eval(lambda, f); }

    XBody body;
    const XExpr* lambda = nullptr;

    template <class T> T* make() {
        auto p = std::make_unique<T>();
        T* raw = p.get();
        nodes_.push_back(std::move(p));
        return raw;
    }
    // Stable storage for node pointer arrays (bodies, call arguments).
    const XExpr* const* exprs(std::vector<const XExpr*> items) { return exprArrays_.emplace_back(std::move(items)).data(); }
    const XStmt* const* stmts(std::vector<const XStmt*> items) { return stmtArrays_.emplace_back(std::move(items)).data(); }

private:
    std::vector<std::unique_ptr<XNode>> nodes_;
    std::vector<std::vector<const XExpr*>> exprArrays_;
    std::vector<std::vector<const XStmt*>> stmtArrays_;
};

inline ExecStatus runBody(const XBody& b, Frame& f) {
    for (uint32_t i = 0; i < b.size; ++i) {
        const XStmt* s = b.stmts[i];
        ExecStatus st = s->exec(s, f);
        if (st != ExecStatus::Normal) return st;
    }
    return ExecStatus::Normal;
}

inline ExecStatus CompiledCode::run(Frame& f) const { return runBody(body, f); }

template <class Fill> Value Evaluator::invoke(Function* fn, Fill&& fill) {
    const CodeInfo* code = fn->code;
    checkCallLimits();
    auto n = static_cast<size_t>(code->nlocals);
    ValueStack& stack = *stack_;
    Value* fast = stack.alloc(n);
    struct Slots {
        ValueStack& stack;
        Value* fast;
        size_t n;
        ~Slots() { stack.release(fast, n); }
    } slots{stack, fast, n};
    fill(fast);
    if (!code->cellSlots.empty()) [[unlikely]]
        makeCells(code, fast);
    if (Interpreter::CallInterceptor* ic = I.callInterceptor()) [[unlikely]] {
        Value r;
        if ((*ic)(fn, fast, r)) return r;  // the engine ran a cached entry (run-only mode)
    }
    Frame fr;
    fr.code = code;
    fr.fast = fast;
    fr.func = fn;
    fr.globals = fn->globals.get();
    fr.closure = fn->closure.data();
    fr.line = code->firstLine;
    I.pushFrame(&fr);
    struct Pop {
        Interpreter& I;
        ~Pop() { I.popFrame(); }
    } pop{I};
    // Compiled code when nobody observes; a tracer sees the tree-walker's every step.
    const CompiledCode* cc = nullptr;
    if (TraceObserver* obs = I.observer()) [[unlikely]] {
        obs->onFunctionEnter(fn);
    } else {
        cc = code->compiled.get();
        if (!cc) [[unlikely]]
            cc = compiledCode(code);
    }
    try {
        if (!cc) [[unlikely]]
            runTree(code, fr);
        else if (cc->lambda)
            fr.retval = cc->evalLambda(fr);
        else if (cc->run(fr) != ExecStatus::Return)
            fr.retval = Value::none();
    } catch (PyError& e) {
        I.addTraceback(e.exception(), fr);
        if (TraceObserver* o = I.observer()) o->onFunctionExit(fn);
        throw;
    }
    if (TraceObserver* o = I.observer()) [[unlikely]]
        o->onFunctionExit(fn);
    return std::move(fr.retval);
}

} // namespace gs::runtime
