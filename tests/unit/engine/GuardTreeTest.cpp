// Guard trees and guard evaluation as the session records them: order (dynamo-semantics §1.3),
// wording (§2.2), provenance lines, and every failing guard of an entry, not only the first.
#include <gtest/gtest.h>

#include "tests/unit/engine/EngineTestUtil.h"
#include "core/session/Session.h"

using namespace gs;

namespace {

session::Session run(const std::string& src) { return engine::test::runQuietly("/tmp/guards/scenario.py", src); }

std::vector<std::string> kinds(const session::CompileEntry& e) {
    std::vector<std::string> out;
    for (const auto& g : e.guards) out.push_back(g.kind + (g.source.empty() ? "" : " " + g.source));
    return out;
}

const char* kTwoTensors = R"PY(import torch

def f(x, y):
    return x * y

g = torch.compile(f, backend="eager")
g(torch.ones(2), torch.ones(2))
g(torch.ones(2), torch.ones(2))
g(torch.ones(3), torch.ones(3))
)PY";

} // namespace

TEST(GuardTree, AmbientGuardsThenOneManagerPerSourceInFirstAccessOrderThenAliasing) {
    session::Session s = run(kTwoTensors);
    ASSERT_EQ(s.compiles.size(), 2u);
    EXPECT_EQ(kinds(s.compiles[0]),
              (std::vector<std::string>{"RootGuardManager", "DEFAULT_DEVICE", "GLOBAL_STATE", "GuardManager L['x']",
                                        "TENSOR_MATCH L['x']", "NO_HASATTR L['x']", "GuardManager L['y']", "TENSOR_MATCH L['y']",
                                        "NO_HASATTR L['y']", "NO_TENSOR_ALIASING"}));
    const session::Guard& tm = s.compiles[0].guards[4];
    EXPECT_EQ(tm.code,
              "check_tensor(L['x'], Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch.float32, "
              "device=None, requires_grad=False, size=[2], stride=[1])");
    EXPECT_EQ(tm.line, 4);  // provenance: `return x * y`
    EXPECT_EQ(tm.userCode, "return x * y");
    EXPECT_EQ(s.compiles[0].guards.back().code, "check_no_aliasing(L['x'], L['y'])");
}

TEST(GuardTree, DynamicEntryHasNoneSizesAndShapeGuardsLast) {
    session::Session s = run(kTwoTensors);
    const session::CompileEntry& e = s.compiles[1];
    EXPECT_NE(e.guards[4].code.find("size=[None], stride=[1]"), std::string::npos) << e.guards[4].code;
    ASSERT_GE(e.guards.size(), 2u);
    EXPECT_EQ(e.guards[e.guards.size() - 2].code, "L['y'].size()[0] == L['x'].size()[0]");
    EXPECT_EQ(e.guards.back().code, "2 <= L['x'].size()[0]");
    EXPECT_EQ(e.guards.back().kind, "LAMBDA_GUARD");
    EXPECT_EQ(e.symbols, (std::vector<std::string>{"s77", "s17"}));
}

TEST(GuardEvaluation, HitsAndMissesAreRecordedPerEntryWithEveryFailingGuard) {
    session::Session s = run(kTwoTensors);
    ASSERT_EQ(s.calls.size(), 3u);
    EXPECT_EQ(s.calls[0].outcome, session::CallOutcome::Compiled);
    EXPECT_EQ(s.calls[1].outcome, session::CallOutcome::Hit);
    ASSERT_EQ(s.calls[1].tried.size(), 1u);
    EXPECT_TRUE(s.calls[1].tried[0].passed);
    const session::Call& miss = s.calls[2];
    EXPECT_EQ(miss.outcome, session::CallOutcome::Recompiled);
    ASSERT_EQ(miss.tried.size(), 1u);
    const session::GuardEval& ge = miss.tried[0];
    EXPECT_FALSE(ge.passed);
    EXPECT_EQ(ge.compileId, "0/0");
    EXPECT_EQ(ge.reason, "tensor 'x' size mismatch at index 0. expected 2, actual 3");
    EXPECT_EQ(ge.firstFailedGuard, 4);                         // TENSOR_MATCH L['x']
    EXPECT_EQ(ge.failedGuards, (std::vector<int>{4, 7}));      // ... and TENSOR_MATCH L['y']
    ASSERT_EQ(s.recompiles.size(), 1u);
    EXPECT_EQ(s.recompiles[0].reasons[0].allFailures,
              (std::vector<std::string>{"tensor 'x' size mismatch at index 0. expected 2, actual 3",
                                        "tensor 'y' size mismatch at index 0. expected 2, actual 3"}));
    EXPECT_EQ(s.recompiles[0].reasons[0].category, session::ReasonCategory::SizeChange);
    EXPECT_FALSE(s.recompiles[0].reasons[0].fix.empty());
}

TEST(GuardEvaluation, BoolGuardCarriesItsUserLineInTheVerboseReason) {
    session::Session s = run(R"PY(import torch

def f(flag, x):
    if flag:
        return x + 1
    return x - 1

g = torch.compile(f, backend="eager")
g(True, torch.ones(2))
g(False, torch.ones(2))
)PY");
    ASSERT_EQ(s.recompiles.size(), 1u);
    const std::string& text = s.recompiles[0].reasons[0].text;
    EXPECT_EQ(text.substr(0, 13), "flag == True ");
    EXPECT_NE(text.find("  # if flag:  # guards/scenario.py:4 in f"), std::string::npos) << text;
    EXPECT_EQ(s.recompiles[0].reasons[0].category, session::ReasonCategory::BoolFlip);
}

TEST(GuardEvaluation, UnusedArgumentsAreNotGuarded) {
    session::Session s = run(R"PY(import torch

def f(x, unused_tensor, unused_int):
    return x + 1

g = torch.compile(f, backend="eager")
g(torch.ones(2), torch.ones(5), 3)
g(torch.ones(2), torch.ones(7, 7), 4)
)PY");
    ASSERT_EQ(s.compiles.size(), 1u);
    for (const auto& gd : s.compiles[0].guards) EXPECT_EQ(gd.source.find("unused"), std::string::npos) << gd.source;
    EXPECT_EQ(s.calls[1].outcome, session::CallOutcome::Hit);
}

TEST(GuardEvaluation, ModuleTrainingFlagIsGuardedThroughTheModulesDict) {
    session::Session s = run(R"PY(import torch

class M(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.drop = torch.nn.Dropout(0.5)

    def forward(self, x):
        return self.drop(x)

m = torch.compile(M(), backend="eager")
m.eval()
m(torch.ones(3))
)PY");
    ASSERT_EQ(s.compiles.size(), 1u);
    bool found = false;
    for (const auto& g : s.compiles[0].guards)
        if (g.kind == "BOOL_MATCH" && g.code.find(".training") != std::string::npos) {
            found = true;
            EXPECT_EQ(g.code, "L['self']._modules['drop'].training == False");
            EXPECT_EQ(g.line, 9);  // the user line inside forward, not the nn prelude
        }
    EXPECT_TRUE(found);
}
