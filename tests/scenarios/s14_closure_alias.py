# expect-categories: alias
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_arg_aliases_a_closed_over_tensor(self):
        g1 = torch.randn(3)
        g2 = torch.randn(3)

        def foo(a):
            a.add_(g1)
            return g2 + 1

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(3))
        self.assertEqual(cnt.frame_count, 1)
        g1 = g1.clone()
        f(g1)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
