# expect-categories: int_value_change, int_value_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, n):
    return x * n


class T(TestCase):
    def test_int_specialized_per_value(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=False)
        x = torch.ones(2)
        for n in [2, 3, 4, 2, 3]:
            f(x, n)
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
