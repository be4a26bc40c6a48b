# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def no_tensor_ops(x, n):
    return n + 1


class T(TestCase):
    def test_a_frame_without_ops_is_never_compiled(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(no_tensor_ops, backend=cnt)
        self.assertEqual(f(torch.ones(1), 2), 3)
        self.assertEqual(f(torch.ones(1), 5), 6)
        self.assertEqual(cnt.frame_count, 0)
        self.assertEqual(cnt.op_count, 0)


if __name__ == "__main__":
    run_tests()
