# expect-categories: size_change
# expect-reason: 0/1 | 0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * 2


class T(TestCase):
    def test_second_size_makes_dim_dynamic(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        for n in [2, 3, 4, 5, 9]:
            f(torch.randn(n))
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(cnt.op_count, 2)


if __name__ == "__main__":
    run_tests()
