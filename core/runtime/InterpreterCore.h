#pragma once
// The interpreter's internals: its state, and the operations the runtime's own files (and the
// engine's tracer, which reads frames and code objects) perform on it — the frame stack, the
// step budget and run clock, the exceptions being handled, the type epoch, the heap, code
// objects, parsing and source-module plumbing. The host API is Interpreter.h (as Lua's
// lstate.h is to lua.h).
//
// Interpreter derives from InterpreterCore privately, so a host holding an Interpreter& cannot
// call these; a file that needs them includes this header and asks for them by name:
//
//   #include "core/runtime/InterpreterCore.h"
//   core(I).step();                        // one step of the budget
//   ++core(in()).typeEpoch;                // a class dict changed
//   Value code = core(I).codeObject(fn->code);
//
// (Evaluator, Generator and InterpreterScope, which run the frames, are friends of Interpreter
// and use the members directly.) core() is defined at the end of Interpreter.h, where the
// private base conversion is visible; the operations are implemented in InterpreterCore.cpp.
// scripts/check-host-api.sh (ctest lint_host_api) keeps app/, ui/ and core/record off them.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/lang/Ast.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"
#include "core/runtime/Type.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;
class Evaluator;
class Heap;
class Interpreter;
class Str;
struct Frame;

class InterpreterCore {
public:
    InterpreterCore(const InterpreterCore&) = delete;
    InterpreterCore& operator=(const InterpreterCore&) = delete;

    // The interpreter these internals belong to (its host API).
    Interpreter& interpreter();
    const Interpreter& interpreter() const;

    Evaluator& eval() { return *eval_; }
    Frame* topFrame() const { return top_; }
    void pushFrame(Frame* f);  // inline in Evaluator.h (every call pushes and pops a frame)
    void popFrame();
    int depth() const { return depth_; }
    // Step accounting: every statement, loop iteration and call costs one step.
    void step() {
        if (--budget_ <= 0) onBudget();
    }
    // Makes the next step() a safe point (queued weak-reference callbacks run there).
    void requestSafePoint() {
        budgetGranted_ -= budget_ > 0 ? budget_ : 0;
        budget_ = 0;
    }
    uint64_t typeEpoch = 1;  // bumped whenever any class dict or MRO changes
    std::vector<Value> handling;  // exceptions being handled (bare `raise`, __context__)
    Heap& heap() { return *heap_; }
    std::vector<std::string> argv;
    void registerType(Type* t);
    const lang::Module* parse(std::string fileName, std::string source);  // kept alive
    Value sourceModuleFile(std::string_view dotted) const;
    // Runs scenario-language source in an existing module's namespace (stdlib modules).
    void execInModule(Module* m, std::string fileName, std::string source);
    [[noreturn]] void depthExceeded();
    // The machine stack is nearly used up (MachineStack): a RecursionError like depthExceeded.
    [[noreturn]] void stackExhausted();
    const char* stackLimit() const { return stackLimit_; }
    SourceLocation locationOf(const Frame& f) const;
    // Adds frame f to the exception's traceback unless it is already the last entry.
    void addTraceback(ExceptionObject* e, const Frame& f);
    void updateTypeFlags(Type* t);
    void keepAlive(Value v) { constants_.push_back(std::move(v)); }
    std::vector<Object*> reprStack;
    std::unordered_map<std::string, const CodeInfo*> evalCache;  // eval()/exec() text -> code
    int nativeDepth = 0;  // nesting of native container recursion (repr, ==, hash)
    // The code object of a scenario function's code (one per CodeInfo, so `f.__code__ is
    // g.__code__` and ID_MATCH guards on code objects hold).
    Value codeObject(const CodeInfo* code);
    [[noreturn]] void limitReached(LimitExceeded::Kind kind, const std::string& what, const std::string& flag);

    // Offered every scenario-function call (Interpreter::setCallInterceptor).
    using CallInterceptor = std::function<bool(Function* fn, Value* slots, Value& result)>;

protected:
    InterpreterCore();
    ~InterpreterCore();

    // Lowest safe stack address: the thread's (MachineStack, set by InterpreterScope) or, while
    // a generator runs on its own stack, the generator's.
    const char* stackLimit_ = nullptr;
    [[noreturn]] void raiseRecursion(const std::string& what, const std::string& advice);
    void checkMemoryNow(int64_t extra);
    Ref<ExceptionObject> depthError_;  // the last RecursionError raised by the depth limit
    std::string depthMessage_;         // its LimitExceeded form
    SourceLocation depthWhere_;
    SourceLocation allocFailure_;
    bool notingAllocFailure_ = false;
    int64_t memoryBaseline_ = -1;      // resident bytes when the run started
    std::chrono::steady_clock::time_point lastMemoryCheck_{};
    void onBudget();
    void resetRunClock();

    // Members are declared in the order they had in Interpreter: destruction order matters
    // (Interpreter's destructor tears the heap down before they go).
    std::unique_ptr<Heap> heap_;
    std::unique_ptr<Evaluator> eval_;
    RuntimeLimits limits_;
    int64_t budget_ = 0;
    int64_t budgetGranted_ = 0;
    int64_t stepsUsed_ = 0;
    std::chrono::steady_clock::time_point start_{};
    bool started_ = false;
    Frame* top_ = nullptr;
    int depth_ = 0;
    std::function<void(std::string_view)> out_, err_;
    std::function<void(const TestResult&)> testCallback_;
    EqualityHook equalityHook_;
    TraceObserver* observer_ = nullptr;
    CallInterceptor* interceptor_ = nullptr;
    TestSummary testSummary_;

    Value notImplemented_, ellipsis_;
    std::unordered_map<std::string_view, Str*> interned_;
    std::vector<Ref<Type>> allTypes_;
    std::unordered_map<std::string, Type*> exceptionTypes_;
    Ref<Dict> modules_;  // dotted name -> module (sys.modules)
    Dict* builtins_ = nullptr;
    struct SourceModule {
        std::string source, fileName;
        bool executed = false;
    };
    std::unordered_map<std::string, SourceModule> sourceModules_;
    std::vector<std::unique_ptr<lang::Module>> asts_;
    std::vector<Value> constants_;
    std::unordered_map<const CodeInfo*, Value> codeObjects_;
    Interpreter* previous_ = nullptr;
};

} // namespace gs::runtime
