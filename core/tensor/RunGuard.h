#pragma once
// What the current run allows long tensor work (issue 12). The host installs a guard for its
// thread (the engine installs one that applies the interpreter's limits); the tensor library
// then
//   - calls poll() between blocks of about kBlock elements of every long kernel, so --timeout
//     and the GUI's Cancel stop a run even inside one long op (a 7000x7000 matmul);
//   - calls beforeAllocate(bytes) before taking memory whose size comes from tensor data (a
//     storage, a scratch buffer), so a memory limit is checked before the bytes are taken, not
//     after.
// Both may throw the host's limit exception; tensor code is exception-safe (RAII). With no
// guard installed (library use, tests) both do nothing.
#include <array>
#include <cstdint>
#include <vector>

#include "core/tensor/ElementLimit.h"

namespace gs::tensor {

class RunGuard {
public:
    static constexpr int64_t kBlock = int64_t{1} << 16;  // elements between polls

    virtual ~RunGuard() = default;
    virtual void onPoll() = 0;
    virtual void onAllocate(int64_t bytes) = 0;

    static void poll() {
        if (current_) current_->onPoll();
    }
    static void beforeAllocate(int64_t bytes) {
        if (current_) current_->onAllocate(bytes);
    }
    static RunGuard* current() { return current_; }

    // RAII: installs `guard` for this thread, restores the previous one.
    class Scope {
    public:
        explicit Scope(RunGuard* guard) : previous_(current_) { current_ = guard; }
        ~Scope() { current_ = previous_; }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        RunGuard* previous_;
    };

private:
    static inline thread_local RunGuard* current_ = nullptr;
};

// A working buffer of n values sized by tensor data: the element limit and the memory limit are
// checked before it is allocated (a reduction over 10^9 outputs must fail before taking 8 GB).
template <class T>
std::vector<T> scratchVector(int64_t n) {
    ElementLimit::check(n);
    RunGuard::beforeAllocate(n * static_cast<int64_t>(sizeof(T)));
    return std::vector<T>(static_cast<size_t>(n));
}

// Counts work done in small steps and polls the guard every kBlock units.
class WorkMeter {
public:
    void add(int64_t units) {
        if ((done_ += units) >= RunGuard::kBlock) {
            done_ = 0;
            RunGuard::poll();
        }
    }

private:
    int64_t done_ = 0;
};

// Runs inner(ptrs, strides, count) over n elements in blocks of kBlock, polling the guard
// between blocks; ptrs advance by strides (bytes per element).
template <size_t N, class F>
void inBlocks(std::array<char*, N> ptrs, const std::array<int64_t, N>& strides, int64_t n, F&& inner) {
    while (n > RunGuard::kBlock) {
        inner(ptrs, strides, RunGuard::kBlock);
        for (size_t k = 0; k < N; ++k) ptrs[k] += strides[k] * RunGuard::kBlock;
        n -= RunGuard::kBlock;
        RunGuard::poll();
    }
    inner(ptrs, strides, n);
}

} // namespace gs::tensor
