// Arithmetic with broadcasting and Python scalars, in-place ops through views, matmul,
// reductions with dims, indexing, joins, and the error texts (with the scenario line).
#include <gtest/gtest.h>

#include "TorchTestHarness.h"

using gs::torch::test::TorchHarness;

TEST(TorchOps, BroadcastingArithmeticWithScalarsOnEitherSide) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "a = torch.tensor([[1.0], [2.0]])\n"
                    "b = torch.tensor([10.0, 20.0, 30.0])\n"
                    "print(a + b)\n"
                    "print(2 * b - 1, 1 / torch.tensor([2.0, 4.0]), 2 ** torch.tensor([1, 2]))\n"
                    "print(torch.tensor([1, 2]) * 2.5, torch.tensor([7, -7]) // 2, torch.tensor([7, -7]) % 3)\n"
                    "print(-b, torch.tensor([-1, 2]).abs(), ~torch.tensor([True, False]))\n"
                    "print(torch.add(b, 1, alpha=2), b.sub(b), torch.mul(b, b), b.div(10, rounding_mode='floor'))\n"),
              "tensor([[11., 21., 31.],\n        [12., 22., 32.]])\n"
              "tensor([19., 39., 59.]) tensor([0.5000, 0.2500]) tensor([2, 4])\n"
              "tensor([2.5000, 5.0000]) tensor([ 3, -4]) tensor([1, 2])\n"
              "tensor([-10., -20., -30.]) tensor([1, 2]) tensor([False,  True])\n"
              "tensor([12., 22., 32.]) tensor([0., 0., 0.]) tensor([100., 400., 900.]) tensor([1., 2., 3.])\n");
}

TEST(TorchOps, ComparisonsAreElementwise) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.tensor([1, 2, 3])\n"
                    "print(x == 2, x != 2, x < 2, 2 < x, x >= torch.tensor([3, 2, 1]))\n"
                    "print(x == None, x is x, torch.where(x > 1, x, -x))\n"
                    "print(torch.maximum(x, torch.tensor([2, 2, 2])), torch.clamp(x, min=2), x.clamp(max=2))\n"),
              "tensor([False,  True, False]) tensor([ True, False,  True]) tensor([ True, False, False]) "
              "tensor([False, False,  True]) tensor([False,  True,  True])\n"
              "False True tensor([-1,  2,  3])\n"
              "tensor([2, 2, 3]) tensor([2, 2, 3]) tensor([1, 2, 2])\n");
}

TEST(TorchOps, InPlaceOpsWriteThroughViews) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.zeros(2, 3)\n"
                    "row = x[0]\n"
                    "row += 1\n"
                    "col = x[:, 2]\n"
                    "col.mul_(5).add_(2)\n"
                    "x.t()[1] -= 3\n"
                    "print(x)\n"
                    "y = x.view(6)\n"
                    "y.fill_(7)\n"
                    "z = x\n"
                    "z *= 2\n"
                    "print(x, z is x)\n"
                    "print(x.zero_() is x, x.sum())\n"),
              "tensor([[ 1., -2.,  7.],\n        [ 0., -3.,  2.]])\n"
              "tensor([[14., 14., 14.],\n        [14., 14., 14.]]) True\n"
              "True tensor(0.)\n");
    EXPECT_EQ(h.error("import torch\nx = torch.ones(2, dtype=torch.int64)\nx += 0.5\n"),
              "RuntimeError: result type Float can't be cast to the desired output type Long");
}

TEST(TorchOps, MatmulAndLinearAlgebra) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\n"
                    "v = torch.tensor([1.0, 1.0])\n"
                    "print(a @ a, a @ v, torch.mm(a, a.t()), v.dot(v))\n"
                    "print(torch.matmul(torch.ones(3, 2, 4), torch.ones(4, 5)).shape, torch.bmm(torch.ones(2, 1, 3), torch.ones(2, 3, 1)).shape)\n"),
              "tensor([[ 7., 10.],\n        [15., 22.]]) tensor([3., 7.]) tensor([[ 5., 11.],\n        [11., 25.]]) tensor(2.)\n"
              "torch.Size([3, 2, 5]) torch.Size([2, 1, 1])\n");
    EXPECT_EQ(h.error("import torch\ntorch.ones(2, 3) @ torch.ones(2, 3)\n"),
              "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
}

TEST(TorchOps, ReductionsWithDims) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])\n"
                    "print(x.sum(), x.sum(0), x.sum(dim=1, keepdim=True), torch.sum(x, (0, 1)))\n"
                    "print(x.mean(1), x.prod(), x.amax(0), x.argmax(), x.argmin(dim=1))\n"
                    "m = x.max(dim=1)\n"
                    "print(m.values, m.indices, m[0], torch.max(x), x.min(0)[1])\n"
                    "print((x > 2).all(), (x > 5).any(1), x.std(), torch.var(x, 1))\n"
                    "print(torch.softmax(torch.tensor([0.0, 0.0]), 0), x.norm())\n"),
              "tensor(21.) tensor([5., 7., 9.]) tensor([[ 9.],\n        [12.]]) tensor(21.)\n"
              "tensor([3., 4.]) tensor(720.) tensor([4., 5., 6.]) tensor(5) tensor([0, 1])\n"
              "tensor([5., 6.]) tensor([1, 2]) tensor([5., 6.]) tensor(6.) tensor([0, 1, 0])\n"
              "tensor(False) tensor([False,  True]) tensor(1.8708) tensor([4., 4.])\n"
              "tensor([0.5000, 0.5000]) tensor(9.5394)\n");
}

