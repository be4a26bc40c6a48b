#pragma once
// The extension interface through which the engine layer (core/engine) plugs into the runtime
// without the runtime knowing anything of torch:
//
//   * RuntimeLimits            - steps / call depth / wall time / tensor elements, cancel flag
//   * TraceObserver            - callbacks while tracing (zero cost when none is installed)
//   * TestResult, EqualityHook - unittest integration
//   * ArgParser                - Python-like argument binding for native functions
//
// Registration itself (native modules, source modules, native types, functions, properties,
// exception classes) is done through Interpreter's methods; see Interpreter.h for the list and
// docs/runtime.md-style notes at the top of that header.
#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Cell;
class Dict;
class Function;

// Limits a host sets before running. Hitting one throws LimitExceeded (not catchable by
// scenario code) whose message names the limit and the scenario line.
struct RuntimeLimits {
    int64_t maxSteps = 200'000'000;        // statements + loop iterations + calls
    int maxDepth = 1000;                   // nested scenario-function calls
    double maxSeconds = 120;               // wall time; <= 0 disables
    int64_t maxTensorElements = 50'000'000;  // checked by the engine via checkTensorElements()
    // Resident memory the run may add to the process (MemoryMeter); <= 0 disables. Polled with
    // the clock and checked by the host before big allocations (Interpreter::checkMemory).
    int64_t maxMemoryBytes = 0;
    int64_t clockInterval = 4096;          // steps between polls of the clock and cancel flag
    const std::atomic<bool>* cancel = nullptr;  // polled with the clock; true stops the run
};

// Callbacks the interpreter makes ONLY while an observer is installed
// (Interpreter::setObserver). Each callback may replace the value it is given; the replacement
// is what the scenario sees (the engine wraps values in tracking proxies this way).
class TraceObserver {
public:
    virtual ~TraceObserver() = default;
    // A name resolved to a module global or a builtin (`globals` is the module dict; for a
    // builtin it is the builtins module's dict).
    virtual void onLoadGlobal(Dict* /*globals*/, std::string_view /*name*/, Value& /*v*/) {}
    // A closure / cell variable was read.
    virtual void onLoadDeref(Cell* /*cell*/, std::string_view /*name*/, Value& /*v*/) {}
    // After any attribute read (including reads inside __getattr__ implementations).
    virtual void onGetAttr(const Value& /*obj*/, std::string_view /*name*/, Value& /*result*/) {}
    // An object that existed before is about to change: an attribute or item of `target` is
    // stored or deleted, or a name of a module's globals (`target` is that dict) or a closure
    // cell (`target` is the Cell) is rebound. A tracer replays such Python side effects.
    virtual void onMutate(const Value& /*target*/) {}
    // An attribute read found nothing (AttributeError, or False from hasattr / getattr's default).
    virtual void onMissingAttr(const Value& /*obj*/, std::string_view /*name*/) {}
    // After obj[key].
    virtual void onGetItem(const Value& /*container*/, const Value& /*key*/, Value& /*result*/) {}
    // Iteration starts over a list, tuple or dict (for loops, comprehensions, unpacking, list()).
    virtual void onIterate(const Value& /*container*/) {}
    // len(container) was taken (builtin len or truth via __len__).
    virtual void onLen(const Value& /*container*/) {}
    // A scenario function's frame was entered / left (also on exceptions).
    virtual void onFunctionEnter(Function* /*fn*/) {}
    virtual void onFunctionExit(Function* /*fn*/) {}
    // Iteration over `container` (any iterable: for loops, unpacking, list(), comprehensions) is
    // about to start: the host may return another iterable holding the same items to iterate
    // instead (the engine hands out items wrapped with their sources); Null: the container.
    virtual Value iterateAs(const Value& /*container*/) { return {}; }
    // A special method was looked up on a heap class for an implicit use (`obj(...)` finds
    // __call__, `a + b` finds __add__, ...): the class, the name and what was found (Null:
    // absent). The result decides which code runs, so a tracer guards it.
    virtual void onSpecialMethod(Type* /*cls*/, Str* /*name*/, const Value& /*found*/) {}
    // `item in container` was answered with `found`.
    virtual void onContains(const Value& /*container*/, const Value& /*item*/, bool /*found*/) {}
    // An operation used a value: compared, hashed, converted to text, tested for truth, measured,
    // combined by an operator, or passed to a native function. Moving a value around (binding
    // it, passing it to a scenario function, storing it in a container) is not a use. A host
    // that guards values lazily installs the guard now (dynamo-semantics §3.11).
    virtual void onUse(const Value& /*v*/) {}
    // A native function was handed `arg` (after onUse(arg)): when it is a container, the native
    // code may read what it holds without any hook (str.join, sorted, min over a list reads the
    // text of the strings in it). A host that guards strings lazily guards the ones held.
    virtual void onUseItems(const Value& /*arg*/) {}
    // `container` is read as a whole, every item at once, without the item hooks (dict(d),
    // d.copy(), xs.index(v), xs + ys, xs == ys, repr(xs), f(**d)). A host that tracks where a
    // container came from guards all of its items.
    virtual void onReadItems(const Value& /*container*/) {}
    // `container[key]` raised (a KeyError or an IndexError that the scenario may catch): the
    // key's absence, or the length, decided what happens next.
    virtual void onMissingItem(const Value& /*container*/, const Value& /*key*/) {}
    // A statement starts in the running frame (whose line is now the statement's).
    virtual void onStatement() {}
    // An f-string is about to format `v`. A host that formats some values lazily returns the
    // value to show instead (PyTorch formats a SymInt's hint and specializes the SymInt only
    // when the string is used); Null: format `v` (a use). The finished string and the values
    // shown by their hints then go to onLazyString.
    virtual Value lazyFormatHint(const Value& /*v*/) { return {}; }
    virtual void onLazyString(const Value& /*str*/, std::span<const Value> /*formatted*/) {}
};

