// Factories, repr, dtype / device / Size objects, arithmetic with broadcasting.
#include <gtest/gtest.h>

#include "TorchTestHarness.h"

using gs::engine::test::TorchHarness;

TEST(TorchBasics, FactoriesPrintLikePyTorch) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "print(torch.zeros(2, 3))\n"
                    "print(torch.ones((2,), dtype=torch.int64))\n"
                    "print(torch.arange(4))\n"
                    "print(torch.tensor([[1.5, 2], [3, 4]]))\n"),
              "tensor([[0., 0., 0.],\n        [0., 0., 0.]])\n"
              "tensor([1, 1])\n"
              "tensor([0, 1, 2, 3])\n"
              "tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])\n");
}
