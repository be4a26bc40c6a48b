// Factories and repr, dtype / device / Size objects, torch.* helpers.
#include <gtest/gtest.h>

#include "TorchTestHarness.h"

using gs::torch::test::TorchHarness;

TEST(TorchBasics, FactoriesPrintLikePyTorch) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "print(torch.zeros(2, 3))\n"
                    "print(torch.ones((2,), dtype=torch.int64))\n"
                    "print(torch.arange(4))\n"
                    "print(torch.tensor([[1.5, 2], [3, 4]]))\n"
                    "print(torch.full([2], 7))\n"
                    "print(torch.eye(2, dtype=torch.float64))\n"
                    "print(torch.tensor(True), torch.tensor(3.0, requires_grad=True))\n"),
              "tensor([[0., 0., 0.],\n        [0., 0., 0.]])\n"
              "tensor([1, 1])\n"
              "tensor([0, 1, 2, 3])\n"
              "tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])\n"
              "tensor([7, 7])\n"
              "tensor([[1., 0.],\n        [0., 1.]], dtype=torch.float64)\n"
              "tensor(True) tensor(3., requires_grad=True)\n");
}

TEST(TorchBasics, SizesAcceptVarargsTuplesListsAndSizes) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "a = torch.zeros(2, 3)\n"
                    "print(torch.ones((2, 3)).shape, torch.ones([2, 3]).shape, torch.ones(a.shape).shape)\n"
                    "print(torch.empty(0).shape, torch.randn(()).shape)\n"),
              "torch.Size([2, 3]) torch.Size([2, 3]) torch.Size([2, 3])\n"
              "torch.Size([0]) torch.Size([])\n");
    EXPECT_EQ(h.error("import torch\ntorch.zeros(2.5)\n"),
              "TypeError: zeros(): argument 'size' (position 1) must be tuple of ints, not float");
}

TEST(TorchBasics, LikeFactoriesKeepShapeAndTakeDtype) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.ones(2, 2, dtype=torch.float64)\n"
                    "print(torch.zeros_like(x))\n"
                    "print(torch.full_like(x, 3, dtype=torch.int32))\n"
                    "print(x.new_zeros(3).dtype, x.new_full((1,), 2.5))\n"),
              "tensor([[0., 0.],\n        [0., 0.]], dtype=torch.float64)\n"
              "tensor([[3, 3],\n        [3, 3]], dtype=torch.int32)\n"
              "torch.float64 tensor([2.5000], dtype=torch.float64)\n");
}

TEST(TorchBasics, DtypeObjectsAreSingletonsWithPyTorchNames) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.zeros(2)\n"
                    "print(x.dtype, x.dtype is torch.float32, torch.float is torch.float32)\n"
                    "print(torch.long, torch.double == torch.float64, torch.int32 != torch.int64)\n"
                    "d = {torch.float32: 'f'}\n"
                    "print(d[x.dtype], torch.float16.is_floating_point, torch.int64.is_floating_point)\n"
                    "print(torch.get_default_dtype(), x.double().dtype, x.long().dtype, x.bool().dtype)\n"
                    "print(type(torch.float32).__name__)\n"),
              "torch.float32 True True\n"
              "torch.int64 True True\n"
              "f True False\n"
              "torch.float32 torch.float64 torch.int64 torch.bool\n"
              "dtype\n");
}

TEST(TorchBasics, DevicesAreLabels) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.zeros(2)\n"
                    "print(x.device, repr(x.device), x.device == torch.device('cpu'))\n"
                    "d = torch.device('cuda:1')\n"
                    "print(d, repr(d), d.type, d.index, torch.device('cuda', 0))\n"
                    "y = x.to('cuda:0')\n"
                    "print(y.device, y.is_cuda, x.is_cuda, torch.cuda.is_available())\n"),
              "cpu device(type='cpu') True\n"
              "cuda:1 device(type='cuda', index=1) cuda 1 cuda:0\n"
              "cuda:0 True False False\n");
}

TEST(TorchBasics, SizeBehavesLikeATuple) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "s = torch.zeros(2, 3, 4).shape\n"
                    "print(s, s[0], s[-1], s[1:], len(s), list(s))\n"
                    "print(s == (2, 3, 4), s != (2, 3), s == [2, 3, 4], isinstance(s, tuple))\n"
                    "print(s.numel(), torch.Size([5, 6]), torch.Size() == ())\n"
                    "a, b, c = s\n"
                    "print(a + b + c, hash(s) == hash((2, 3, 4)), s + (5,))\n"
                    "print(torch.zeros(2, 3).size(), torch.zeros(2, 3).size(1), torch.zeros(2, 3).size(-1))\n"),
              "torch.Size([2, 3, 4]) 2 4 torch.Size([3, 4]) 3 [2, 3, 4]\n"
              "True True False True\n"
              "24 torch.Size([5, 6]) True\n"
              "9 True torch.Size([2, 3, 4, 5])\n"
              "torch.Size([2, 3]) 3 3\n");
}

