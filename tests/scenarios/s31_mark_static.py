# expect-categories: size_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * 2


class T(TestCase):
    def test_mark_static_keeps_a_dim_static_under_dynamic_true(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=True)
        a = torch.ones(3, 4)
        torch._dynamo.mark_static(a, 0)
        f(a)
        b = torch.ones(5, 4)
        torch._dynamo.mark_static(b, 0)
        f(b)
        self.assertEqual(cnt.frame_count, 2)
        f(torch.ones(3, 9))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