// The outcome of one test method, reported to the host's callback (and printed by the runner).
struct TestResult {
    enum class Status { Ok, Fail, Error, Skipped };
    std::string name;        // test method name
    std::string className;
    std::string module;      // "__main__" usually
    Status status = Status::Ok;
    std::string message;     // assertion / error message, or the skip reason
    std::string file;        // where the failing assertion (or error) happened in scenario code
    int line = 0;
    std::string traceback;   // Python-style traceback text for failures and errors
};
std::string_view toString(TestResult::Status s);

// Exit status of unittest.main() when no test ran (Python 3.12's _NO_TESTS_EXITCODE).
constexpr int kNoTestsRanExitCode = 5;

struct TestSummary {
    int64_t passed = 0, failed = 0, errors = 0, skipped = 0;
    int64_t total() const { return passed + failed + errors + skipped; }
    bool ok() const { return failed == 0 && errors == 0; }
};

// unittest's assertEqual on values of types the runtime does not know (tensors): the hook says
// whether it handled the pair and, if so, whether they are equal (else a failure message).
struct EqualityResult {
    enum class Kind { NotHandled, Equal, NotEqual };
    Kind kind = Kind::NotHandled;
    std::string message;
};
using EqualityHook = std::function<EqualityResult(const Value& a, const Value& b)>;

// Binds a native function's arguments by name and position like a Python signature
//   f(a, b, c=..., *, d=...) -> ArgParser p(args, "f", {"a", "b", "c", "d"}, 2, 3);
// raising CPython-worded TypeErrors ("f() missing 1 required positional argument: 'b'",
// "f() takes from 2 to 3 positional arguments but 4 were given",
// "f() got an unexpected keyword argument 'x'", "f() got multiple values for argument 'a'").
class ArgParser {
public:
    // names: all parameter names; required: how many leading ones must be given;
    // maxPositional: how many may be passed positionally (default: all).
    ArgParser(const CallArgs& args, std::string_view fname, std::initializer_list<std::string_view> names,
              size_t required, size_t maxPositional = SIZE_MAX);
    // The bound value, or Null when not given.
    const Value& operator[](size_t i) const { return values_[i]; }
    bool has(size_t i) const { return !values_[i].isNull(); }
    Value get(size_t i, Value dflt) const { return has(i) ? values_[i] : dflt; }
    int64_t getInt(size_t i, int64_t dflt) const;      // via __index__
    double getFloat(size_t i, double dflt) const;
    bool getBool(size_t i, bool dflt) const;            // truthiness
    std::string getStr(size_t i, std::string dflt) const;  // must be a str

private:
    std::string fname_;
    std::vector<std::string_view> names_;
    std::vector<Value> values_;
};

} // namespace gs::runtime
