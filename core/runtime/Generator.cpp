// Generators as ucontext coroutines (see Generator.h).
#include "core/runtime/Generator.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdio>

#include "core/runtime/Exception.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define GS_ASAN_FIBERS 1
#endif

namespace gs::runtime {

namespace {
// Machine stack of one generator. Pages are committed on first touch, so the size is cheap; a
// guard page below catches overflow, and calls check the remaining room (Interpreter::stackLimit_).
constexpr size_t kStackSize = 1024 * 1024;
constexpr size_t kGuard = 4096;
constexpr size_t kStackReserve = 128 * 1024;  // kept free for native code below the last call
} // namespace

Generator::Generator(Type* t, Interpreter& interp, std::string n, std::string qn)
    : Object(t), name(std::move(n)), qualname(std::move(qn)), interp_(interp) {}

Generator::~Generator() {
    if (state_ == State::Suspended && !abandoned_ && Interpreter::currentOrNull() == &interp_) {
        try {
            close();
        } catch (...) {
            // a destructor cannot report; CPython prints "Exception ignored in generator"
        }
    }
    if (stackMem_) munmap(stackMem_, stackSize_ + kGuard);
}

void Generator::clearRefs() {
    // Interpreter teardown: the suspended body is never resumed; its stack memory is released
    // by the destructor and the objects it referenced by the heap.
    abandoned_ = true;
    body = nullptr;
    keep.clear();
    if (locals)
        for (size_t i = 0; i < nlocals; ++i) locals[i] = Value();
    transfer_ = pendingThrow_ = returnValue = Value();
    savedHandling_.clear();
    frame.retval = Value();
    frame.classCell = Value();
}

std::string Generator::repr() {
    char buf[48];
    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(this));
    return "<generator object " + qualname + buf;
}

Value Generator::getAttr(Str* n) {
    std::string_view k = n->view();
    if (k == "__name__") return interp_.newStr(name);
    if (k == "__qualname__") return interp_.newStr(qualname);
    if (k == "gi_running") return Value::boolean(state_ == State::Running);
    return {};
}

void Generator::entry(unsigned lo, unsigned hi) {
    auto* self = reinterpret_cast<Generator*>((static_cast<uintptr_t>(hi) << 32) | lo);
#ifdef GS_ASAN_FIBERS
    __sanitizer_finish_switch_fiber(nullptr, &self->callerBottom_, &self->callerSize_);
#endif
    self->run();
    self->state_ = State::Finished;
#ifdef GS_ASAN_FIBERS
    __sanitizer_start_switch_fiber(nullptr, self->callerBottom_, self->callerSize_);
#endif
    setcontext(&self->caller_);
}

void Generator::run() {
    try {
        Value r = body();
        returnValue = r;
    } catch (PyError& e) {
        // GeneratorExit while closing ends the generator quietly
        if (!(closing_ && e.typeName() == "GeneratorExit")) error_ = std::current_exception();
    } catch (...) {
        error_ = std::current_exception();
    }
    body = nullptr;
}

void Generator::switchToCaller() {
#ifdef GS_ASAN_FIBERS
    void* fake = nullptr;
    __sanitizer_start_switch_fiber(&fake, callerBottom_, callerSize_);
    swapcontext(&ctx_, &caller_);
    __sanitizer_finish_switch_fiber(fake, &callerBottom_, &callerSize_);
#else
    swapcontext(&ctx_, &caller_);
#endif
}

