#pragma once
// The tree-walking evaluator (internal to the runtime). Statements return an ExecStatus so that
// break / continue / return never use C++ exceptions; Python exceptions travel as PyError.
// Locals live in a per-interpreter value stack (fast slots assigned by the Resolver).
#include <memory>
#include <new>
#include <vector>

#include "core/lang/Ast.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Function.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;
class Dict;
class Type;

struct Frame {
    const CodeInfo* code = nullptr;
    Value* fast = nullptr;          // nlocals slots (cells for captured variables)
    Function* func = nullptr;       // null for module code, class bodies, comprehensions
    Dict* globals = nullptr;
    Dict* classNs = nullptr;        // class bodies: the namespace being built
    const Value* closure = nullptr; // cells, in code->freeNames order
    Frame* back = nullptr;
    int line = 0;
    Value classCell;                // handed to functions defined here (zero-argument super())
    Value retval;
    class Generator* generator = nullptr;  // the generator whose body this frame runs
    bool scenario = true;           // has a scenario location (false for native pseudo-frames)
};

enum class ExecStatus : uint8_t { Normal, Return, Break, Continue };

// Chunked stack of local-variable slots; released slots are reset to Null. alloc/release of the
// current chunk are inline: every call takes and gives back its frame's slots here.
class ValueStack {
public:
    explicit ValueStack(size_t chunk = 16384);
    ~ValueStack();
    Value* alloc(size_t n) {
        if (current_ < chunks_.size()) {
            Chunk& c = chunks_[current_];
            if (c.used + n <= c.size) {
                Value* p = c.data.get() + c.used;
                c.used += n;
                return p;
            }
        }
        return allocSlow(n);
    }
    void release(Value* p, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            p[i].~Value();
            new (p + i) Value();
        }
        Chunk& c = chunks_[current_];
        if (p >= c.data.get() && p < c.data.get() + c.size) {
            c.used = static_cast<size_t>(p - c.data.get());
            return;
        }
        releaseSlow(p);
    }

private:
    struct Chunk {
        std::unique_ptr<Value[]> data;
        size_t size = 0;
        size_t used = 0;
    };
    Value* allocSlow(size_t n);
    void releaseSlow(Value* p);
    std::vector<Chunk> chunks_;
    size_t current_ = 0;
    size_t chunk_;
};

class CompiledCode;

class Evaluator {
public:
    explicit Evaluator(Interpreter& in);

    Value eval(const lang::Expr* e, Frame& f);
    bool evalCondition(const lang::Expr* e, Frame& f);  // the truth of a condition
    ExecStatus exec(const lang::Stmt* s, Frame& f);
    ExecStatus execBody(const lang::Body& body, Frame& f);
    void assign(const lang::Expr* target, const Value& v, Frame& f);

    // Runs module-level code in `globals`.
    void runModuleCode(const CodeInfo* code, Dict* globals);
    Value callFunction(Function* fn, const CallArgs& args);
    Value makeGenerator(Function* fn, const CallArgs& args);
    // Fast path of `f(a, b)` / `obj.m(a)`: arguments are evaluated straight into the callee's
    // local slots (plain positional signature, no generator).
    Value callDirect(Function* fn, Value* self, const std::vector<lang::ExprPtr>& argExprs, Frame& f);
    // The call protocol every scenario function call goes through: limits, fresh local slots
    // filled by fill(fast) (the arguments), cells, a new frame, the body (compiled when nobody
    // observes), the traceback entry on an exception, observer callbacks. Defined in
    // CompiledCode.h.
    template <class Fill> Value invoke(Function* fn, Fill&& fill);
    // Depth, generator stack and step accounting of every call (the common case inline).
    void checkCallLimits() {
        // The stack check is one compare: stackLimit_ is the thread's lowest safe address
        // (MachineStack), or a generator's while it runs on its own stack.
        char probe;
        if (I.depth() >= I.limits().maxDepth || &probe < I.stackLimit_) [[unlikely]]
            callLimitsSlow();
        I.step();
    }
    // Builds the value of a class statement body run in `ns` (used by type(name, bases, ns)).
    Value makeClass(const std::string& name, const std::string& qualname, std::vector<Type*> bases,
                    Dict* ns, const std::string& module);
    ValueStack& stack() { return *stack_; }
    void notifyIterate(TraceObserver* o, const Value& v);

    // The compiled form of a function or lambda body (made on its first call), or null when it
    // cannot be compiled (generators).
    const CompiledCode* compiledCode(const CodeInfo* code);

