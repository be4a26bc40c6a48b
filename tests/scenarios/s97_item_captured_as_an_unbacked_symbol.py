# torch._dynamo.config.capture_scalar_outputs = True keeps Tensor.item() in the graph: the number
# becomes an unbacked symbol (u0 for an int, a SymFloat for a float) with no guard on its value,
# so other values hit the same entry and get their own result (sizes computed from it too).
# Guarding on it is data-dependent (PyTorch's GuardOnDataDependentSymNode): a branch on it
# breaks the graph, and under fullgraph=True is an error. Without the knob, item() breaks.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def empty_of_half(x):
    n = x.item()
    return torch.empty((n - 1) // 2)


def scaled(x, y):
    return y * x.item()


def branch_on_value(x, y):
    if x.item() > 2:
        return y + 1
    return y - 1


class T(TestCase):
    @torch._dynamo.config.patch(capture_scalar_outputs=True)
    def test_sizes_from_an_item_are_not_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(empty_of_half, backend=cnt, fullgraph=True)
        self.assertEqual(f(torch.tensor([4])).size(0), 1)
        self.assertEqual(f(torch.tensor([1])).size(0), 0)
        self.assertEqual(f(torch.tensor([11])).size(0), 5)
        self.assertEqual(cnt.frame_count, 1)

    @torch._dynamo.config.patch(capture_scalar_outputs=True)
    def test_float_item_in_arithmetic(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt, fullgraph=True)
        self.assertEqual(f(torch.tensor([2.0]), torch.ones(2)), torch.full((2,), 2.0))
        self.assertEqual(f(torch.tensor([-0.5]), torch.ones(2)), torch.full((2,), -0.5))
        self.assertEqual(cnt.frame_count, 1)

    @torch._dynamo.config.patch(capture_scalar_outputs=True)
    def test_branch_is_data_dependent(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(branch_on_value, backend=cnt)
        self.assertEqual(f(torch.tensor([3]), torch.zeros(2)), torch.ones(2))
        self.assertEqual(f(torch.tensor([1]), torch.zeros(2)), -torch.ones(2))
        strict = torch.compile(branch_on_value, backend="eager", fullgraph=True)
        with self.assertRaisesRegex(torch._dynamo.exc.Unsupported, "data-dependent"):
            strict(torch.tensor([3]), torch.zeros(2))

    def test_without_the_knob_item_breaks(self):
        strict = torch.compile(scaled, backend="eager", fullgraph=True)
        with self.assertRaisesRegex(torch._dynamo.exc.Unsupported, "capture_scalar_outputs"):
            strict(torch.tensor([2.0]), torch.ones(2))


if __name__ == "__main__":
    run_tests()