bool Generator::resume(const Value& sent, Value& out) {
    Interpreter& I = interp_;
    if (state_ == State::Finished || abandoned_) return false;
    if (state_ == State::Running) I.raise(I.types.ValueError, "generator already executing");
    if (state_ == State::Created) {
        if (!sent.isNone() && !sent.isNull() && !closing_)
            I.raise(I.types.TypeError, "can't send non-None value to a just-started generator");
        if (closing_ || !pendingThrow_.isNull()) {  // never started: nothing to unwind
            state_ = State::Finished;
            if (!pendingThrow_.isNull()) {
                Value exc = std::move(pendingThrow_);
                pendingThrow_ = Value();
                I.raise(exc);
            }
            return false;
        }
        void* mem = mmap(nullptr, kStackSize + kGuard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                         -1, 0);
        if (mem == MAP_FAILED) I.raise("MemoryError", "cannot allocate a generator stack");
        stackMem_ = static_cast<char*>(mem);
        stackSize_ = kStackSize;
        mprotect(stackMem_, kGuard, PROT_NONE);
        getcontext(&ctx_);
        ctx_.uc_stack.ss_sp = stackMem_ + kGuard;
        ctx_.uc_stack.ss_size = kStackSize;
        ctx_.uc_link = nullptr;
        auto p = reinterpret_cast<uintptr_t>(this);
        makecontext(&ctx_, reinterpret_cast<void (*)()>(&Generator::entry), 2, static_cast<unsigned>(p & 0xffffffffu),
                    static_cast<unsigned>(p >> 32));
    }
    Value keepAlive;  // the body may drop the last outside reference (not while being destroyed)
    if (refcount() > 0) keepAlive = Value(this);
    transfer_ = sent;
    // Swap in the body's interpreter state; the consumer's frames stay below it.
    consumerTop_ = I.top_;
    consumerDepth_ = I.depth_;
    consumerStack_ = I.eval_->stack_;
    consumerStackLimit_ = I.stackLimit_;
    frame.back = consumerTop_;
    if (savedTop_) I.top_ = savedTop_;
    I.depth_ += savedDepth_;
    std::swap(I.handling, savedHandling_);
    I.eval_->stack_ = &ownStack_;
    I.stackLimit_ = stackMem_ + kGuard + kStackReserve;
    state_ = State::Running;
#ifdef GS_ASAN_FIBERS
    __sanitizer_start_switch_fiber(&fakeStack_, stackMem_ + kGuard, kStackSize);
    swapcontext(&caller_, &ctx_);
    __sanitizer_finish_switch_fiber(fakeStack_, nullptr, nullptr);
#else
    swapcontext(&caller_, &ctx_);
#endif
    // Back in the consumer (a yield or the end): restore its state.
    savedTop_ = state_ == State::Finished ? nullptr : I.top_;
    savedDepth_ = state_ == State::Finished ? 0 : I.depth_ - consumerDepth_;
    I.top_ = consumerTop_;
    I.depth_ = consumerDepth_;
    std::swap(I.handling, savedHandling_);
    I.eval_->stack_ = consumerStack_;
    I.stackLimit_ = consumerStackLimit_;
    if (state_ == State::Finished) {
        if (stackMem_) {
            munmap(stackMem_, stackSize_ + kGuard);
            stackMem_ = nullptr;
        }
        savedHandling_.clear();
        if (error_) {
            std::exception_ptr e = error_;
            error_ = nullptr;
            std::rethrow_exception(e);
        }
        return false;
    }
    state_ = State::Suspended;
    out = std::move(transfer_);
    transfer_ = Value();
    return true;
}

Value Generator::yieldValue(Value v) {
    transfer_ = std::move(v);
    switchToCaller();
    // resumed
    state_ = State::Running;
    if (closing_) interp_.raise(interp_.exceptionType("GeneratorExit"), "");
    if (!pendingThrow_.isNull()) {
        Value exc = std::move(pendingThrow_);
        pendingThrow_ = Value();
        interp_.raise(exc);
    }
    Value sent = std::move(transfer_);
    transfer_ = Value();
    return sent.isNull() ? Value::none() : sent;
}

void Generator::close() {
    if (state_ == State::Finished) return;
    if (state_ == State::Created) {
        state_ = State::Finished;
        return;
    }
    closing_ = true;
    Value out;
    if (resume(Value::none(), out)) {
        // yielded again while closing: keep unwinding until the body ends
        while (state_ != State::Finished && resume(Value::none(), out)) {
        }
        interp_.raise(interp_.types.RuntimeError, "generator ignored GeneratorExit");
    }
}

} // namespace gs::runtime
