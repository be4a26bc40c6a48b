// The interpreter's host API (Interpreter.h): lifetime, modules and imports, running files,
// limits, locations. The internals it runs on are in InterpreterCore.cpp.
#include "core/runtime/Interpreter.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/lang/Diagnostic.h"
#include "core/lang/Parser.h"
#include "core/runtime/CodeObject.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Heap.h"
#include "core/runtime/MachineStack.h"
#include "core/runtime/MemoryMeter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/Stdlib.h"
#include "core/runtime/WeakRef.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
thread_local Interpreter* tCurrent = nullptr;
} // namespace

InterpreterScope::InterpreterScope(Interpreter& i) : previous_(tCurrent) {
    tCurrent = &i;
    // Calls check the stack they have left against this thread's stack (MachineStack).
    if (!i.stackLimit_) {
        i.stackLimit_ = MachineStack::lowestSafeAddress();
        setStack_ = i.stackLimit_ != nullptr;
    }
}
InterpreterScope::~InterpreterScope() {
    if (setStack_) tCurrent->stackLimit_ = nullptr;
    tCurrent = previous_;
}

Interpreter& Interpreter::current() {
    if (!tCurrent) {
        std::fputs("gs::runtime: no interpreter is current on this thread (host code that touches values "
                   "directly must hold a gs::runtime::InterpreterScope)\n",
                   stderr);
        std::abort();
    }
    return *tCurrent;
}
Interpreter* Interpreter::currentOrNull() { return tCurrent; }

Interpreter::Interpreter() {
    InterpreterScope scope(*this);
    eval_ = std::make_unique<Evaluator>(*this);
    bootstrap();
}

Interpreter::~Interpreter() {
    InterpreterScope scope(*this);
    handling.clear();
    constants_.clear();
    codeObjects_.clear();
    notImplemented_ = Value();
    ellipsis_ = Value();
    modules_ = nullptr;
    depthError_ = nullptr;
    allTypes_.clear();
    heap_->teardown();
    asts_.clear();
}

void Interpreter::setOutput(std::function<void(std::string_view)> out) { out_ = std::move(out); }
void Interpreter::setErrorOutput(std::function<void(std::string_view)> err) { err_ = std::move(err); }

void Interpreter::write(std::string_view text) {
    if (out_) out_(text);
    else std::fwrite(text.data(), 1, text.size(), stdout);
}

void Interpreter::writeError(std::string_view text) {
    if (err_) err_(text);
    else {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
    }
}

void Interpreter::setArgv(std::vector<std::string> a) {
    InterpreterScope scope(*this);
    argv = std::move(a);
    if (Module* sys = findModule("sys")) {
        std::vector<Value> items;
        for (const auto& s : argv) items.push_back(newStr(s));
        sys->dict->setStr("argv", newList(std::move(items)));
    }
}

// ---- values ------------------------------------------------------------------------------------

Str* Interpreter::intern(std::string_view s) {
    auto it = interned_.find(s);
    if (it != interned_.end()) return it->second;
    auto* str = new Str(types.str, std::string(s));
    str->incref();  // interned strings live as long as the interpreter
    str->interned = true;
    interned_.emplace(str->view(), str);
    return str;
}

Value Interpreter::newStr(std::string_view s) {
    if (s.size() <= 1) return Value(intern(s));
    return Value(new Str(types.str, std::string(s)));
}
Value Interpreter::newTuple(std::vector<Value> items) { return Value(new Tuple(types.tuple, std::move(items))); }
Value Interpreter::newList(std::vector<Value> items) { return Value(new List(types.list, std::move(items))); }
Ref<Dict> Interpreter::newDict() { return Ref<Dict>(new Dict(types.dict)); }
Value Interpreter::newBytes(std::string data) { return Value(new Bytes(types.bytes, std::move(data))); }

// ---- errors ------------------------------------------------------------------------------------

Type* Interpreter::exceptionType(std::string_view name) const {
    auto it = exceptionTypes_.find(std::string(name));
    return it == exceptionTypes_.end() ? nullptr : it->second;
}