TEST(TorchOps, IndexingAndAssignment) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.arange(12).view(3, 4)\n"
                    "print(x[1], x[0:2, 1], x[-1, ::2], x[None, 0].shape, x[..., 1])\n"
                    "print(x[x > 9], x[torch.tensor([2, 0])][:, 0], x[[0, 2]].shape)\n"
                    "x[0] = 100\n"
                    "x[1, 1:3] = torch.tensor([7, 8])\n"
                    "x[x > 99] = -1\n"
                    "print(x)\n"
                    "print([int(r.sum()) for r in x], 8 in x, 42 in x, x.tolist()[2])\n"),
              "tensor([4, 5, 6, 7]) tensor([1, 5]) tensor([ 8, 10]) torch.Size([1, 4]) tensor([1, 5, 9])\n"
              "tensor([10, 11]) tensor([8, 0]) torch.Size([2, 4])\n"
              "tensor([[-1, -1, -1, -1],\n        [ 4,  7,  8,  7],\n        [ 8,  9, 10, 11]])\n"
              "[-4, 26, 38] True False [8, 9, 10, 11]\n");
    EXPECT_EQ(h.error("import torch\ntorch.zeros(3)[5]\n"),
              "IndexError: index 5 is out of bounds for dimension 0 with size 3");
}

TEST(TorchOps, ViewsJoinsAndSplits) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.arange(6)\n"
                    "print(x.view(2, 3).shape, x.reshape(-1, 2).shape, x.view(2, 3).permute(1, 0).shape)\n"
                    "print(x.unsqueeze(0).shape, x.view(1, 6, 1).squeeze().shape, x.view(2, 3).flatten().shape)\n"
                    "print(torch.cat([x, x]).shape, torch.stack((x, x), dim=1).shape, [t.shape for t in x.chunk(3)])\n"
                    "a, b = torch.split(x, [2, 4])\n"
                    "print(a, b, x.view(2, 3).T.shape, x.view(2, 3).transpose(0, 1).contiguous().is_contiguous())\n"
                    "print(x.expand(2, 6).shape, x.view(2, 3).unbind(1)[2], x.float().clone().dtype)\n"),
              "torch.Size([2, 3]) torch.Size([3, 2]) torch.Size([3, 2])\n"
              "torch.Size([1, 6]) torch.Size([6]) torch.Size([6])\n"
              "torch.Size([12]) torch.Size([6, 2]) [torch.Size([2]), torch.Size([2]), torch.Size([2])]\n"
              "tensor([0, 1]) tensor([2, 3, 4, 5]) torch.Size([3, 2]) True\n"
              "torch.Size([2, 6]) tensor([2, 5]) torch.float32\n");
}

TEST(TorchOps, ShapeMismatchIsARuntimeErrorOnTheScenarioLine) {
    TorchHarness h;
    EXPECT_EQ(h.error("import torch\nx = torch.ones(3)\ny = torch.ones(4)\nz = x + y\n"),
              "RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
    gs::runtime::InterpreterScope scope(h.interp);
    try {
        h.interp.runSource("scenario.py", "import torch\nx = torch.ones(3)\n\nz = x * torch.ones(4)\n");
        FAIL() << "no exception";
    } catch (const gs::runtime::PyError& e) {
        ASSERT_FALSE(e.exception()->traceback.empty());
        const auto& where = e.exception()->traceback.front();
        EXPECT_EQ(where.file, "scenario.py");
        EXPECT_EQ(where.line, 4);
    }
    EXPECT_EQ(h.error("import torch\ntorch.ones(6).view(4, 2)\n"),
              "RuntimeError: shape '[4, 2]' is invalid for input of size 6");
    EXPECT_EQ(h.error("import torch\ntorch.ones(2) + 'a'\n"),
              "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'");
    EXPECT_EQ(h.error("import torch\ntorch.ones(2).sum(dim=3)\n"),
              "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 3)");
}

TEST(TorchOps, ExplicitDunderCallsUseTheSameOps) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.tensor([1.0, 2.0])\n"
                    "print(x.__add__(1), x.__rsub__(1), x.__mul__('a'), x.__eq__(x), x.__neg__())\n"
                    "print(torch.Tensor.__matmul__(x, x), x.__bool__ if False else len(x), x.__contains__(2.0))\n"
                    "y = x.clone()\n"
                    "print(y.__iadd__(1) is y, y, format(torch.tensor(0.5), '.3f'), x.__index__ if False else int(x[1]))\n"),
              "tensor([2., 3.]) tensor([ 0., -1.]) NotImplemented tensor([True, True]) tensor([-1., -2.])\n"
              "tensor(5.) 2 True\n"
              "True tensor([2., 3.]) 0.500 2\n");
}

TEST(TorchOps, SizesAsKeywordsAndGradFnNodes) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.ones(2, 3)\n"
                    "print(x.reshape(shape=(3, 2)).shape, x.view(size=[6]).shape, x.permute(dims=(1, 0)).shape)\n"
                    "w = torch.ones(2, requires_grad=True)\n"
                    "y = w * 2\n"
                    "print(w.grad_fn, y.grad_fn.name(), y.requires_grad, y.is_leaf, repr(y.grad_fn).startswith('<MulBackward0 object at '))\n"),
              "torch.Size([3, 2]) torch.Size([6]) torch.Size([3, 2])\n"
              "None MulBackward0 True False True\n");
}
