# expect-categories: alias
# expect-reason: 0/1 | 0/0: Duplicate tensors found: ["a", "c"]
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(a, b, c):
    a.add_(b)
    return c + 1


class T(TestCase):
    def test_same_tensor_twice(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x, y, z = torch.randn(3), torch.randn(3), torch.randn(3)
        f(x, y, z)
        f(z, y, x)
        self.assertEqual(cnt.frame_count, 1)
        t = torch.randn(3)
        expected = (t + y) + 1
        self.assertEqual(f(t, y, t), expected)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