Ref<ExceptionObject> Interpreter::newException(Type* cls, std::string message) {
    InterpreterScope scope(*this);
    Ref<Object> o = cls->alloc ? cls->alloc(cls) : Ref<Object>(new ExceptionObject(cls));
    Ref<ExceptionObject> e(static_cast<ExceptionObject*>(o.get()));
    if (!message.empty()) e->args = newTuple({newStr(message)});
    return e;
}

void Interpreter::raise(std::string_view typeName, std::string message) {
    Type* t = exceptionType(typeName);
    if (!t) t = types.RuntimeError;
    raise(t, std::move(message));
}

void Interpreter::raise(Type* cls, std::string message) { throw PyError(newException(cls, std::move(message))); }

void Interpreter::raiseArgs(Type* cls, std::vector<Value> args) {
    Ref<ExceptionObject> e = newException(cls, "");
    e->args = newTuple(std::move(args));
    throw PyError(e);
}

void Interpreter::raise(const Value& excOrClass) {
    InterpreterScope scope(*this);
    Value v = excOrClass;
    if (v.dyn<Type>()) v = ops::call0(v);
    auto* e = v.dyn<ExceptionObject>();
    if (!e) raise(types.TypeError, "exceptions must derive from BaseException");
    throw PyError(Ref<ExceptionObject>(e));
}

Type* Interpreter::newExceptionClass(std::string name, Module* module, Type* base) {
    InterpreterScope scope(*this);
    if (!base) base = types.Exception;
    Ref<Dict> ns = newDict();
    std::string modName = module ? module->name : "builtins";
    Value cls = eval_->makeClass(name, name, {base}, ns.get(), modName);
    if (module) module->dict->setStr(name, cls);
    return cls.as<Type>();
}

// ---- limits and locations ----------------------------------------------------------------------

std::optional<LimitExceeded> Interpreter::limitOf(const PyError& e) const {
    if (!depthError_ || e.exception() != depthError_.get()) return std::nullopt;
    return LimitExceeded(LimitExceeded::Kind::Depth, depthWhere_, depthMessage_);
}

void Interpreter::checkInterrupts() {
    if (limits_.cancel && limits_.cancel->load(std::memory_order_relaxed))
        limitReached(LimitExceeded::Kind::Cancelled, "", "");
    if (!started_) return;
    if (limits_.maxSeconds > 0) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        if (secs > limits_.maxSeconds) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", limits_.maxSeconds);
            limitReached(LimitExceeded::Kind::Time, std::string("more than ") + buf + " seconds of run time", "--max-seconds");
        }
    }
    // Resident memory is read at most every 10 ms (a pread of /proc/self/statm).
    if (limits_.maxMemoryBytes > 0 && std::chrono::steady_clock::now() - lastMemoryCheck_ >= std::chrono::milliseconds(10))
        checkMemoryNow(0);
}

namespace {
// The gate of the memory poll runs on every tensor allocation (every op of a cache hit's
// replay): the coarse monotonic clock costs a few ns where steady_clock (CLOCK_MONOTONIC) costs
// ~35 ns on a virtual machine. Same epoch as steady_clock on Linux, a few ms behind it.
std::chrono::steady_clock::time_point pollClock() {
#ifdef CLOCK_MONOTONIC_COARSE
    timespec ts{};
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0)
        return std::chrono::steady_clock::time_point(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec)));
#endif
    return std::chrono::steady_clock::now();
}
} // namespace

void Interpreter::checkMemory(int64_t bytes) {
    // A big allocation is also a slow step (a copy or fill of a MiB or more) that may come
    // without the statements that poll the clock: `s = s + s` doubles a string in a handful of
    // steps. The time limit and Cancel are checked here too.
    if (bytes >= (int64_t{1} << 20)) checkInterrupts();
    if (limits_.maxMemoryBytes <= 0) return;
    // Small allocations are covered by the clock's polling (every 10 ms, read on the coarse
    // clock: up to one tick, a few ms, later); a big one is checked before it is made, so one
    // tensor cannot take the process far past the limit.
    if (bytes < (int64_t{1} << 20) && pollClock() - lastMemoryCheck_ < std::chrono::milliseconds(10))
        return;
    checkMemoryNow(bytes);
}

