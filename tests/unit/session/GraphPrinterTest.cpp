// GraphPrinter prints a graph the way PyTorch's GraphModule.print_readable(include_stride=True,
// include_device=True) does (the dynamo_output_graph payload): valid Python, FX's names, one
// "# File:" comment per change of frame, values freed after their last use.
#include <gtest/gtest.h>

#include "core/session/GraphPrinter.h"

using namespace gs::session;

namespace {

GraphNode node(std::string name, std::string op, std::string target, std::vector<std::string> args, std::string shape = {},
               std::string stride = {}, int line = 0, std::string code = {}) {
    GraphNode n;
    n.name = std::move(name);
    n.op = std::move(op);
    n.target = std::move(target);
    n.args = std::move(args);
    n.shape = std::move(shape);
    n.stride = std::move(stride);
    if (!n.shape.empty() && n.shape.front() == '[') {
        n.dtype = "float32";
        n.device = "cpu";
    }
    n.line = line;
    if (line > 0) {
        n.file = "/w/demo.py";
        n.function = "scale";
        n.code = std::move(code);
    }
    return n;
}

} // namespace

TEST(GraphPrinter, PrintsADynamicGraphAsPyTorchDoes) {
    std::vector<GraphNode> g = {
        node("s77", "placeholder", "s77", {}, "Sym(s77)"),
        node("l_x_", "placeholder", "L_x_", {}, "[s77]", "[1]"),
        node("l_y_", "placeholder", "L_y_", {}, "[s77]", "[1]"),
        node("mul", "call_function", "operator.mul", {"l_x_", "l_y_"}, "[s77]", "[1]", 13, "return x * y"),
        node("output", "output", "output", {"mul"}),
    };
    EXPECT_EQ(GraphPrinter::readable(g),
              "class GraphModule(torch.nn.Module):\n"
              "    def forward(self, s77: \"Sym(s77)\", L_x_: \"f32[s77][1]cpu\", L_y_: \"f32[s77][1]cpu\"):\n"
              "        l_x_ = L_x_\n"
              "        l_y_ = L_y_\n"
              "        \n"
              "        # File: /w/demo.py:13 in scale, code: return x * y\n"
              "        mul: \"f32[s77][1]cpu\" = l_x_ * l_y_;  l_x_ = l_y_ = None\n"
              "        return (mul,)\n"
              "        ");
    EXPECT_EQ(GraphPrinter::sizes(g), (std::vector<std::pair<std::string, std::string>>{
                                          {"l_x_", "[s77]"}, {"l_y_", "[s77]"}, {"mul", "[s77]"}}));
}

TEST(GraphPrinter, CommentsOncePerFrameAndFreesAfterTheLastUse) {
    std::vector<GraphNode> g = {
        node("l_x_", "placeholder", "L_x_", {}, "[2, 3]", "[3, 1]"),
        node("add", "call_function", "operator.add", {"l_x_", "1"}, "[2, 3]", "[3, 1]", 4, "y = x + 1"),
        node("sin", "call_function", "torch.sin", {"add"}, "[2, 3]", "[3, 1]", 4, "y = x + 1"),
        node("sum_1", "call_method", "sum", {"sin", "dim=0"}, "[3]", "[1]", 5, "return y.sin().sum(dim=0), x"),
        node("grad", "call_function", "torch._C._set_grad_enabled", {"False"}),
        node("output", "output", "output", {"sum_1", "add"}),
    };
    EXPECT_EQ(GraphPrinter::readable(g),
              "class GraphModule(torch.nn.Module):\n"
              "    def forward(self, L_x_: \"f32[2, 3][3, 1]cpu\"):\n"
              "        l_x_ = L_x_\n"
              "        \n"
              "        # File: /w/demo.py:4 in scale, code: y = x + 1\n"
              "        add: \"f32[2, 3][3, 1]cpu\" = l_x_ + 1;  l_x_ = None\n"
              "        sin: \"f32[2, 3][3, 1]cpu\" = torch.sin(add)\n"
              "        \n"
              "        # File: /w/demo.py:5 in scale, code: return y.sin().sum(dim=0), x\n"
              "        sum_1: \"f32[3][1]cpu\" = sin.sum(dim = 0);  sin = None\n"
              "        \n"
              "        # No stacktrace found for following nodes\n"
              "        grad = torch._C._set_grad_enabled(False);  grad = None\n"
              "        return (sum_1, add)\n"
              "        ");
}

TEST(GraphPrinter, FallbackFrameOperatorsAndAnEmptyGraph) {
    std::vector<GraphNode> g = {node("l_a_", "placeholder", "L_a_", {}), node("neg", "call_function", "operator.neg", {"l_a_"}),
                                node("getitem", "call_function", "operator.getitem", {"neg", "0"}),
                                node("lin", "call_module", "L__self___lin", {"getitem"}), node("output", "output", "output", {})};
    g[1].line = g[2].line = g[3].line = 7;
    EXPECT_EQ(GraphPrinter::readable(g, "/w/m.py", "forward"),
              "class GraphModule(torch.nn.Module):\n"
              "    def forward(self, L_a_):\n"
              "        l_a_ = L_a_\n"
              "        \n"
              "        # File: /w/m.py:7 in forward, code: \n"
              "        neg = -l_a_;  l_a_ = None\n"
              "        getitem = neg[0];  neg = None\n"
              "        lin = self.L__self___lin(getitem);  getitem = lin = None\n"
              "        return ()\n"
              "        ");
    EXPECT_EQ(GraphPrinter::readable({}), "class GraphModule(torch.nn.Module):\n    def forward(self):\n        pass\n        ");
}

TEST(GraphPrinter, NamesFollowDynamoAndFx) {
    EXPECT_EQ(GraphPrinter::inputName("L['x']"), "L_x_");
    EXPECT_EQ(GraphPrinter::inputName("L['self']._modules['lin']._parameters['weight']"), "L_self_modules_lin_parameters_weight_");
    EXPECT_EQ(GraphPrinter::inputName("G['g']"), "G_g_");
    EXPECT_EQ(GraphPrinter::snakeCase("L_x_"), "l_x_");
    EXPECT_EQ(GraphPrinter::snakeCase("L_fooBar_"), "l_foo_bar_");
    EXPECT_TRUE(GraphPrinter::isReservedName("sum"));
    EXPECT_TRUE(GraphPrinter::isReservedName("lambda"));
    EXPECT_FALSE(GraphPrinter::isReservedName("mul"));
    EXPECT_EQ(GraphPrinter::dtypeToShort("bfloat16"), "bf16");
    EXPECT_EQ(GraphPrinter::dtypeFromShort("b8"), "bool");
    EXPECT_EQ(GraphPrinter::dtypeToShort("mystery"), "mystery");
}
