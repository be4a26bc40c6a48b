// EditBuilder: the text each kind of fix writes into a scenario.
#include "core/advisor/EditBuilder.h"

#include <gtest/gtest.h>

using namespace gs::advisor;

namespace {

gs::session::Frame frame(const char* name, int line) { return {0, name, "t.py", line}; }

std::string applied(const ScenarioFacts& f, const std::optional<std::vector<Edit>>& edits) {
    EXPECT_TRUE(edits.has_value());
    return edits ? f.text().apply(*edits) : std::string();
}

const char* kMul = R"(import torch


def scale(x, y):
    return x * y


opt_scale = torch.compile(scale, backend="eager")
a = torch.ones(2)
for n in [2, 3]:
    opt_scale(torch.randn(n), torch.randn(n))
    opt_scale(a, torch.randn(n))
)";

} // namespace

TEST(EditBuilder, MarksEveryInputComputingArgumentsFirstInTheirOrder) {
    ScenarioFacts f(kMul, "t.py");
    const FunctionInfo& fn = *f.functionOf(frame("scale", 4));
    EditBuilder b(f);
    std::string out = applied(f, b.markInputs(fn, {11, 12}, {{"x", {0}}, {"y", {0}}}, "torch._dynamo.maybe_mark_dynamic"));
    EXPECT_NE(out.find("    x = torch.randn(n)\n"
                       "    y = torch.randn(n)\n"
                       "    torch._dynamo.maybe_mark_dynamic(x, 0)\n"
                       "    torch._dynamo.maybe_mark_dynamic(y, 0)\n"
                       "    opt_scale(x, y)\n"),
              std::string::npos)
        << out;
    // a variable is marked where it is; only the other argument moves (y is taken now: y_in)
    EXPECT_NE(out.find("    y_in = torch.randn(n)\n"
                       "    torch._dynamo.maybe_mark_dynamic(a, 0)\n"
                       "    torch._dynamo.maybe_mark_dynamic(y_in, 0)\n"
                       "    opt_scale(a, y_in)\n"),
              std::string::npos)
        << out;
}

TEST(EditBuilder, MarkingALaterArgumentStillComputesTheEarlierOneFirst) {
    ScenarioFacts f(kMul, "t.py");
    EditBuilder b(f);
    std::string out = applied(f, b.markInputs(*f.functionOf(frame("scale", 4)), {11}, {{"y", {0}}}, "torch._dynamo.mark_dynamic"));
    EXPECT_NE(out.find("    x = torch.randn(n)\n    y = torch.randn(n)\n    torch._dynamo.mark_dynamic(y, 0)\n    opt_scale(x, y)\n"),
              std::string::npos)
        << out;
}

TEST(EditBuilder, ACallInsideAnotherExpressionIsNotRewritten) {
    ScenarioFacts f("import torch\ndef g(x):\n    return x\nh = torch.compile(g)\nprint(h(torch.ones(2)))\n", "t.py");
    EditBuilder b(f);
    EXPECT_FALSE(b.markInputs(*f.functionOf(frame("g", 2)), {5}, {{"x", {0}}}, "torch._dynamo.mark_dynamic"));
    EXPECT_NE(b.why().find("larger expression"), std::string::npos) << b.why();
}

TEST(EditBuilder, CompileKeywordIsAddedOrReplaced) {
    ScenarioFacts f(kMul, "t.py");
    EditBuilder b(f);
    std::string out = applied(f, b.setCompileKeyword(*f.functionOf(frame("scale", 4)), "dynamic", "True"));
    EXPECT_NE(out.find("opt_scale = torch.compile(scale, backend=\"eager\", dynamic=True)\n"), std::string::npos) << out;
    ScenarioFacts g("import torch\n\n\ndef f(x):\n    return x\n\n\nc = torch.compile(f, dynamic=mode)\n", "t.py");
    EditBuilder b2(g);
    EXPECT_NE(applied(g, b2.setCompileKeyword(*g.functionOf(frame("f", 4)), "dynamic", "True")).find("torch.compile(f, dynamic=True)"),
              std::string::npos);
    ScenarioFacts d("import torch\n\n\n@torch.compile\ndef f(x):\n    return x\n", "t.py");
    EditBuilder b3(d);
    EXPECT_NE(applied(d, b3.setCompileKeyword(*d.functionOf(frame("f", 4)), "dynamic", "True")).find("@torch.compile(dynamic=True)\n"),
              std::string::npos);
}

