// The torch impls accept the tracer's int/bool/float proxies (TrackedScalar) wherever a number is
// expected: the bindings convert through the runtime protocol, never by testing Value::isInt().
#include <gtest/gtest.h>

#include "../torch/TorchTestHarness.h"
#include "core/engine/TrackedScalar.h"
#include "core/runtime/Module.h"

using gs::torch::test::TorchHarness;
using gs::runtime::Value;

TEST(TorchDispatch, ImplsAcceptTrackedScalarsWhereNumbersAreExpected) {
    TorchHarness h;
    h.run("import torch\nimport torch.nn.functional as F\n");
    auto* main = h.interp.findModule("__main__");
    ASSERT_NE(main, nullptr);
    using gs::engine::TrackedScalar;
    auto define = [&](const char* name, TrackedScalar::Kind k, Value v) {
        h.interp.setAttr(Value(main), name, Value(new TrackedScalar(h.interp.types.object, k, v, -1, {})));
    };
    define("two", TrackedScalar::Kind::Int, Value::integer(2));
    define("one", TrackedScalar::Kind::Int, Value::integer(1));
    define("half", TrackedScalar::Kind::Float, Value::real(0.5));
    define("no", TrackedScalar::Kind::Bool, Value::boolean(false));
    EXPECT_EQ(h.run("x = torch.zeros(two, 3)\n"
                    "print(x.shape, torch.ones(4).view(two, -1).shape, (torch.ones(2) * half), torch.ones(2) + two)\n"
                    "print(x[one].shape, x.sum(dim=one).shape, x.transpose(0, one).shape, torch.arange(6)[two])\n"
                    "print(torch.randint(0, two, (two,)).shape, F.dropout(torch.ones(2), half, no), x.size(one))\n"
                    "print(torch.full((two,), half), x.unsqueeze(one).shape, torch.ones(3)[one:two])\n"),
              "torch.Size([2, 3]) torch.Size([2, 2]) tensor([0.5000, 0.5000]) tensor([3., 3.])\n"
              "torch.Size([3]) torch.Size([2]) torch.Size([3, 2]) tensor(2)\n"
              "torch.Size([2]) tensor([1., 1.]) 3\n"
              "tensor([0.5000, 0.5000]) torch.Size([2, 1, 3]) tensor([1.])\n");
}
