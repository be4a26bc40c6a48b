// The engine's captured graphs carry what PyTorch prints for them (issue 16): FX node names
// (l_x_ for the input L['x'], sum_1 for a call of sum), symbolic strides and devices, the user
// frame of every node, SymInt inputs lifted before the tensor that uses them, and a flat tuple
// of outputs; printed, that is PyTorch's print_readable text.
#include <gtest/gtest.h>

#include "tests/unit/engine/EngineTestUtil.h"
#include "core/session/GraphPrinter.h"

using namespace gs;

namespace {

session::Session run(const std::string& src) { return engine::test::runQuietly("/w/scen.py", src); }

} // namespace

TEST(GraphPrint, StaticGraphIsPrintedAsPyTorchPrintsIt) {
    auto s = run("import torch\n"
                 "def f(x, w):\n"
                 "    y = x * 2 + w\n"
                 "    return y.sum(), {'t': x.t()}\n"
                 "torch.compile(f, backend='eager')(torch.ones(2, 3), torch.ones(3))\n");
    ASSERT_EQ(s.compiles.size(), 1u);
    EXPECT_EQ(session::GraphPrinter::readable(s.compiles[0].graph),
              "class GraphModule(torch.nn.Module):\n"
              "    def forward(self, L_x_: \"f32[2, 3][3, 1]cpu\", L_w_: \"f32[3][1]cpu\"):\n"
              "        l_x_ = L_x_\n"
              "        l_w_ = L_w_\n"
              "        \n"
              "        # File: /w/scen.py:3 in f, code: y = x * 2 + w\n"
              "        mul: \"f32[2, 3][3, 1]cpu\" = l_x_ * 2\n"
              "        add: \"f32[2, 3][3, 1]cpu\" = mul + l_w_;  mul = l_w_ = None\n"
              "        \n"
              "        # File: /w/scen.py:4 in f, code: return y.sum(), {'t': x.t()}\n"
              "        sum_1: \"f32[][]cpu\" = add.sum();  add = None\n"
              "        t: \"f32[3, 2][1, 3]cpu\" = l_x_.t();  l_x_ = None\n"
              "        return (sum_1, t)\n"
              "        ");
}

TEST(GraphPrint, DynamicSizesAreLiftedAsSymIntInputsWithSymbolicStrides) {
    auto s = run("import torch\n"
                 "def f(x):\n"
                 "    return x.sin()\n"
                 "g = torch.compile(f, backend='eager')\n"
                 "g(torch.ones(2, 3, 4))\n"
                 "g(torch.ones(5, 6, 4))\n");
    ASSERT_EQ(s.compiles.size(), 2u);
    const auto& graph = s.compiles[1].graph;
    ASSERT_GE(graph.size(), 4u);
    // Each dim that changed became a symbol; the symbols come first, in the order of the dims.
    EXPECT_EQ(graph[0].op, "placeholder");
    EXPECT_EQ(graph[0].shape, "Sym(" + graph[0].name + ")");
    EXPECT_EQ(graph[1].shape, "Sym(" + graph[1].name + ")");
    const std::string a = graph[0].name, b = graph[1].name;
    EXPECT_EQ(graph[2].name, "l_x_");
    EXPECT_EQ(graph[2].target, "L_x_");
    EXPECT_EQ(graph[2].shape, "[" + a + ", " + b + ", 4]");
    EXPECT_EQ(graph[2].stride, "[4*" + b + ", 4, 1]");
    EXPECT_EQ(graph[2].device, "cpu");
    EXPECT_EQ(graph[3].stride, "[4*" + b + ", 4, 1]");
    const std::string text = session::GraphPrinter::readable(graph);
    EXPECT_NE(text.find("def forward(self, " + a + ": \"Sym(" + a + ")\", " + b + ": \"Sym(" + b + ")\", L_x_: \"f32[" + a + ", " +
                        b + ", 4][4*" + b + ", 4, 1]cpu\"):"),
              std::string::npos)
        << text;
}
