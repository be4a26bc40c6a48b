# expect-categories: alias
# expect-reason: 0/1 | 0/0: a is c
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(a, b, c):
    return a + b + c


class T(TestCase):
    def test_aliased_first_then_distinct(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        t, y = torch.randn(3), torch.randn(3)
        f(t, y, t)
        f(torch.randn(3), y, torch.randn(3))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
