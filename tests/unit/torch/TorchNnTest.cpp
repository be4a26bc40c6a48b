// torch.nn: Module attribute routing, parameters, train/eval, containers, Linear, Dropout, reprs.
#include <gtest/gtest.h>

#include "TorchTestHarness.h"

using gs::torch::test::TorchHarness;

namespace {
const char* kNet =
    "import torch\n"
    "import torch.nn as nn\n"
    "import torch.nn.functional as F\n"
    "class Net(nn.Module):\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.linear = nn.Linear(4, 2)\n"
    "        self.dropout = nn.Dropout(0.5)\n"
    "        self.scale = 3\n"
    "        self.register_buffer('steps', torch.zeros(1))\n"
    "    def forward(self, x):\n"
    "        return self.dropout(self.linear(x))\n"
    "m = Net()\n";
} // namespace

TEST(TorchNn, ModuleRoutesParametersModulesAndBuffers) {
    TorchHarness h;
    EXPECT_EQ(h.run(std::string(kNet) +
                    "print(list(m._modules.keys()), m._modules['dropout'] is m.dropout, 'linear' in m.__dict__)\n"
                    "print(sorted(m.linear._parameters.keys()), list(m._buffers), m.scale, m.__dict__['scale'])\n"
                    "print([n for n, p in m.named_parameters()], len(list(m.parameters())), len(list(m.buffers())))\n"
                    "print(isinstance(m.linear.weight, nn.Parameter), isinstance(m.linear.weight, torch.Tensor))\n"
                    "print([n for n, _ in m.named_modules()], [type(c).__name__ for c in m.children()])\n"
                    "print(sorted(m.state_dict().keys()))\n"),
              "['linear', 'dropout'] True False\n"
              "['bias', 'weight'] ['steps'] 3 3\n"
              "['linear.weight', 'linear.bias'] 2 1\n"
              "True True\n"
              "['', 'linear', 'dropout'] ['Linear', 'Dropout']\n"
              "['linear.bias', 'linear.weight', 'steps']\n");
    EXPECT_EQ(h.error(std::string(kNet) + "m.missing\n"), "AttributeError: 'Net' object has no attribute 'missing'");
    EXPECT_EQ(h.error(std::string(kNet) + "m.linear.weight = torch.zeros(2, 4)\n"),
              "TypeError: cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)");
    EXPECT_EQ(h.error("import torch\nclass M(torch.nn.Module):\n    def __init__(self):\n        self.l = torch.nn.Linear(1, 1)\nM()\n"),
              "AttributeError: cannot assign module before Module.__init__() call");
}

TEST(TorchNn, TrainAndEvalRecurseAndReturnSelf) {
    TorchHarness h;
    EXPECT_EQ(h.run(std::string(kNet) +
                    "print(m.training, m.dropout.training)\n"
                    "print(m.eval() is m, m.training, m.dropout.training, m.linear.training)\n"
                    "m.train()\n"
                    "print(m.training, m.dropout.training)\n"
                    "m.dropout.train(False)\n"
                    "print(m.training, m.dropout.training)\n"),
              "True True\n"
              "True False False False\n"
              "True True\n"
              "True False\n");
}

TEST(TorchNn, LinearShapesInitAndForward) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "torch.manual_seed(0)\n"
                    "lin = torch.nn.Linear(10, 3)\n"
                    "print(lin, lin.weight.shape, lin.bias.shape, lin.weight.requires_grad)\n"
                    "bound = 1 / 10 ** 0.5\n"
                    "print(bool((lin.weight.abs() <= bound).all()), bool((lin.bias.abs() <= bound).all()))\n"
                    "print(lin(torch.randn(5, 10)).shape, lin(torch.randn(10)).shape)\n"
                    "print(torch.nn.Linear(2, 1, bias=False))\n"
                    "torch.manual_seed(0)\n"
                    "again = torch.nn.Linear(10, 3)\n"
                    "print(torch.equal(again.weight, lin.weight))\n"),
              "Linear(in_features=10, out_features=3, bias=True) torch.Size([3, 10]) torch.Size([3]) True\n"
              "True True\n"
              "torch.Size([5, 3]) torch.Size([3])\n"
              "Linear(in_features=2, out_features=1, bias=False)\n"
              "True\n");
}

TEST(TorchNn, DropoutIsIdentityInEvalAndScalesInTraining) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "d = torch.nn.Dropout(0.5)\n"
                    "x = torch.ones(1000)\n"
                    "d.eval()\n"
                    "print(d(x) is x, d)\n"
                    "d.train()\n"
                    "y = d(x)\n"
                    "kept = (y != 0).sum().item()\n"
                    "print(400 < kept < 600, bool(((y == 0) | (y == 2)).all()))\n"
                    "print(torch.nn.functional.dropout(x, 0.3, False) is x)\n"),
              "True Dropout(p=0.5, inplace=False)\n"
              "True True\n"
              "True\n");
}

