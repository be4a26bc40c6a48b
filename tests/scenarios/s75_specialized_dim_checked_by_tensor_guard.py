# A dynamic size that tracing turns into a number (compared with ==, formatted into a string
# that the function returns, passed where a plain int is needed) is from then on checked by the
# tensor's own guard: TENSOR_MATCH lists the number at that index instead of None, and no
# separate shape guard is kept for it. The recompile reason is then the tensor guard's:
# "tensor 'x' size mismatch at index 0. expected 10, actual 9".
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_reason_is_the_tensor_guard(self):
        failures = []

        def label(x):
            text = f"rows={x.shape[0]}"
            return x.cos(), text

        f = torch._dynamo.optimize("eager", guard_fail_fn=failures.append, dynamic=True)(label)
        self.assertEqual(f(torch.ones(10, 11))[1], "rows=10")
        self.assertEqual(f(torch.ones(9, 11))[1], "rows=9")
        self.assertEqual(len(failures), 1)
        self.assertIn("tensor 'x' size mismatch at index 0. expected 10, actual 9", failures[0].reason)

    def test_other_dims_stay_dynamic(self):
        cnt = torch._dynamo.testing.CompileCounter()

        @torch.compile(backend=cnt, dynamic=True)
        def only_ten_rows(x):
            if x.size(0) == 10:
                return x + 1
            return x - 1

        self.assertEqual(only_ten_rows(torch.zeros(10, 3)), torch.ones(10, 3))
        self.assertEqual(only_ten_rows(torch.zeros(10, 7)), torch.ones(10, 7))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(only_ten_rows(torch.zeros(4, 7)), -torch.ones(4, 7))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