    // Shared with compiled code (CompiledCode.h), which takes the same slow paths.
    Value evalBinOp(lang::BinOpKind op, const Value& l, const Value& r);
    Value evalConstant(const lang::Constant* c);

private:
    void callLimitsSlow();
    void makeCells(const CodeInfo* code, Value* fast);
    [[gnu::noinline]] void runTree(const CodeInfo* code, Frame& fr);  // the body in the tree-walker
    [[gnu::noinline]] Value evalOther(const lang::Expr* e, Frame& f);
    Value evalName(const lang::Name* n, Frame& f);
    void storeName(const lang::Name* n, const Value& v, Frame& f);
    void deleteName(const lang::Name* n, Frame& f);
    void storeRef(const NameRef& r, const Value& v, Frame& f);
    Value loadGlobal(const lang::Name* n, Frame& f);
    Value evalCall(const lang::Call* c, Frame& f);
    Value evalCallGeneric(const lang::Call* c, Frame& f, const Value& callee, Value& self);
    Value evalAttribute(const lang::Attribute* a, Frame& f);
    // Class attribute `name` of t through a per-site cache (valid while the type epoch holds);
    // sets dataDescr. Returns false when the site cannot be cached (an inline class value).
    bool cachedTypeAttr(Type* t, Str* name, lang::InlineCache& ic, Object*& descr, bool& dataDescr);
    Value loadAttr(const Value& obj, Str* name, lang::InlineCache& ic);
    void storeAttr(const Value& obj, Str* name, lang::InlineCache& ic, const Value& v);
    Value evalSubscript(const lang::Subscript* s, Frame& f);
    Value evalSliceKey(const lang::Expr* e, Frame& f);
    Value evalCompare(const lang::Compare* c, Frame& f);
    Value evalJoinedStr(const lang::JoinedStr* j, Frame& f);
    Value evalFormattedValue(const lang::FormattedValue* fv, Frame& f);
    // The text of one f-string field; `lazy` (in a JoinedStr) collects the values shown by a
    // tracer's hint instead of being used.
    std::string formatValue(const lang::FormattedValue* fv, Frame& f, std::vector<Value>* lazy);
    Value evalComprehension(const lang::Comp* c, Frame& f);
    void compLoop(const lang::Comp* c, size_t level, Frame& cf, const Value& result);
    Value evalLambda(const lang::Lambda* l, Frame& f);
    Value makeFunction(const CodeInfo* code, const lang::Arguments& args, Frame& f);
    // The cells a child scope's closure takes from frame f (CodeInfo::closureSources).
    std::vector<Value> closureFor(const CodeInfo* code, Frame& f);
    std::vector<Value> evalSeqElements(const std::vector<lang::ExprPtr>& elts, Frame& f);
    void unpackTo(const std::vector<lang::ExprPtr>& targets, const Value& v, Frame& f);

    [[gnu::noinline]] ExecStatus execOther(const lang::Stmt* s, Frame& f);
    ExecStatus execFor(const lang::For* s, Frame& f);
    ExecStatus execWhile(const lang::While* s, Frame& f);
    ExecStatus execTry(const lang::Try* s, Frame& f);
    ExecStatus execTryBody(const lang::Try* s, Frame& f);
    ExecStatus execWith(const lang::With* s, size_t item, Frame& f);
    void execRaise(const lang::Raise* s, Frame& f);
    void execAssert(const lang::Assert* s, Frame& f);
    void execImport(const lang::Import* s, Frame& f);
    void execImportFrom(const lang::ImportFrom* s, Frame& f);
    void execFunctionDef(const lang::FunctionDef* s, Frame& f);
    void execClassDef(const lang::ClassDef* s, Frame& f);
    void execAugAssign(const lang::AugAssign* s, Frame& f);
    void recordAnnotation(const lang::AnnAssign* a, Frame& f);
    void execDelete(const lang::Expr* target, Frame& f);
    void bindArgs(Function* fn, const CallArgs& args, Value* fast);
    // Binds arguments into fresh local slots (fast path for plain positional calls) and turns
    // captured slots into cells.
    void enterArgs(Function* fn, const CallArgs& args, Value* fast);

    friend class Generator;
    Interpreter& I;
    ValueStack ownStack_;
    ValueStack* stack_ = &ownStack_;  // a running generator swaps in its own
};

inline void InterpreterCore::pushFrame(Frame* f) {
    f->back = top_;
    top_ = f;
    ++depth_;
}

inline void InterpreterCore::popFrame() {
    top_ = top_->back;
    --depth_;
}

} // namespace gs::runtime