TEST(TorchNn, SequentialAndModuleListIndexing) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "import torch.nn as nn\n"
                    "s = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))\n"
                    "print(list(s._modules.keys()), len(s), type(s[1]).__name__, s[-1].out_features)\n"
                    "print(type(s[0:2]).__name__, len(s[0:2]), s(torch.ones(3, 4)).shape)\n"
                    "print(s)\n"
                    "l = nn.ModuleList([nn.Tanh(), nn.Sigmoid()])\n"
                    "l.append(nn.Identity())\n"
                    "print(len(l), [type(x).__name__ for x in l], len(list(s.parameters())))\n"),
              "['0', '1', '2'] 3 ReLU 2\n"
              "Sequential 2 torch.Size([3, 2])\n"
              "Sequential(\n"
              "  (0): Linear(in_features=4, out_features=8, bias=True)\n"
              "  (1): ReLU()\n"
              "  (2): Linear(in_features=8, out_features=2, bias=True)\n"
              ")\n"
              "3 ['Tanh', 'Sigmoid', 'Identity'] 4\n");
    EXPECT_EQ(h.error("import torch\ns = torch.nn.Sequential(torch.nn.ReLU())\ns[3]\n"),
              "IndexError: index 3 is out of range");
}

TEST(TorchNn, NestedModuleRepr) {
    TorchHarness h;
    EXPECT_EQ(h.run(std::string(kNet) + "print(m)\n"),
              "Net(\n"
              "  (linear): Linear(in_features=4, out_features=2, bias=True)\n"
              "  (dropout): Dropout(p=0.5, inplace=False)\n"
              ")\n");
}

TEST(TorchNn, ParameterSharesStorageAndPrintsItsHeader) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "t = torch.zeros(2)\n"
                    "p = torch.nn.Parameter(t)\n"
                    "t[0] = 5\n"
                    "print(p)\n"
                    "q = torch.nn.Parameter(torch.ones(1), requires_grad=False)\n"
                    "print(q.requires_grad, type(p).__name__, p is not t)\n"),
              "Parameter containing:\ntensor([5., 0.], requires_grad=True)\n"
              "False Parameter True\n");
}

TEST(TorchNn, FunctionalActivationsAndLosses) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "import torch.nn.functional as F\n"
                    "x = torch.tensor([-1.0, 0.0, 2.0])\n"
                    "print(F.relu(x), torch.relu(x), x.relu(), F.sigmoid(torch.zeros(1)), F.tanh(torch.zeros(1)))\n"
                    "print(F.softmax(torch.zeros(2, 2), dim=1), F.leaky_relu(x, 0.5))\n"
                    "print(F.mse_loss(x, torch.zeros(3)), F.linear(torch.ones(1, 2), torch.ones(3, 2), torch.ones(3)))\n"
                    "print(torch.nn.functional is F, F.gelu(torch.zeros(1)))\n"),
              "tensor([0., 0., 2.]) tensor([0., 0., 2.]) tensor([0., 0., 2.]) tensor([0.5000]) tensor([0.])\n"
              "tensor([[0.5000, 0.5000],\n        [0.5000, 0.5000]]) tensor([-0.5000,  0.0000,  2.0000])\n"
              "tensor(1.6667) tensor([[3., 3., 3.]])\n"
              "True tensor([0.])\n");
}

TEST(TorchNn, ModuleConversionsKeepParameterObjects) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "lin = torch.nn.Linear(2, 2)\n"
                    "w = lin.weight\n"
                    "lin.double()\n"
                    "print(lin.weight is w, w.dtype, lin.bias.dtype, lin.to(torch.float32) is lin, w.dtype)\n"
                    "lin.zero_grad()\n"
                    "print(lin.weight.grad, lin.requires_grad_(False).weight.requires_grad)\n"),
              "True torch.float64 torch.float64 True torch.float32\n"
              "None False\n");
}

TEST(TorchNn, InitFunctionsFillUnderNoGrad) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "lin = torch.nn.Linear(3, 2)\n"
                    "torch.nn.init.zeros_(lin.bias)\n"
                    "torch.nn.init.constant_(lin.weight, 0.5)\n"
                    "print(lin.bias, lin.weight.sum().item())\n"
                    "w = torch.empty(4, 6)\n"
                    "torch.nn.init.xavier_uniform_(w)\n"
                    "print(bool((w.abs() <= (6 / 10) ** 0.5).all()), torch.nn.init.calculate_gain('relu') == 2 ** 0.5)\n"),
              "Parameter containing:\ntensor([0., 0.], requires_grad=True) 3.0\n"
              "True True\n");
}

TEST(TorchNn, DeepcopyOfAModuleCopiesParameters) {
    TorchHarness h;
    EXPECT_EQ(h.run("import copy\n"
                    "import torch\n"
                    "m = torch.nn.Sequential(torch.nn.Linear(2, 2))\n"
                    "c = copy.deepcopy(m)\n"
                    "print(c[0].weight is m[0].weight, torch.equal(c[0].weight, m[0].weight), type(c[0].weight).__name__)\n"
                    "with torch.no_grad():\n"
                    "    c[0].weight.fill_(0)\n"
                    "print(bool((m[0].weight != 0).any()), c[0].weight.requires_grad, c.training)\n"),
              "False True Parameter\n"
              "True True True\n");
}

