// ScenarioFacts: functions, torch.compile sites, call sites and config lines of a scenario.
#include "core/advisor/ScenarioFacts.h"

#include <gtest/gtest.h>

using namespace gs::advisor;

namespace {

const char* kScenario = R"(import torch
import torch._dynamo.testing
torch._dynamo.config.recompile_limit = 3


def scale(x, y):
    return x * y


class Net(torch.nn.Module):
    def forward(self, x):
        return x + 1


cnt = torch._dynamo.testing.CompileCounter()
opt_scale = torch.compile(scale, backend=cnt)
model = Net()
opt_model = torch.compile(model, dynamic=False)
for n in [2, 3]:
    opt_scale(torch.randn(n), y=torch.randn(n))
    print(opt_scale(torch.ones(n), torch.ones(n)))
opt_model(torch.ones(2))
)";

gs::session::Frame frame(const char* name, int line) { return {0, name, "t.py", line}; }

} // namespace

TEST(ScenarioFacts, FindsFunctionsWithTheirParametersAndFirstLines) {
    ScenarioFacts f(kScenario, "t.py");
    ASSERT_TRUE(f.parsed()) << f.error();
    const FunctionInfo* scale = f.functionOf(frame("scale", 6));
    ASSERT_NE(scale, nullptr);
    EXPECT_EQ(scale->params, (std::vector<std::string>{"x", "y"}));
    const FunctionInfo* fwd = f.functionOf(frame("forward", 11));
    ASSERT_NE(fwd, nullptr);
    EXPECT_EQ(fwd->className, "Net");
    EXPECT_EQ(fwd->params, (std::vector<std::string>{"x"}));  // self is not an input
    EXPECT_EQ(f.functionOf(frame("missing", 1)), nullptr);
}

TEST(ScenarioFacts, CompileSitesOfAFunctionAndOfAModuleInstance) {
    ScenarioFacts f(kScenario, "t.py");
    auto sites = f.compileSitesOf(*f.functionOf(frame("scale", 6)));
    ASSERT_EQ(sites.size(), 1u);
    EXPECT_EQ(sites[0]->boundName, "opt_scale");
    EXPECT_EQ(sites[0]->keywords.count("backend"), 1u);
    auto modSites = f.compileSitesOf(*f.functionOf(frame("forward", 11)));
    ASSERT_EQ(modSites.size(), 1u);  // `model` holds a Net
    EXPECT_EQ(modSites[0]->boundName, "opt_model");
    EXPECT_EQ(f.text().slice(modSites[0]->keywords.at("dynamic")), "False");
}

TEST(ScenarioFacts, CallSitesCarryArgumentTextsAndWhetherTheyCanBeHoisted) {
    ScenarioFacts f(kScenario, "t.py");
    const FunctionInfo& scale = *f.functionOf(frame("scale", 6));
    auto first = f.callSitesAt(20, scale);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_TRUE(first[0].hoistable);
    ASSERT_EQ(first[0].args.size(), 2u);
    EXPECT_EQ(first[0].args[0].text, "torch.randn(n)");
    EXPECT_EQ(first[0].args[1].keyword, "y");
    EXPECT_EQ(first[0].indent, "    ");
    auto printed = f.callSitesAt(21, scale);
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_FALSE(printed[0].hoistable);  // inside print(...): not the statement's own value
    EXPECT_TRUE(f.callSitesAt(22, scale).empty());  // opt_model is another function's
}

TEST(ScenarioFacts, ConfigLinesAndWhereNewOnesGo) {
    ScenarioFacts f(kScenario, "t.py");
    const ConfigAssign* c = f.configAssign("torch._dynamo.config.recompile_limit");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->valueText, "3");
    EXPECT_EQ(c->line, 3);
    EXPECT_EQ(f.configInsertLine(), 2);
    EXPECT_EQ(f.configAssign("torch._dynamo.config.automatic_dynamic_shapes"), nullptr);
}

TEST(ScenarioFacts, FreshNamesAvoidEveryNameInUseButParametersInsideTheirFunction) {
    ScenarioFacts f(kScenario, "t.py");
    EXPECT_EQ(f.freshName("x"), "x");      // x is only scale's (and forward's) parameter
    EXPECT_EQ(f.freshName("n"), "n_in");   // n is the loop variable
    EXPECT_EQ(f.freshName("x", {"x"}), "x_in");
}

TEST(ScenarioFacts, ASyntaxErrorLeavesNoFactsAndSaysWhere) {
    ScenarioFacts f("def f(:\n", "bad.py");
    EXPECT_FALSE(f.parsed());
    EXPECT_NE(f.error().find("bad.py:1"), std::string::npos) << f.error();
    EXPECT_TRUE(f.functions().empty());
}
