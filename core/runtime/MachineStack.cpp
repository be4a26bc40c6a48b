#include "core/runtime/MachineStack.h"

#include <pthread.h>

#include <algorithm>
#include <cstdint>
#include <exception>

namespace gs::runtime {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

constexpr size_t kMiB = size_t{1} << 20;

struct Job {
    const std::function<void()>* fn;
    std::exception_ptr error;
};

void* trampoline(void* arg) {
    auto* job = static_cast<Job*>(arg);
    try {
        (*job->fn)();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}

} // namespace

bool MachineStack::underAddressSanitizer() { return kAsan; }

size_t MachineStack::bytesPerCall() {
    // A scenario call nests Evaluator::call -> callFunction -> runFunction -> exec -> eval
    // frames; measured with tests/unit/runtime/LimitsTest (DeepRecursionUsesBoundedStack) at
    // about 1.5 KiB in an optimised build. Debug and sanitizer builds use several times more.
#ifdef NDEBUG
    constexpr size_t kOptimised = 4096;
#else
    constexpr size_t kOptimised = 12288;
#endif
    return kAsan ? 4 * kOptimised : kOptimised;
}

size_t MachineStack::reserve() { return kAsan ? 2 * kMiB : kMiB / 2; }

size_t MachineStack::sizeForDepth(int maxDepth) {
    const size_t depth = static_cast<size_t>(std::max(maxDepth, 1));
    // AddressSanitizer cannot clean up after an exception thrown on a stack of more than 64 MiB
    // (it skips __asan_handle_no_return there and then reports false overflows): under ASan the
    // stack stays below that, and the call check stops deeper recursion with a RecursionError.
    const size_t cap = kAsan ? 60 * kMiB : size_t{64} << 30;
    const size_t perCall = bytesPerCall();
    if (depth > cap / perCall) return cap;
    return std::clamp(depth * perCall + reserve() + 4 * kMiB, 8 * kMiB, cap);
}

const char* MachineStack::lowestSafeAddress() {
    thread_local const char* cached = [] {
        pthread_attr_t attr;
        void* addr = nullptr;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) != 0) return static_cast<const char*>(nullptr);
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
        if (!addr || size <= reserve()) return static_cast<const char*>(nullptr);
        return static_cast<const char*>(addr) + reserve();
    }();
    return cached;
}

void MachineStack::runWithStack(size_t bytes, const std::function<void()>& fn) {
    // A system may refuse a large stack (RLIMIT_AS, overcommit off, a 32-bit address space):
    // halve the request until a thread can be made, down to the 8 MiB a default thread gets,
    // so a refused 64 GiB request still reaches the depth a 32 GiB or 1 GiB stack holds.
    Job job{&fn, nullptr};
    pthread_t thread;
    bool made = false;
    for (size_t size = bytes; !made; size /= 2) {
        pthread_attr_t attr;
        if (pthread_attr_init(&attr) != 0) break;
        made = pthread_attr_setstacksize(&attr, size) == 0 &&
               pthread_create(&thread, &attr, &trampoline, &job) == 0;
        pthread_attr_destroy(&attr);
        if (size / 2 < 8 * kMiB) break;
    }
    if (!made) return fn();  // the call check still protects this thread's smaller stack
    pthread_join(thread, nullptr);
    if (job.error) std::rethrow_exception(job.error);
}

} // namespace gs::runtime