TEST(TorchNn, Conv1dStridePaddingDilationAndGroups) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "import torch.nn.functional as F\n"
                    "x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])\n"
                    "w = torch.tensor([[[1.0, 0.0, -1.0]]])\n"
                    "print(F.conv1d(x, w).tolist(), F.conv1d(x, w, padding=1).tolist())\n"
                    "print(F.conv1d(x, w, stride=2, padding=1).tolist(), F.conv1d(x, w, dilation=2).tolist())\n"
                    "print(F.conv1d(x, w, padding='same').tolist(), F.conv1d(x, w, padding='valid').shape)\n"
                    "print(F.conv1d(x[0], w).tolist())\n"
                    "g = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])\n"
                    "print(F.conv1d(g, torch.tensor([[[2.0]], [[3.0]]]), groups=2).tolist())\n"),
              "[[[-2.0, -2.0, -2.0]]] [[[-2.0, -2.0, -2.0, -2.0, 4.0]]]\n"
              "[[[-2.0, -2.0, 4.0]]] [[[-4.0]]]\n"
              "[[[-2.0, -2.0, -2.0, -2.0, 4.0]]] torch.Size([1, 1, 3])\n"
              "[[-2.0, -2.0, -2.0]]\n"
              "[[2.0, 4.0, 6.0], [12.0, 15.0, 18.0]]\n");
    EXPECT_EQ(h.error("import torch\nimport torch.nn.functional as F\n"
                      "F.conv1d(torch.ones(1, 2, 5), torch.ones(4, 3, 3))\n"),
              "RuntimeError: Given groups=1, weight of size [4, 3, 3], expected input[1, 2, 5] to have 3 channels, but got "
              "2 channels instead");
    EXPECT_EQ(h.error("import torch\nimport torch.nn.functional as F\n"
                      "F.conv1d(torch.ones(1, 1, 2), torch.ones(1, 1, 3))\n"),
              "RuntimeError: Calculated padded input size per channel: (2). Kernel size: (3). Kernel size can't be greater "
              "than actual input size");
}

TEST(TorchNn, Conv2dFunctionalAndModule) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "import torch.nn as nn\n"
                    "import torch.nn.functional as F\n"
                    "x = torch.arange(16.0).view(1, 1, 4, 4)\n"
                    "print(F.conv2d(x, torch.ones(1, 1, 2, 2), torch.ones(1)).tolist())\n"
                    "print(F.conv2d(x, torch.ones(1, 1, 2, 2), stride=(2, 1), padding=(0, 1)).shape)\n"
                    "m = nn.Conv2d(3, 8, 3, padding=1)\n"
                    "print(m, m.weight.shape, m.bias.shape, m(torch.ones(2, 3, 5, 5)).shape)\n"
                    "print(nn.Conv2d(64, 64, kernel_size=(2, 2), stride=(2, 2), bias=False))\n"
                    "print(m(torch.ones(2, 3, 5, 5)).grad_fn is not None, nn.Conv1d(2, 4, 3, groups=2).weight.shape)\n"),
              "[[[[11.0, 15.0, 19.0], [27.0, 31.0, 35.0], [43.0, 47.0, 51.0]]]]\n"
              "torch.Size([1, 1, 2, 5])\n"
              "Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)) torch.Size([8, 3, 3, 3]) torch.Size([8]) "
              "torch.Size([2, 8, 5, 5])\n"
              "Conv2d(64, 64, kernel_size=(2, 2), stride=(2, 2), bias=False)\n"
              "True torch.Size([4, 1, 3])\n");
}

TEST(TorchNn, PReLUPerChannelAndShared) {
    TorchHarness h;
    EXPECT_EQ(h.run("import torch\n"
                    "import torch.nn as nn\n"
                    "import torch.nn.functional as F\n"
                    "p = nn.PReLU()\n"
                    "print(p, p.weight.tolist(), p(torch.tensor([-4.0, 2.0])).tolist())\n"
                    "q = nn.PReLU(2, init=0.5)\n"
                    "with torch.no_grad():\n"
                    "    q.weight[1] = 2.0\n"
                    "print(q(torch.tensor([[[-2.0, 1.0], [-2.0, 3.0]]])).tolist())\n"
                    "print(F.prelu(torch.tensor([-1.0]), torch.tensor([0.1])).tolist())\n"),
              "PReLU(num_parameters=1) [0.25] [-1.0, 2.0]\n"
              "[[[-1.0, 1.0], [-4.0, 3.0]]]\n"
              "[-0.10000000149011612]\n");
    EXPECT_EQ(h.error("import torch\nimport torch.nn.functional as F\n"
                      "F.prelu(torch.ones(1, 3, 2), torch.ones(2))\n"),
              "RuntimeError: Mismatch of parameter numbers and input channel size. Found parameter numbers = 2 and channel "
              "size = 3.");
}
