#pragma once
// Suspendable generators (generator functions and generator expressions). Each generator runs
// its body on its own small machine stack (ucontext coroutine), so `yield` suspends the tree
// walker in the middle of any statement and the consumer resumes it with next()/send().
// Switching swaps the interpreter's per-execution state (frame chain, call depth, exceptions
// being handled, local-variable stack). No threads are involved: a generator belongs to the
// interpreter that made it and only runs on that interpreter's thread.
#include <ucontext.h>

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/runtime/Evaluator.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;

class Generator : public Object {
public:
    enum class State { Created, Suspended, Running, Finished };

    Generator(Type* t, Interpreter& interp, std::string name, std::string qualname);
    ~Generator() override;

    // The body, run inside the coroutine on first resume; its result is the return value.
    std::function<Value()> body;
    // Base frame and locals of a generator function (filled by the evaluator).
    Frame frame;
    std::unique_ptr<Value[]> locals;
    size_t nlocals = 0;
    std::vector<Value> keep;  // values the body refers to (function, closure, first iterable)

    // Runs until the next yield (true, `out` = yielded value) or the end (false; returnValue
    // holds the return value). Exceptions from the body propagate to the caller.
    bool resume(const Value& sent, Value& out);
    // Called from inside the body: hands `v` to the consumer and waits; returns the sent value.
    Value yieldValue(Value v);
    // Raises GeneratorExit at the suspension point and runs the body to its end.
    void close();
    // Makes the next resume raise `exc` at the suspension point (generator.throw).
    void setPendingThrow(Value exc) { pendingThrow_ = std::move(exc); }

    State state() const { return state_; }
    Value returnValue;
    std::string name, qualname;

    std::string repr() override;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override { return resume(Value::none(), out); }
    Value getAttr(Str* name) override;
    void clearRefs() override;

private:
    static void entry(unsigned lo, unsigned hi);
    void run();
    void switchToCaller();

    Interpreter& interp_;
    State state_ = State::Created;
    bool abandoned_ = false;   // interpreter teardown: never resume again
    bool closing_ = false;
    ucontext_t ctx_{};
    ucontext_t caller_{};
    char* stackMem_ = nullptr;
    size_t stackSize_ = 0;
    Value transfer_;
    Value pendingThrow_;
    std::exception_ptr error_;
    // interpreter state of the suspended body (swapped in on resume)
    Frame* savedTop_ = nullptr;
    int savedDepth_ = 0;
    std::vector<Value> savedHandling_;
    ValueStack ownStack_{256};
    // consumer state while the body runs
    Frame* consumerTop_ = nullptr;
    int consumerDepth_ = 0;
    ValueStack* consumerStack_ = nullptr;
    const char* consumerStackLimit_ = nullptr;
    // AddressSanitizer fiber bookkeeping
    void* fakeStack_ = nullptr;
    const void* callerBottom_ = nullptr;
    size_t callerSize_ = 0;
};

} // namespace gs::runtime
