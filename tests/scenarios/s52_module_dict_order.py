# expect-categories: constant_change
# expect-reason: 0/1 | 0/0: list(dict.keys(self._modules)) == ['double', 'inc']
# A forward that walks its submodules in `_modules` order depends on that order: with
# guard_nn_modules=True the keys and their order are guarded (DICT_KEYS_MATCH), so moving a
# submodule to the end recompiles instead of applying the layers in the old order.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Double(torch.nn.Module):
    def forward(self, x):
        return x * 2


class Inc(torch.nn.Module):
    def forward(self, x):
        return x + 1


class Chain(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.double = Double()
        self.inc = Inc()

    def forward(self, x):
        for layer in self._modules.values():
            x = layer(x)
        return x


class T(TestCase):
    @torch._dynamo.config.patch(guard_nn_modules=True)
    def test_reordering_submodules_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        chain = Chain()
        f = torch.compile(chain, backend=cnt)
        x = torch.ones(2)
        self.assertEqual(f(x), x * 2 + 1)
        chain._modules["double"] = chain._modules.pop("double")
        self.assertEqual(f(x), (x + 1) * 2)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
