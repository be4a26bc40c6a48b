// Resource limits: distinct C++ exception, not catchable by scenario code, naming the line.
#include <gtest/gtest.h>

#include <atomic>

#include "RuntimeTestUtil.h"

using namespace gs::runtime;

TEST(Limits, StepLimitNamesTheLineAndFlag) {
    Interpreter I;
    I.limits().maxSteps = 1000;
    try {
        I.runSource("loop.py", "x = 0\nwhile True:\n    x += 1\n");
        FAIL() << "expected LimitExceeded";
    } catch (const LimitExceeded& e) {
        EXPECT_EQ(e.kind, LimitExceeded::Kind::Steps);
        std::string msg = e.what();
        EXPECT_TRUE(msg == "loop.py:3: limit reached: more than 1000 steps (raise it with --max-steps)" ||
                    msg == "loop.py:2: limit reached: more than 1000 steps (raise it with --max-steps)")
            << msg;
    }
}

TEST(Limits, ScenarioExceptCannotCatchLimits) {
    Interpreter I;
    I.limits().maxSteps = 500;
    auto c = gs::runtime::test::run(I, "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\nfinally:\n    print('finally')\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_EQ(c.out, "");
    EXPECT_NE(c.err.find("limit reached: more than 500 steps"), std::string::npos) << c.err;
}

TEST(Limits, CallDepthLimit) {
    Interpreter I;
    I.limits().maxDepth = 50;
    auto c = gs::runtime::test::run(I, "def r(n):\n    return r(n + 1)\nr(0)\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_NE(c.err.find("scenario.py:2: limit reached: more than 50 nested calls (raise it with --max-depth)"),
              std::string::npos)
        << c.err;
}

TEST(Limits, WallTimeLimit) {
    Interpreter I;
    I.limits().maxSeconds = 0.05;
    I.limits().clockInterval = 256;
    auto c = gs::runtime::test::run(I, "while True:\n    pass\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_NE(c.err.find("seconds of run time (raise it with --max-seconds)"), std::string::npos) << c.err;
}

TEST(Limits, CancelFlagStopsTheRun) {
    Interpreter I;
    std::atomic<bool> cancel{true};
    I.limits().cancel = &cancel;
    I.limits().clockInterval = 16;
    try {
        I.runSource("c.py", "while True:\n    pass\n");
        FAIL();
    } catch (const LimitExceeded& e) {
        EXPECT_EQ(e.kind, LimitExceeded::Kind::Cancelled);
        EXPECT_EQ(std::string(e.what()).find("c.py:"), 0u);
    }
}

TEST(Limits, TensorElementHookReportsScenarioLine) {
    Interpreter I;
    I.limits().maxTensorElements = 100;
    Module* m = I.nativeModule("fake");
    I.defineFunction(m, "alloc", [&I](const CallArgs& a) {
        I.checkTensorElements(a[0].asInt());
        return Value::none();
    });
    auto c = gs::runtime::test::run(I, "import fake\nfake.alloc(10)\nfake.alloc(1000)\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_NE(c.err.find("scenario.py:3: limit reached: a tensor of 1000 elements (more than 100)"), std::string::npos)
        << c.err;
}

TEST(Limits, StepsAreCountedPerRun) {
    Interpreter I;
    I.limits().maxSteps = 2000;
    I.setOutput([](std::string_view) {});
    for (int k = 0; k < 5; ++k) {
        std::string module = "m";
        module += std::to_string(k);
        EXPECT_NO_THROW(I.runSource("r.py", "for i in range(300):\n    pass\n", module));
    }
}

// Issue 12: a traceback echoes at most a couple hundred bytes of each source line.
TEST(Limits, TracebacksOfAHugeLineEchoAnExcerpt) {
    Interpreter I;
    std::string source = "x = [";
    for (int i = 0; i < 100000; ++i) source += "1, ";
    source += "undefined_name]\n";
    auto c = gs::runtime::test::run(I, source);
    EXPECT_EQ(c.rc, 1);
    EXPECT_LT(c.err.size(), 1000u) << c.err.substr(0, 400);
    EXPECT_NE(c.err.find("NameError: name 'undefined_name' is not defined"), std::string::npos);
    EXPECT_NE(c.err.find("x = [1, 1, "), std::string::npos);
}
