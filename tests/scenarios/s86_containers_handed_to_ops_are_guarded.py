# A tuple or list that the compiled function received (an argument, a module attribute such as a
# conv's stride) and handed whole to an op was baked into the graph without a guard: a list of
# tensors passed to torch.cat replayed the first call's tensors, a tuple of sizes passed to
# reshape replayed the first call's shape. The op now reads the items as `c[i]` reads them:
# the length and each int item are guarded (the recompile reason names the item), and each
# tensor item is an input of the graph.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def joined(xs):
    return torch.cat(xs) * 2


def reshaped(x, shape):
    return x.reshape(shape) + 1


class Reshaper(torch.nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(self.shape) * 1


class T(TestCase):
    def test_tensors_in_a_list_argument_are_inputs(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(joined, backend=cnt)
        for a, b in ((1.0, 2.0), (3.0, 4.0), (5.0, 6.0)):
            xs = [torch.full((2,), a), torch.full((3,), b)]
            self.assertEqual(f(xs), joined(xs))
        self.assertEqual(cnt.frame_count, 1)
        xs = [torch.ones(2), torch.ones(3), torch.ones(1)]
        self.assertEqual(f(xs), joined(xs))
        self.assertEqual(cnt.frame_count, 2)

    def test_ints_in_a_tuple_argument_are_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(reshaped, backend=cnt)
        x = torch.arange(12.0)
        for shape in ((3, 4), (4, 3), (3, 4), (2, 6)):
            self.assertEqual(f(x, shape), reshaped(x, shape))
        self.assertEqual(cnt.frame_count, 3)

    def test_a_module_tuple_attribute_is_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        x = torch.arange(12.0)
        for shape in ((3, 4), (4, 3), (2, 6)):
            m = Reshaper(shape)
            self.assertEqual(torch.compile(m, backend=cnt)(x), m(x))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
