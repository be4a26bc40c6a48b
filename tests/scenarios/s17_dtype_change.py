# expect-categories: dtype_change
# expect-reason: 0/1 | 0/0: tensor 'x' dtype mismatch. expected Float, actual Double
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x + 1


class T(TestCase):
    def test_dtype(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.ones(2))
        f(torch.ones(2, dtype=torch.float64))
        f(torch.ones(2))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
