#pragma once
// The scenario-language interpreter (Python 3 semantics): its host API — what a program that
// embeds it (the CLI, the GUI, the recorder, the engine and the torch bindings) calls. The
// internals (frames, the step budget, the type epoch, code objects, ...) are the private base
// InterpreterCore (InterpreterCore.h), reached with core(I) by the files that need them.
//
// One Interpreter per thread; it has no global mutable state, so several may run on different
// threads at once. Every Value/Object created while an Interpreter is current belongs to it and
// must be released before it is destroyed. All methods must be called on the owning thread; each
// public entry point makes the interpreter "current" for its duration (InterpreterScope).
//
// Host quick reference (the engine's view):
//   register a module       Module* m = I.nativeModule("torch.nn");  I.setAttr(m, "x", v);
//                           I.defineFunction(m, "randn", [&](const CallArgs& a) {...});
//                           I.addSourceModule("torch.nn", pythonText, "<torch/nn.py>");
//   native type             Type* T = I.newNativeType("Tensor", "torch", base);
//                           class TensorObj : public Object { ... override slots ... };
//                           I.addMethod(T, "add_", fn); I.addProperty(T, "shape", get, set);
//   call                    I.call(callable, {args...}, {{"kw", v}});
//   raise / catch           I.raise("ValueError", "msg"); I.raise(typePtr, "msg");
//                           try { ... } catch (PyError& e) { e.typeName(); e.message(); }
//   observe                 I.setObserver(&myObserver); ... I.setObserver(nullptr);
//   where are we            I.currentLocation(); I.stack();
//   run                     I.runSource("scenario.py", text); I.runMain(...) prints tracebacks
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/Ast.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Function.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Names.h"
#include "core/runtime/Type.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;
class Module;

// The builtin types of one interpreter.
struct BuiltinTypes {
    Type *type, *object, *noneType, *notImplementedType, *ellipsisType;
    Type *int_, *bool_, *float_, *str, *bytes, *tuple, *list, *dict, *set, *frozenset;
    Type *range, *slice, *function, *builtinFunction, *method, *cell, *module;
    Type *staticmethod, *classmethod, *property, *super, *code;
    Type *listIterator, *rangeIterator, *iterator, *generator, *nativeIterator;
    Type *dictKeys, *dictValues, *dictItems, *dictIterator, *setIterator;
    // exceptions used by the runtime itself (all are also reachable by name)
    Type *BaseException, *Exception, *TypeError, *ValueError, *KeyError, *IndexError;
    Type *AttributeError, *NameError, *UnboundLocalError, *ZeroDivisionError, *AssertionError;
    Type *RuntimeError, *StopIteration, *NotImplementedError, *RecursionError, *OverflowError;
    Type *ImportError, *ModuleNotFoundError, *LookupError, *ArithmeticError, *SystemExit;
    Type *SkipTest;
};

class Interpreter : private InterpreterCore {
public:
    Interpreter();
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // The interpreter current on this thread (set by every public entry point and by
    // InterpreterScope). Asserts one exists.
    static Interpreter& current();
    static Interpreter* currentOrNull();

    // ---- configuration --------------------------------------------------------------------
    RuntimeLimits& limits() { return limits_; }
    void setOutput(std::function<void(std::string_view)> out);       // print(); default stdout
    const std::function<void(std::string_view)>& output() const { return out_; }
    void setErrorOutput(std::function<void(std::string_view)> err);  // tracebacks; default stderr
    void write(std::string_view text);                                // to the output sink
    void writeError(std::string_view text);
    void setTestResultCallback(std::function<void(const TestResult&)> cb) { testCallback_ = std::move(cb); }
    void setEqualityHook(EqualityHook hook) { equalityHook_ = std::move(hook); }
    const EqualityHook& equalityHook() const { return equalityHook_; }
    void setObserver(TraceObserver* o) { observer_ = o; }
    TraceObserver* observer() const { return observer_; }
    // Offered every scenario-function call (its bound parameter slots) while set; returning true
    // means the interceptor produced the result and the body does not run. The engine sets it
    // while a code object is run-only, so callees still use their cached compiled entries.
    using CallInterceptor = InterpreterCore::CallInterceptor;
    void setCallInterceptor(CallInterceptor* c) { interceptor_ = c; }
    CallInterceptor* callInterceptor() const { return interceptor_; }
    void setArgv(std::vector<std::string> argv);

