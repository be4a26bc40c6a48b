// torch._dynamo.reset() from the engine to the exported log (issue 9): the engine sends a Reset
// where the user called it, and the TORCH_TRACE writer names the function of each compile by
// its epoch — after a reset, frame id 0 and compile id 0/0 belong to another function.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs;
using namespace gs::trace::test;

namespace {

constexpr const char* kScenario = R"(import torch
def foo(x):
    return x + 1
def bar(x):
    return x * 2
f = torch.compile(foo, backend="eager")
f(torch.ones(2))
f(torch.ones(2))
torch._dynamo.reset()
g = torch.compile(bar, backend="eager")
g(torch.ones(2))
torch._dynamo.reset()
torch._dynamo.reset()
)";

session::Session run() {
    session::SessionBuilder b;
    engine::RunOptions o;
    o.out = [](std::string_view) {};
    o.logOut = [](std::string_view) {};
    engine::RunResult r = engine::runScenario("reset.py", kScenario, b, o);
    EXPECT_EQ(r.exitCode, 0) << r.error;
    return b.take();
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

} // namespace

TEST(EngineReset, TheEngineSendsAResetWhereTheScenarioCalledIt) {
    const session::Session s = run();
    // The third reset() has nothing left to forget: no event.
    ASSERT_EQ(s.resets.size(), 2u);
    EXPECT_EQ(s.resets[0], (session::Reset{.callIndex = 2, .line = 9, .frames = 1, .compiles = 1}));
    EXPECT_EQ(s.resets[1].line, 12);
    ASSERT_EQ(s.compiles.size(), 2u);
    EXPECT_EQ(s.compiles[0].compileId, s.compiles[1].compileId);
    EXPECT_EQ(s.compiles[0].hitCount, 1); // foo's hit, counted before its entry went
    EXPECT_EQ(s.frameOf(s.compiles[0])->name, "foo");
    EXPECT_EQ(s.frameOf(s.compiles[1])->name, "bar");
}

TEST(EngineReset, TheExportedLogNamesTheFunctionOfEachEpoch) {
    const session::Session s = run();
    TempDir d;
    const std::string path = d.file("reset.log");
    trace::exportTorchTrace(s, path);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(count(text.str(), "\"name\": \"foo\""), 1u) << text.str();
    EXPECT_EQ(count(text.str(), "\"name\": \"bar\""), 1u) << text.str();
}
