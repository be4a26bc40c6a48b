# expect-categories: requires_grad_change
# expect-reason: 0/1 | 0/0: tensor 'x' requires_grad mismatch. expected requires_grad=0
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * x


class T(TestCase):
    def test_requires_grad_flip(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(3))
        f(torch.randn(3, requires_grad=True))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
