// torch.no_grad / enable_grad / set_grad_enabled as context managers, decorators and calls.
#include <gtest/gtest.h>

#include "TorchTestHarness.h"

using gs::torch::test::TorchHarness;

TEST(TorchGradMode, NoGradAsContextManagerRestoresTheMode) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "w = torch.ones(2, requires_grad=True)\n"
                    "print(torch.is_grad_enabled(), (w * 2).requires_grad)\n"
                    "with torch.no_grad():\n"
                    "    print(torch.is_grad_enabled(), (w * 2).requires_grad)\n"
                    "    with torch.enable_grad():\n"
                    "        print(torch.is_grad_enabled())\n"
                    "    print(torch.is_grad_enabled())\n"
                    "print(torch.is_grad_enabled())\n"
                    "try:\n"
                    "    with torch.no_grad():\n"
                    "        raise ValueError('x')\n"
                    "except ValueError:\n"
                    "    pass\n"
                    "print(torch.is_grad_enabled(), (w * 2).grad_fn is not None)\n"),
              "True True\n"
              "False False\n"
              "True\n"
              "False\n"
              "True\n"
              "True True\n");
}

TEST(TorchGradMode, NoGradAsDecoratorWithAndWithoutParentheses) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "@torch.no_grad()\n"
                    "def f(x):\n"
                    "    return torch.is_grad_enabled()\n"
                    "@torch.no_grad\n"
                    "def g(x):\n"
                    "    return torch.is_grad_enabled()\n"
                    "@torch.enable_grad()\n"
                    "def e():\n"
                    "    return torch.is_grad_enabled()\n"
                    "print(f(1), g(2), f.__name__, g.__name__, torch.is_grad_enabled())\n"
                    "with torch.no_grad():\n"
                    "    print(e(), torch.is_grad_enabled())\n"),
              "False False f g True\n"
              "True False\n");
}

TEST(TorchGradMode, SetGradEnabledWorksAsCallContextAndDecorator) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "torch.set_grad_enabled(False)\n"
                    "print(torch.is_grad_enabled())\n"
                    "torch.set_grad_enabled(True)\n"
                    "with torch.set_grad_enabled(False):\n"
                    "    print(torch.is_grad_enabled())\n"
                    "print(torch.is_grad_enabled())\n"
                    "@torch.set_grad_enabled(False)\n"
                    "def f():\n"
                    "    return torch.is_grad_enabled()\n"
                    "print(torch.is_grad_enabled(), f(), torch.is_grad_enabled())\n"
                    "with torch.inference_mode():\n"
                    "    print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())\n"),
              "False\n"
              "False\n"
              "True\n"
              "True False True\n"
              "False True\n");
}

TEST(TorchGradMode, InPlaceOnALeafThatRequiresGradNeedsNoGrad) {
    TorchHarness h;
    EXPECT_EQ(h.error("import torch\nw = torch.ones(2, requires_grad=True)\nw.add_(1)\n"),
              "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.");
    EXPECT_EQ(h.run("import torch\nw = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n    w.add_(1)\nprint(w)\n"),
              "tensor([2., 2.], requires_grad=True)\n");
}