void Interpreter::noteAllocationFailure() noexcept {
    if (notingAllocFailure_) return;  // the note itself failed to allocate
    notingAllocFailure_ = true;
    try {
        allocFailure_ = currentLocation();
    } catch (...) {
    }
    notingAllocFailure_ = false;
}

void Interpreter::checkTensorElements(int64_t elements) {
    if (limits_.maxTensorElements > 0 && elements > limits_.maxTensorElements)
        limitReached(LimitExceeded::Kind::TensorElements,
                     "a tensor of " + std::to_string(elements) + " elements (more than " +
                         std::to_string(limits_.maxTensorElements) + ")",
                     "--max-tensor-elements");
}

SourceLocation Interpreter::currentLocation() const {
    for (Frame* f = top_; f; f = f->back)
        if (f->scenario && f->code) return locationOf(*f);
    return {};
}

int Interpreter::fileLine() const {
    for (Frame* f = top_; f; f = f->back) {
        if (!f->scenario || !f->code || !f->code->file) continue;
        const std::string& name = f->code->file->name;
        if (!name.empty() && name[0] != '<') return f->line;
    }
    return 0;
}

std::vector<SourceLocation> Interpreter::stack() const {
    std::vector<SourceLocation> out;
    for (Frame* f = top_; f; f = f->back)
        if (f->scenario && f->code) out.push_back(locationOf(*f));
    return out;
}

// ---- modules -----------------------------------------------------------------------------------

Module* Interpreter::findModule(std::string_view dotted) const {
    if (!modules_) return nullptr;
    Value v = modules_->getStr(dotted);
    return v.dyn<Module>();
}

Module* Interpreter::newModule(std::string_view dotted) {
    auto* m = new Module(types.module, std::string(dotted));
    Value keep(m);
    modules_->set(newStr(dotted), keep);
    auto dot = dotted.rfind('.');
    if (dot != std::string_view::npos) {
        Module* parent = nativeModule(dotted.substr(0, dot));
        parent->dict->setStr(dotted.substr(dot + 1), keep);
    }
    return m;
}

Module* Interpreter::nativeModule(std::string_view dotted) {
    InterpreterScope scope(*this);
    if (Module* m = findModule(dotted)) return m;
    return newModule(dotted);
}

void Interpreter::addSourceModule(std::string_view dotted, std::string source, std::string fileName) {
    if (fileName.empty()) {
        fileName = "<" + std::string(dotted) + ">";
    }
    sourceModules_[std::string(dotted)] = SourceModule{std::move(source), std::move(fileName), false};
}

Module* Interpreter::importModule(std::string_view dotted) {
    InterpreterScope scope(*this);
    Module* m = nullptr;
    size_t pos = 0;
    while (true) {
        size_t dot = dotted.find('.', pos);
        std::string_view prefix = dotted.substr(0, dot);
        m = findModule(prefix);
        auto src = sourceModules_.find(std::string(prefix));
        bool pendingSource = src != sourceModules_.end() && !src->second.executed;
        if (!m || pendingSource) {
            if (!m && stdlib::has(prefix)) {
                m = newModule(prefix);
                stdlib::init(*this, prefix, m);
            } else if (pendingSource) {
                if (!m) m = newModule(prefix);
                src->second.executed = true;
                // A source module with registered submodules is a package: relative imports in
                // it resolve below it.
                bool isPackage = false;
                std::string childPrefix = std::string(prefix) + ".";
                for (const auto& [name, unused] : sourceModules_)
                    if (name.rfind(childPrefix, 0) == 0) isPackage = true;
                if (isPackage) {
                    m->dict->setStr("__package__", newStr(prefix));
                    m->dict->setStr("__path__", newList());
                } else if (prefix.find('.') != std::string_view::npos) {
                    m->dict->setStr("__package__", newStr(prefix.substr(0, prefix.rfind('.'))));
                }
                execInModule(m, src->second.fileName, src->second.source);
            } else {
                raise(types.ModuleNotFoundError, "No module named '" + std::string(prefix) + "'");
            }
        }
        if (dot == std::string_view::npos) break;
        pos = dot + 1;
    }
    return m;
}

