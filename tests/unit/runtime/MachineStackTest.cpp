// MachineStack (issue 12, "Recursion"): the interpreter's thread gets the stack its depth limit
// needs, and when the system refuses that much it gets the largest stack it will give, not the
// caller's.
#include "core/runtime/MachineStack.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

using gs::runtime::MachineStack;

namespace {

size_t thisThreadsStackBytes() {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return size;
}

constexpr size_t kMiB = size_t{1} << 20;

} // namespace

TEST(MachineStack, RunsOnANewThreadWithTheRequestedStack) {
    const pthread_t caller = pthread_self();
    bool onOtherThread = false;
    size_t stack = 0;
    MachineStack::runWithStack(64 * kMiB, [&] {
        onOtherThread = !pthread_equal(caller, pthread_self());
        stack = thisThreadsStackBytes();
    });
    EXPECT_TRUE(onOtherThread);
    EXPECT_GE(stack, 64 * kMiB);
}

TEST(MachineStack, RethrowsWhatTheFunctionThrew) {
    EXPECT_THROW(MachineStack::runWithStack(16 * kMiB, [] { throw std::runtime_error("boom"); }),
                 std::runtime_error);
}

TEST(MachineStack, ARefusedStackIsHalvedUntilTheSystemGivesOne) {
    if (MachineStack::underAddressSanitizer()) GTEST_SKIP() << "an address-space limit cannot be set under AddressSanitizer "
                                    "(its shadow memory needs terabytes of address space)";
    // In a child process (the limit must not leak into the other tests): an address-space limit
    // of 2 GiB refuses the 64 GiB stack sizeForDepth gives a huge --max-depth. The function must
    // still run on its own thread, on a stack of at least 256 MiB (the halving reaches 1 GiB or
    // 512 MiB, which fit), not on the caller's 8 MiB.
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        rlimit lim{size_t{2} << 30, size_t{2} << 30};
        if (setrlimit(RLIMIT_AS, &lim) != 0) _exit(10);
        const pthread_t caller = pthread_self();
        bool onOtherThread = false;
        size_t stack = 0;
        MachineStack::runWithStack(MachineStack::sizeForDepth(1'000'000'000), [&] {
            onOtherThread = !pthread_equal(caller, pthread_self());
            stack = thisThreadsStackBytes();
        });
        if (!onOtherThread) _exit(11);
        if (stack < 256 * kMiB) _exit(12);
        _exit(0);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "the child died of signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 0)
        << "10: setrlimit failed, 11: ran on the caller's thread, 12: stack under 256 MiB";
}