    // ---- running ---------------------------------------------------------------------------
    // Parses and runs `source` as module `moduleName` (default __main__, whose __name__ is
    // "__main__"). Throws lang::SyntaxError, PyError (uncaught scenario exception) or
    // LimitExceeded. Returns the module.
    Module* runSource(std::string fileName, std::string source, std::string moduleName = "__main__");
    // Runs an already parsed module (hand-built ASTs in tests); the interpreter keeps it.
    Module* runModule(std::unique_ptr<lang::Module> ast, std::string moduleName = "__main__");
    // Like runSource but reports like `python3 FILE`: uncaught exceptions print a traceback to
    // the error sink. Returns 0 ok, 1 uncaught exception (or SystemExit code), 2 syntax error,
    // 3 limit reached / cancelled.
    int runMain(std::string fileName, std::string source);

    // ---- modules ---------------------------------------------------------------------------
    // Gets or creates the native module `dotted` (parents created too and linked as attributes).
    Module* nativeModule(std::string_view dotted);
    // Registers a module whose code is scenario-language source, run on first import.
    void addSourceModule(std::string_view dotted, std::string source, std::string fileName = {});
    // import dotted (like importlib.import_module); raises ModuleNotFoundError.
    Module* importModule(std::string_view dotted);
    Module* findModule(std::string_view dotted) const;  // already imported, else null
    Dict* builtinsDict() const { return builtins_; }

    // ---- types and values ------------------------------------------------------------------
    BuiltinTypes types{};
    Names names;
    Value notImplemented() const { return notImplemented_; }
    Value ellipsis() const { return ellipsis_; }
    Str* intern(std::string_view s);
    Value newStr(std::string_view s);
    Value newTuple(std::vector<Value> items);
    Value newList(std::vector<Value> items = {});
    Ref<Dict> newDict();
    Value newBytes(std::string data);

    // A native type. `base` (optional) must be another native type (Parameter -> Tensor);
    // instances are C++ subclasses of Object created with `new T(type, ...)`.
    Type* newNativeType(std::string name, std::string module, Type* base = nullptr);
    // A method: args[0] is self. Also usable on builtin types for host additions.
    NativeFunction* addMethod(Type* t, std::string_view name, NativeFunction::Fn fn);
    void addStaticMethod(Type* t, std::string_view name, NativeFunction::Fn fn);
    void addClassMethod(Type* t, std::string_view name, NativeFunction::Fn fn);  // args[0] = class
    // A property: getter(self) and optional setter(self, value).
    void addProperty(Type* t, std::string_view name, std::function<Value(const Value&)> getter,
                     std::function<void(const Value&, const Value&)> setter = nullptr);
    void setClassAttr(Type* t, std::string_view name, Value v);
    // A native function value (not bound); defineFunction also stores it in the module.
    Value newFunction(std::string name, NativeFunction::Fn fn);
    Value defineFunction(Module* m, std::string_view name, NativeFunction::Fn fn);
    // A new exception class deriving from `base` (e.g. RuntimeError), stored in `module`.
    Type* newExceptionClass(std::string name, Module* module, Type* base);
    // A builtin exception class by name ("ValueError"), or null.
    Type* exceptionType(std::string_view name) const;

    // Attribute access with Python semantics (descriptors, __getattr__, observer).
    Value getAttr(const Value& obj, std::string_view name);
    Value getAttrOr(const Value& obj, std::string_view name, Value dflt);  // missing -> dflt
    void setAttr(const Value& obj, std::string_view name, const Value& v);

    // ---- calls -----------------------------------------------------------------------------
    Value call(const Value& callable, std::vector<Value> args = {},
               std::vector<std::pair<std::string, Value>> kwargs = {});
    Value call(const Value& callable, const CallArgs& args);
    // Scenario function call (defaults, closure, observer callbacks, limits).
    Value callFunction(Function* fn, const CallArgs& args);

