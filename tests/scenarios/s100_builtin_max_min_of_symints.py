# The builtins max() and min() with a SymInt operand do not compare the values: PyTorch computes
# torch.sym_max / torch.sym_min (a graph node each) and keeps the symbolic result, Max(3, s0),
# with no guard, so one entry serves sizes on both sides of the constant. Only a later use that
# branches on the result guards it (`Max(3, L['x'].size()[0]) <= 4`). More than two operands
# fold pairwise.
#
# With a value read from data (item() under capture_scalar_outputs) nothing may guard on it:
# max(x.item(), 1024) is again such a value, and torch.ones of it works under fullgraph.
#
# Before, max() compared its operands: a size guard and a recompile PyTorch does not make, and
# for an item() value a data-dependent error (Unsupported under fullgraph).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def padded(x):
    return x + max(x.size(0), 3)


def clipped(x):
    return torch.zeros(min(x.size(0), 4, x.size(0) * 2))


def branch(x):
    m = max(x.size(0), 3)
    if m > 4:
        return x + 1
    return x - 1


def ones_of_item(x):
    return torch.ones(max(x.item(), 1024))


class T(TestCase):
    def test_max_of_a_size_and_a_constant_is_not_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(padded, backend=cnt, dynamic=True)
        for n in (2, 5, 3, 9):
            self.assertEqual(opt(torch.ones(n)), torch.full((n,), 1.0 + max(n, 3)))
        self.assertEqual(cnt.frame_count, 1)
        # one torch.sym_max node and the add
        self.assertEqual(cnt.op_count, 2)

    def test_min_of_three_folds_pairwise(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(clipped, backend=cnt, dynamic=True)
        for n in (2, 7, 3):
            self.assertEqual(opt(torch.ones(n)).shape[0], min(n, 4))
        self.assertEqual(cnt.frame_count, 1)

    def test_a_branch_on_the_result_guards_it(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(branch, backend=cnt, dynamic=True)
        self.assertEqual(opt(torch.ones(2)), torch.zeros(2))
        self.assertEqual(opt(torch.ones(3)), torch.zeros(3))  # Max(3, 3) <= 4: a hit
        self.assertEqual(opt(torch.ones(6)), torch.full((6,), 2.0))
        self.assertEqual(cnt.frame_count, 2)

    @torch._dynamo.config.patch(capture_scalar_outputs=True)
    def test_max_of_an_item_under_fullgraph(self):
        opt = torch.compile(ones_of_item, backend="eager", fullgraph=True)
        self.assertEqual(opt(torch.tensor([1000])).shape[0], 1024)
        self.assertEqual(opt(torch.tensor([2000])).shape[0], 2000)


if __name__ == "__main__":
    run_tests()