TEST(EditBuilder, ConfigLinesReplaceTheScenariosOwnOrFollowTheImports) {
    ScenarioFacts f("import torch\ntorch._dynamo.config.automatic_dynamic_shapes = False\nx = 1\n", "t.py");
    EditBuilder b(f);
    auto set = b.setConfig("torch._dynamo.config.automatic_dynamic_shapes", "True");
    ASSERT_TRUE(set);
    EXPECT_EQ((*set)[0].config, "torch._dynamo.config.automatic_dynamic_shapes = True");
    EXPECT_EQ(f.text().apply(*set), "import torch\ntorch._dynamo.config.automatic_dynamic_shapes = True\nx = 1\n");
    EXPECT_EQ(applied(f, b.setConfig("torch.fx.experimental._config.use_duck_shape", "False")),
              "import torch\ntorch.fx.experimental._config.use_duck_shape = False\ntorch._dynamo.config.automatic_dynamic_shapes = False\nx = 1\n");
    EXPECT_FALSE(b.setConfig("torch._dynamo.config.automatic_dynamic_shapes", "False"));  // already so
}

TEST(EditBuilder, BranchOnAFlagBecomesTorchWhere) {
    const char* src = "import torch\n\n\ndef step(flag, x):\n    if flag:\n        return x * 2\n    return x - 1\n";
    ScenarioFacts f(src, "t.py");
    EditBuilder b(f);
    EXPECT_EQ(applied(f, b.branchToWhere(*f.functionOf(frame("step", 4)), "flag")),
              "import torch\n\n\ndef step(flag, x):\n    return torch.where(flag, x * 2, x - 1)\n");
    ScenarioFacts n("def step(flag, x):\n    if not flag:\n        return x - 1\n    else:\n        return x * 2\n", "t.py");
    EditBuilder b2(n);
    EXPECT_EQ(applied(n, b2.branchToWhere(*n.functionOf(frame("step", 1)), "flag")),
              "def step(flag, x):\n    return torch.where(flag, x * 2, x - 1)\n");
    EXPECT_FALSE(b2.branchToWhere(*n.functionOf(frame("step", 1)), "x"));
}

TEST(EditBuilder, WrapsAnArgumentWhereItIsPassed) {
    ScenarioFacts f("import torch\ndef f(a, b):\n    return a\ng = torch.compile(f)\nx = torch.ones(2)\ng(x, x)\ng(x, torch.ones(2))\n", "t.py");
    EditBuilder b(f);
    EXPECT_EQ(applied(f, b.wrapArgument(*f.functionOf(frame("f", 2)), {6, 7}, "b", "", ".clone()", true)),
              "import torch\ndef f(a, b):\n    return a\ng = torch.compile(f)\nx = torch.ones(2)\ng(x, x.clone())\ng(x, torch.ones(2))\n");
    EXPECT_NE(applied(f, b.wrapArgument(*f.functionOf(frame("f", 2)), {7}, "a", "torch.as_tensor(", ")")).find("g(torch.as_tensor(x), torch.ones(2))"),
              std::string::npos);
}

TEST(EditBuilder, AMarkAlreadyAboveTheCallIsChangedInPlace) {
    ScenarioFacts f("import torch\ndef g(x):\n    return x\nh = torch.compile(g)\nfor n in [4, 1]:\n    x = torch.rand(n)\n"
                    "    torch._dynamo.mark_dynamic(x, 0)\n    h(x)\n",
                    "t.py");
    EditBuilder b(f);
    EXPECT_EQ(applied(f, b.markInputs(*f.functionOf(frame("g", 2)), {8}, {{"x", {0}}}, "torch._dynamo.mark_unbacked")),
              "import torch\ndef g(x):\n    return x\nh = torch.compile(g)\nfor n in [4, 1]:\n    x = torch.rand(n)\n"
              "    torch._dynamo.mark_unbacked(x, 0)\n    h(x)\n");
}
