// Each compile keeps the user stack that reached it, as PyTorch's dynamo_start logs it
// (torch-trace-format §1.3.4): outermost first, each caller frame with its line and source text,
// the compiled function last at its first line without text; a compile stopped by the recompile
// limit has none (PyTorch checks the limit before dynamo_start).
#include <gtest/gtest.h>

#include "tests/unit/engine/EngineTestUtil.h"

using namespace gs;

namespace {

session::Session run(const std::string& src) { return engine::test::runQuietly("/w/stack.py", src); }

} // namespace

TEST(CompileStack, OutermostFirstEndingAtTheCompiledFunction) {
    auto s = run("import torch\n"
                 "def f(x):\n"
                 "    return x + 1\n"
                 "cf = torch.compile(f, backend='eager')\n"
                 "def step(x):\n"
                 "    return cf(x)\n"
                 "def loop():\n"
                 "    for n in (2, 3):\n"
                 "        step(torch.ones(n))\n"
                 "loop()\n");
    ASSERT_EQ(s.compiles.size(), 2u);
    const std::vector<session::StackFrame> want{{"/w/stack.py", 10, "<module>", "loop()"},
                                                {"/w/stack.py", 9, "loop", "step(torch.ones(n))"},
                                                {"/w/stack.py", 6, "step", "return cf(x)"},
                                                {"/w/stack.py", 2, "f", ""}};
    EXPECT_EQ(s.compiles[0].stack, want);
    EXPECT_EQ(s.compiles[1].stack, want);  // the recompile came the same way
}

TEST(CompileStack, ALimitHitHasNoStack) {
    auto s = run("import torch\n"
                 "torch._dynamo.config.recompile_limit = 1\n"
                 "f = torch.compile(lambda x: x * 2, backend='eager')\n"
                 "f(torch.ones(2))\n"
                 "f(torch.ones(2, 2))\n");
    ASSERT_EQ(s.compiles.size(), 2u);
    EXPECT_EQ(s.compiles[0].stack.size(), 2u);
    EXPECT_EQ(s.compiles[1].status, session::EntryStatus::LimitHit);
    EXPECT_TRUE(s.compiles[1].stack.empty());
}