    // ---- errors ----------------------------------------------------------------------------
    [[noreturn]] void raise(std::string_view typeName, std::string message);
    [[noreturn]] void raise(Type* cls, std::string message);
    // raise an exception instance, or a class (instantiated without arguments).
    [[noreturn]] void raise(const Value& excOrClass);
    // raise cls(*args), e.g. KeyError with the key itself as argument
    [[noreturn]] void raiseArgs(Type* cls, std::vector<Value> args);
    Ref<ExceptionObject> newException(Type* cls, std::string message);

    // ---- where are we ----------------------------------------------------------------------
    // The innermost scenario frame's location (file, line, function, line text); empty
    // outside of a run.
    SourceLocation currentLocation() const;
    // Innermost first.
    std::vector<SourceLocation> stack() const;
    // The line of the innermost frame running code from a file (not a "<...>" source such as a
    // built-in module), 0 if none: a call site, found without building locations.
    int fileLine() const;
    // The engine calls this before materialising a tensor of `elements` elements.
    void checkTensorElements(int64_t elements);
    // Stops the run (LimitExceeded) when it was cancelled, its time is up or it passed its
    // memory limit. Cheap: long native work (tensor kernels) calls it between blocks, so one
    // long op cannot outlive --timeout or Cancel (issue 12).
    void checkInterrupts();
    // Before the host takes `bytes` for the scenario (a tensor's storage): LimitExceeded naming
    // the memory limit when the run would pass it — checked before the allocation, not after.
    void checkMemory(int64_t bytes);
    // The depth limit raises a RecursionError the scenario may catch (as Python does). When
    // one reaches the host uncaught, this gives the limit it stands for (exit status 3, the
    // message naming the limit and the line); nullopt for any other exception.
    std::optional<LimitExceeded> limitOf(const PyError& e) const;
    // Called when an allocation fails (the runner's new-handler): remembers where the scenario
    // was, for the out-of-memory message. Never throws.
    void noteAllocationFailure() noexcept;
    // Where the scenario was when an allocation last failed (empty file when none did).
    const SourceLocation& allocationFailure() const { return allocFailure_; }

    // ---- unittest --------------------------------------------------------------------------
    // Runs every unittest.TestCase subclass defined in `moduleName`, test methods in
    // alphabetical order, printing "test_x (__main__.C) ... ok" lines and the closing
    // "N passed, N failed[, N skipped]" line; each result also goes to the callback. When no
    // test ran (and none was skipped) the closing line is "no tests ran", as Python 3.12's
    // unittest says NO TESTS RAN: a test file whose tests all vanished is not a success.
    TestSummary runTests(std::string_view moduleName = "__main__");
    void reportTestResult(const TestResult& r);
    const TestSummary& testSummary() const { return testSummary_; }

private:
    // The internals (InterpreterCore.h) are reached with core(I); the evaluator, generators and
    // InterpreterScope, which run the frames, use them directly.
    friend class InterpreterCore;
    friend class InterpreterScope;
    friend class Generator;
    friend class Evaluator;
    friend InterpreterCore& core(Interpreter& I);
    friend const InterpreterCore& core(const Interpreter& I);
    void bootstrap();
    Module* execModule(const lang::Module* ast, std::string moduleName);
    Module* newModule(std::string_view dotted);
};

// Makes an interpreter current on this thread for a scope (restores the previous one).
class InterpreterScope {
public:
    explicit InterpreterScope(Interpreter& i);
    ~InterpreterScope();
    InterpreterScope(const InterpreterScope&) = delete;
    InterpreterScope& operator=(const InterpreterScope&) = delete;

private:
    Interpreter* previous_;
    bool setStack_ = false;  // this scope gave the interpreter its thread's stack limit
};

// The internals of interpreter I (InterpreterCore.h says who may use them).
inline InterpreterCore& core(Interpreter& I) { return I; }
inline const InterpreterCore& core(const Interpreter& I) { return I; }
inline Interpreter& InterpreterCore::interpreter() { return static_cast<Interpreter&>(*this); }
inline const Interpreter& InterpreterCore::interpreter() const { return static_cast<const Interpreter&>(*this); }

} // namespace gs::runtime