// ---- running -----------------------------------------------------------------------------------

Module* Interpreter::execModule(const lang::Module* ast, std::string moduleName) {
    const CodeInfo* code = Resolver(*this).resolve(*ast);
    Module* m = findModule(moduleName);
    if (!m) m = newModule(moduleName);
    m->dict->setStr("__name__", newStr(moduleName));
    m->dict->setStr("__file__", newStr(ast->source ? ast->source->name : "<string>"));
    m->dict->setStr("__builtins__", Value(nativeModule("builtins")));
    bool topLevel = top_ == nullptr;
    if (topLevel) resetRunClock();
    eval_->runModuleCode(code, m->dict.get());
    return m;
}

Module* Interpreter::runSource(std::string fileName, std::string source, std::string moduleName) {
    InterpreterScope scope(*this);
    const lang::Module* ast = parse(std::move(fileName), std::move(source));
    return execModule(ast, std::move(moduleName));
}

Module* Interpreter::runModule(std::unique_ptr<lang::Module> ast, std::string moduleName) {
    InterpreterScope scope(*this);
    asts_.push_back(std::move(ast));
    return execModule(asts_.back().get(), std::move(moduleName));
}

int Interpreter::runMain(std::string fileName, std::string source) {
    InterpreterScope scope(*this);
    try {
        runSource(std::move(fileName), std::move(source));
        return 0;
    } catch (const lang::SyntaxError& e) {
        writeError(std::string(e.what()) + "\n");
        return 2;
    } catch (PyError& e) {
        if (auto limit = limitOf(e)) {  // the depth limit's RecursionError, uncaught
            writeError(std::string(limit->what()) + "\n");
            return 3;
        }
        if (e.exception()->type()->isSubtypeOf(types.SystemExit)) {
            auto* t = e.exception()->args.dyn<Tuple>();
            if (!t || t->items.empty() || t->items[0].isNone()) return 0;
            if (t->items[0].isIntLike()) return static_cast<int>(t->items[0].asInt());
            writeError(ops::str(t->items[0]) + "\n");
            return 1;
        }
        writeError(e.formatTraceback());
        return 1;
    } catch (const LimitExceeded& e) {
        writeError(std::string(e.what()) + "\n");
        return 3;
    }
}

// ---- calls and attributes ----------------------------------------------------------------------

Value Interpreter::call(const Value& callable, std::vector<Value> args, std::vector<std::pair<std::string, Value>> kwargs) {
    InterpreterScope scope(*this);
    std::vector<KwArg> kw;
    kw.reserve(kwargs.size());
    for (auto& [k, v] : kwargs) kw.push_back(KwArg{intern(k), v});
    if (top_ == nullptr) resetRunClock();
    return ops::call(callable, CallArgs{std::span<const Value>(args.data(), args.size()), std::span<const KwArg>(kw.data(), kw.size())});
}

Value Interpreter::call(const Value& callable, const CallArgs& args) {
    InterpreterScope scope(*this);
    return ops::call(callable, args);
}

Value Interpreter::callFunction(Function* fn, const CallArgs& args) { return eval_->callFunction(fn, args); }

Value Interpreter::getAttr(const Value& obj, std::string_view name) {
    InterpreterScope scope(*this);
    return ops::getAttr(obj, intern(name));
}

Value Interpreter::getAttrOr(const Value& obj, std::string_view name, Value dflt) {
    InterpreterScope scope(*this);
    Value v = ops::getAttrOpt(obj, intern(name));
    return v.isNull() ? dflt : v;
}

void Interpreter::setAttr(const Value& obj, std::string_view name, const Value& v) {
    InterpreterScope scope(*this);
    ops::setAttr(obj, intern(name), v);
}

} // namespace gs::runtime