TEST(TorchBasics, MetadataQueries) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.zeros(2, 3)\n"
                    "print(x.dim(), x.ndim, x.numel(), torch.numel(x), len(x), x.stride(), x.stride(0))\n"
                    "print(x.is_contiguous(), x.t().is_contiguous(), x.requires_grad, x.is_leaf, x.grad)\n"
                    "x.requires_grad_()\n"
                    "print(x.requires_grad, torch.is_tensor(x), torch.is_tensor(3), x.is_floating_point())\n"
                    "print(x.element_size(), x.type(), x.long().type(), x.storage_offset(), x[1].storage_offset())\n"),
              "2 2 6 6 2 (3, 1) 3\n"
              "True False False True None\n"
              "True True False True\n"
              "4 torch.FloatTensor torch.LongTensor 0 3\n");
}

TEST(TorchBasics, ItemFloatIntAndFormat) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.tensor([2.5])\n"
                    "print(x.item(), float(x), int(x), f'{x.sum():.2f}', torch.tensor(7).item())\n"
                    "print(bool(torch.tensor([0.0])), bool(torch.tensor(1)))\n"
                    "print([1, 2, 3][torch.tensor(1)])\n"),
              "2.5 2.5 2 2.50 7\n"
              "False True\n"
              "2\n");
    EXPECT_EQ(h.error("import torch\nbool(torch.ones(2))\n"),
              "RuntimeError: Boolean value of Tensor with more than one value is ambiguous");
    EXPECT_EQ(h.error("import torch\nfloat(torch.ones(2))\n"),
              "ValueError: only one element tensors can be converted to Python scalars");
    EXPECT_EQ(h.error("import torch\n[1, 2][torch.tensor(0.5)]\n"),
              "TypeError: only integer tensors of a single element can be converted to an index");
}

TEST(TorchBasics, TensorAttributesAndDynamicIndices) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "x = torch.zeros(2)\n"
                    "x.foo = 1\n"
                    "print(x.foo, hasattr(x, '_dynamo_dynamic_indices'))\n"
                    "x._dynamo_dynamic_indices = {1, 0}\n"
                    "print(x._dynamo_dynamic_indices)\n"
                    "y = x\n"
                    "print(y is x, x.view(2) is x, hash(x) == hash(y))\n"),
              "1 False\n"
              "{0, 1}\n"
              "True False True\n");
}

TEST(TorchBasics, SeededRandomIsReproducible) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "torch.manual_seed(0)\n"
                    "a = torch.randn(3)\n"
                    "torch.manual_seed(0)\n"
                    "b = torch.randn(3)\n"
                    "c = torch.randn(3)\n"
                    "print(torch.equal(a, b), torch.equal(a, c), torch.initial_seed())\n"
                    "g = torch.Generator().manual_seed(5)\n"
                    "r = torch.rand(2, generator=g)\n"
                    "print(r.shape, bool(((r >= 0) & (r < 1)).all()))\n"
                    "print(torch.randint(3, 5, (4,)).dtype, sorted(torch.randperm(4).tolist()))\n"),
              "True False 0\n"
              "torch.Size([2]) True\n"
              "torch.int64 [0, 1, 2, 3]\n");
}

TEST(TorchBasics, TensorElementLimitStopsTheRun) {
    gs::runtime::Interpreter interp;
    interp.limits().maxTensorElements = 1000;
    gs::torch::TorchContext ctx;
    gs::torch::installTorch(interp, ctx);
    EXPECT_THROW(interp.runSource("scenario.py", "import torch\nx = torch.zeros(100, 100)\n"), gs::runtime::LimitExceeded);
    // An op result over the limit (not a factory) stops the run too, and scenario code cannot
    // catch it.
    EXPECT_THROW(interp.runSource("scenario.py", "import torch\n"
                                                 "x = torch.ones(40)\n"
                                                 "try:\n"
                                                 "    y = x.view(40, 1) * x\n"
                                                 "except RuntimeError:\n"
                                                 "    pass\n"),
                 gs::runtime::LimitExceeded);
    EXPECT_NO_THROW(interp.runSource("scenario.py", "import torch\nx = torch.zeros(10, 100)\n"));
}
