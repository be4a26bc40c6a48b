#pragma once
// The machine stack under the interpreter (issue 12, "Recursion"): scenario recursion must end
// in a RecursionError, never in a stack overflow, whatever --max-depth says. Two parts:
//   - runWithStack() runs the interpreter on a thread whose stack is sized from the depth
//     limit (sizeForDepth), so a high --max-depth is reachable;
//   - lowestSafeAddress() is the address below which calls refuse to go deeper (the thread's
//     stack bottom plus a reserve for native code), checked on every call, so even a limit
//     the stack cannot hold (or native recursion) stops cleanly.
#include <cstddef>
#include <functional>

namespace gs::runtime {

class MachineStack {
public:
    // Built with AddressSanitizer (its frames are bigger, and its shadow memory needs the whole
    // address space: no RLIMIT_AS).
    static bool underAddressSanitizer();
    // Bytes of stack one nested scenario call takes at most (measured: see MachineStack.cpp).
    static size_t bytesPerCall();
    // Bytes kept free below the last checked call for native code (parsing an argument, a
    // repr, a tensor op).
    static size_t reserve();
    // A stack for `maxDepth` nested calls plus the reserve and room for the host, at least
    // 8 MiB, at most 64 GiB of address space (only touched pages cost memory).
    static size_t sizeForDepth(int maxDepth);
    // This thread's lowest address a call may use (stack bottom + reserve()); cached per thread.
    static const char* lowestSafeAddress();
    // Runs fn on a new thread with a stack of `bytes`, waits for it, and rethrows what it threw.
    // When the system refuses that stack, asks for half as much until it gets one (not below
    // 8 MiB); only when no thread can be made does fn run here (the call check still protects
    // the smaller stack).
    static void runWithStack(size_t bytes, const std::function<void()>& fn);
};

} // namespace gs::runtime
