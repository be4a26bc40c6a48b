// The interpreter's internals (InterpreterCore.h): the step budget and run clock, the depth
// and memory limits, locations and tracebacks, type flags, code objects, parsing and running
// source modules. The host API over them is Interpreter.cpp.
#include "core/runtime/InterpreterCore.h"

#include <algorithm>

#include "core/lang/Diagnostic.h"
#include "core/lang/Parser.h"
#include "core/runtime/CodeObject.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Heap.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/MachineStack.h"
#include "core/runtime/MemoryMeter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/WeakRef.h"

namespace gs::runtime {

namespace {

std::string strip(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

InterpreterCore::InterpreterCore() : heap_(std::make_unique<Heap>()) {}
InterpreterCore::~InterpreterCore() = default;

Value InterpreterCore::codeObject(const CodeInfo* code) {
    auto it = codeObjects_.find(code);
    if (it != codeObjects_.end()) return it->second;
    Value v(new CodeObject(interpreter().types.code, code));
    codeObjects_.emplace(code, v);
    return v;
}

void InterpreterCore::registerType(Type* t) { allTypes_.push_back(Ref<Type>(t)); }

void InterpreterCore::updateTypeFlags(Type* changed) {
    const Names& names = interpreter().names;
    for (auto& ref : allTypes_) {
        Type* t = ref.get();
        if (!t->heap || !t->isSubtypeOf(changed)) continue;
        t->hasSetattr = !ops::findDunder(t, names.__setattr__).isNull();
        t->hasGetattr = !ops::findDunder(t, names.__getattr__).isNull();
        t->hasDelattr = !ops::findDunder(t, names.__delattr__).isNull();
        t->hasGetattribute = !ops::findDunder(t, names.__getattribute__).isNull();
    }
}

void InterpreterCore::onBudget() {
    stepsUsed_ += budgetGranted_;
    budgetGranted_ = 0;
    if (!started_) {
        started_ = true;
        start_ = std::chrono::steady_clock::now();
    }
    if (limits_.maxSteps > 0 && stepsUsed_ >= limits_.maxSteps)
        limitReached(LimitExceeded::Kind::Steps, "more than " + std::to_string(limits_.maxSteps) + " steps", "--max-steps");
    if (limits_.maxMemoryBytes > 0 && memoryBaseline_ < 0) checkMemoryNow(0);  // the run's starting point
    interpreter().checkInterrupts();
    int64_t interval = limits_.clockInterval > 0 ? limits_.clockInterval : 4096;
    int64_t remaining = limits_.maxSteps > 0 ? limits_.maxSteps - stepsUsed_ : interval;
    budgetGranted_ = std::max<int64_t>(1, std::min(interval, remaining));
    budget_ = budgetGranted_;
    if (weak::hasPending()) weak::runPending(interpreter());  // after the new budget: callbacks step too
}

void InterpreterCore::resetRunClock() {
    memoryBaseline_ = -1;
    stepsUsed_ = 0;
    budget_ = 0;
    budgetGranted_ = 0;
    started_ = true;
    start_ = std::chrono::steady_clock::now();
}

void InterpreterCore::limitReached(LimitExceeded::Kind kind, const std::string& what, const std::string& flag) {
    SourceLocation loc = interpreter().currentLocation();
    std::string where = loc.file.empty() ? std::string("<runtime>") : loc.file + ":" + std::to_string(loc.line);
    std::string msg = kind == LimitExceeded::Kind::Cancelled ? where + ": run cancelled"
                                                             : where + ": limit reached: " + what + " (raise it with " + flag + ")";
    throw LimitExceeded(kind, loc, msg);
}

void InterpreterCore::depthExceeded() {
    raiseRecursion("more than " + std::to_string(limits_.maxDepth) + " nested calls", "raise it with --max-depth");
}

void InterpreterCore::stackExhausted() {
    if (stackLimit_ != MachineStack::lowestSafeAddress())  // a generator's own stack
        raiseRecursion("nested calls inside a generator exhaust its 1 MB stack", "use fewer nested calls in generators");
    raiseRecursion("the machine stack is used up after " + std::to_string(depth_) + " nested calls (--max-depth is " +
                       std::to_string(limits_.maxDepth) + ")",
                   "lower --max-depth, or recurse less deeply");
}

// Python raises a RecursionError the program may catch; so do we, with the limit and the line
// in its message. Uncaught, the host reports it as the limit it is (limitOf).
void InterpreterCore::raiseRecursion(const std::string& what, const std::string& advice) {
    Interpreter& I = interpreter();
    SourceLocation loc = I.currentLocation();
    const std::string where = loc.file.empty() ? std::string("<runtime>") : loc.file + ":" + std::to_string(loc.line);
    depthMessage_ = where + ": limit reached: " + what + " (" + advice + ")";
    depthWhere_ = loc;
    depthError_ = I.newException(I.types.RecursionError,
                                 "maximum recursion depth exceeded at " + where + ": " + what + " (" + advice + ")");
    throw PyError(depthError_);
}

void InterpreterCore::checkMemoryNow(int64_t extra) {
    lastMemoryCheck_ = std::chrono::steady_clock::now();
    const int64_t now = MemoryMeter::residentBytes();
    if (memoryBaseline_ < 0) memoryBaseline_ = now;
    const int64_t used = std::max<int64_t>(0, now - memoryBaseline_);
    if (used + extra <= limits_.maxMemoryBytes) return;
    const std::string limit = MemoryMeter::formatSize(limits_.maxMemoryBytes);
    if (extra > 0 && used <= limits_.maxMemoryBytes)
        limitReached(LimitExceeded::Kind::Memory,
                     "more than " + limit + " of memory (the run uses " + MemoryMeter::formatSize(used) +
                         " and asked for " + MemoryMeter::formatSize(extra) + " more)",
                     "--max-memory");
    limitReached(LimitExceeded::Kind::Memory,
                 "more than " + limit + " of memory (the run uses " + MemoryMeter::formatSize(used) + ")",
                 "--max-memory");
}

SourceLocation InterpreterCore::locationOf(const Frame& f) const {
    SourceLocation loc;
    const CodeInfo* c = f.code;
    if (!c) return loc;
    if (c->file) {
        loc.file = c->file->name;
        loc.text = lang::clipLine(strip(c->file->line(f.line)));
    }
    loc.line = f.line;
    loc.function = c->kind == CodeInfo::Kind::Module ? "<module>" : c->name;
    return loc;
}

void InterpreterCore::addTraceback(ExceptionObject* e, const Frame& f) {
    if (!e->tracebackFrames.empty() && e->tracebackFrames.back() == &f) return;
    e->traceback.push_back(locationOf(f));
    e->tracebackFrames.push_back(&f);
}

Value InterpreterCore::sourceModuleFile(std::string_view dotted) const {
    auto it = sourceModules_.find(std::string(dotted));
    if (it == sourceModules_.end()) return {};
    return Value::boolean(true);
}

const lang::Module* InterpreterCore::parse(std::string fileName, std::string source) {
    asts_.push_back(lang::parseModule(std::move(source), std::move(fileName)));
    return asts_.back().get();
}

void InterpreterCore::execInModule(Module* m, std::string fileName, std::string source) {
    Interpreter& I = interpreter();
    m->dict->setStr("__file__", I.newStr(fileName));
    m->dict->setStr("__builtins__", Value(I.nativeModule("builtins")));
    const lang::Module* ast = parse(std::move(fileName), std::move(source));
    const CodeInfo* code = Resolver(I).resolve(*ast);
    eval_->runModuleCode(code, m->dict.get());
}

} // namespace gs::runtime
