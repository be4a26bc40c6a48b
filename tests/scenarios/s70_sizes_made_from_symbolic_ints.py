# A tensor whose size is computed from a dynamic size (torch.empty(n) with n = x.size(0) // 4 * 4)
# carries that expression as its size, so whatever the program later decides from the new
# tensor's size (numel() == 0, size(0) > 4) is guarded on the input's size. A size of 0 or 1 made
# this way is kept as a constant (0/1 specialization), and the expression it came from is
# guarded to that value instead: the entry made for an 3-element input (0 rows) is not replayed
# for an 8-element one (8 rows).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_empty_result_decided_by_input_size(self):
        cnt = torch._dynamo.testing.CompileCounter()

        @torch.compile(backend=cnt, dynamic=True, fullgraph=True)
        def rows_or_minus(x):
            rows = torch.empty((x.size(0) // 4) * 4)
            return x + 1 if rows.numel() == 0 else x - 1

        self.assertEqual(rows_or_minus(torch.ones(3)), torch.full((3,), 2.0))
        self.assertEqual(rows_or_minus(torch.ones(8)), torch.zeros(8))
        self.assertEqual(rows_or_minus(torch.ones(2)), torch.full((2,), 2.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_flag_tensor_from_a_size(self):
        @torch.compile(backend="eager", dynamic=True, fullgraph=True)
        def is_empty(x):
            made = torch.zeros((x.size(0) // 5) * 5)
            return torch.tensor(made.size(0) == 0)

        self.assertTrue(is_empty(torch.ones(4)).item())
        self.assertFalse(is_empty(torch.ones(5)).item())
        self.assertTrue(is_empty(torch.ones(3)).item())

    def test_symbolic_size_stays_symbolic(self):
        cnt = torch._dynamo.testing.CompileCounter()

        @torch.compile(backend=cnt, dynamic=True, fullgraph=True)
        def pad_like(x):
            z = torch.zeros(x.size(0) * 2)
            return z.size(0) > 10, z.sum() + x.sum()

        self.assertEqual(pad_like(torch.ones(4))[0], False)
        self.assertEqual(pad_like(torch.ones(5))[0], False)
        self.assertEqual(pad_like(torch.ones(6))[0], True)
        self.assertEqual(pad_like(torch.ones(7))[0], True)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
