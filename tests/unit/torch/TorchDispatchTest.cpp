// Every Python entry point that touches tensor data goes through the context's dispatcher, and
// the op table carries what the tracer needs (targets, flags, shape rules). That impls accept the
// tracer's int/bool/float proxies is tested with the proxies (tests/unit/engine/TrackedScalarTest.cpp).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "TorchTestHarness.h"
#include "core/runtime/Module.h"

using gs::torch::OpDispatcher;
using gs::torch::ShapeRule;
using gs::torch::TorchContext;
using gs::torch::test::TorchHarness;
using gs::runtime::CallArgs;
using gs::runtime::Value;

namespace {

class CountingDispatcher : public OpDispatcher {
public:
    explicit CountingDispatcher(TorchContext& c) : ctx(c) {}
    TorchContext& ctx;
    std::vector<std::string> ops;
    int sizes = 0, strides = 0, numels = 0, truths = 0, items = 0;

    Value call(int op, const CallArgs& args) override {
        ops.push_back(ctx.ops[static_cast<size_t>(op)].name);
        return ctx.runImpl(op, args);
    }
    Value sizeAt(const Value& t, int64_t d) override {
        ++sizes;
        return OpDispatcher::sizeAt(t, d);
    }
    Value strideAt(const Value& t, int64_t d) override {
        ++strides;
        return OpDispatcher::strideAt(t, d);
    }
    Value numel(const Value& t) override {
        ++numels;
        return OpDispatcher::numel(t);
    }
    bool truth(const Value& t) override {
        ++truths;
        return OpDispatcher::truth(t);
    }
    Value item(const Value& t) override {
        ++items;
        return OpDispatcher::item(t);
    }
};

} // namespace

TEST(TorchDispatch, EveryEntryPointCallsItsOwnOp) {
    TorchHarness h;
    h.run("import torch\nimport torch.nn.functional as F\n"
          "x = torch.ones(4)\ny = torch.ones(4)\nw = torch.ones(4, 4)\n");
    CountingDispatcher counting(h.ctx);
    h.ctx.dispatcher = &counting;
    h.run("a = torch.mul(x, y)\n"
          "b = x.mul(y)\n"
          "c = x * y\n"
          "d = 2 * x\n"
          "x += y\n"
          "e = F.relu(x)\n"
          "f = torch.relu(x)\n"
          "g = x.relu()\n"
          "s = x[0:2]\n"
          "x[0] = 1\n"
          "k = torch.cat([x, y])\n"
          "l = F.linear(x, w)\n"
          "r = torch.randn(3)\n"
          "t = x.sum()\n"
          "m = w @ x\n"
          "n = -x\n"
          "q = x == y\n"
          "v = w.view(16)\n"
          "u = w.T\n"
          "x.add_(1)\n"
          "o = F.dropout(x, 0.5, True)\n"
          "for row in w:\n"
          "    pass\n");
    const std::vector<std::string> expected = {
        "torch.mul",    "Tensor.mul",         "operator.mul",       "operator.mul", "operator.iadd",
        "F.relu",       "torch.relu",         "Tensor.relu",        "Tensor.__getitem__", "Tensor.__setitem__",
        "torch.cat",    "F.linear",           "torch.randn",        "Tensor.sum",   "operator.matmul",
        "operator.neg", "operator.eq",        "Tensor.view",        "Tensor.T",     "Tensor.add_",
        "F.dropout",    "Tensor.unbind"};
    EXPECT_EQ(counting.ops, expected);
    EXPECT_EQ(counting.sizes, 0);

    counting.ops.clear();
    h.run("n1 = len(x)\nsh = x.shape\ns0 = x.size(0)\nst = w.stride()\nne = x.numel()\n"
          "b1 = bool(x[0] > 0)\nit = x[0].item()\nfl = float(x[1])\n");
    EXPECT_EQ(counting.sizes, 3);    // len(x), x.shape (1 dim), x.size(0)
    EXPECT_EQ(counting.strides, 2);  // w.stride() of a 2-d tensor
    EXPECT_EQ(counting.numels, 1);
    EXPECT_EQ(counting.truths, 1);
    EXPECT_EQ(counting.items, 2);
    EXPECT_EQ(counting.ops, (std::vector<std::string>{"Tensor.__getitem__", "operator.gt", "Tensor.__getitem__",
                                                       "Tensor.__getitem__"}));
    h.ctx.dispatcher = &h.ctx.defaultDispatcher;
}

TEST(TorchDispatch, OpTableHasTargetsFlagsAndShapeRules) {
    TorchHarness h;
    const TorchContext& ctx = h.ctx;
    std::set<std::string> names;
    for (const auto& op : ctx.ops) {
        EXPECT_FALSE(op.target.empty()) << op.name;
        EXPECT_TRUE(op.impl) << op.name;
        EXPECT_TRUE(names.insert(op.name).second) << "duplicate " << op.name;
    }
    auto op = [&](const char* n) -> const gs::torch::OpDef& {
        const int i = ctx.opIndex(n);
        EXPECT_GE(i, 0) << n;
        return ctx.ops[static_cast<size_t>(std::max(i, 0))];
    };
    EXPECT_EQ(op("torch.mul").target, "torch.mul");
    EXPECT_EQ(op("Tensor.mul").target, "mul");
    EXPECT_TRUE(op("Tensor.mul").isMethod);
    EXPECT_EQ(op("operator.mul").target, "operator.mul");
    EXPECT_EQ(op("operator.mul").shape, ShapeRule::Elementwise);
    EXPECT_TRUE(op("operator.iadd").inplace);
    EXPECT_TRUE(op("Tensor.add_").inplace);
    EXPECT_TRUE(op("Tensor.__setitem__").inplace);
    EXPECT_EQ(op("Tensor.__getitem__").target, "operator.getitem");
    EXPECT_EQ(op("F.relu").target, "torch.nn.functional.relu");
    EXPECT_TRUE(op("F.dropout").random);
    EXPECT_TRUE(op("torch.randn").random);
    EXPECT_TRUE(op("torch.rand_like").random);
    EXPECT_TRUE(op("Tensor.uniform_").random && op("Tensor.uniform_").inplace);
    EXPECT_FALSE(op("torch.zeros").random);
    EXPECT_EQ(op("torch.zeros").shape, ShapeRule::Factory);
    EXPECT_EQ(op("operator.matmul").shape, ShapeRule::Matmul);
    EXPECT_EQ(op("F.linear").shape, ShapeRule::Matmul);
    EXPECT_EQ(op("Tensor.sum").shape, ShapeRule::Reduction);
    EXPECT_EQ(op("torch.allclose").shape, ShapeRule::NoTensorOut);
    EXPECT_EQ(op("Tensor.view").shape, ShapeRule::Generic);
    EXPECT_EQ(ctx.opIndex("no.such.op"), -1);
}
