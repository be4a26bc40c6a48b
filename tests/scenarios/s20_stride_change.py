# expect-categories: stride_change
# expect-reason: 0/1 | 0/0: tensor 'x' stride mismatch at index 0. expected 3, actual 1
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x + 2


class T(TestCase):
    def test_transposed_input(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(3, 3))
        f(torch.randn(3, 3).t())
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
