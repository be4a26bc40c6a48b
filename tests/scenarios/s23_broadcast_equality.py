# expect-categories: size_change, shape_guard
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, y):
    return x * y


class T(TestCase):
    def test_dynamic_dims_unified_by_broadcasting(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(2), torch.randn(2))
        f(torch.randn(3), torch.randn(3))
        f(torch.randn(4), torch.randn(4))
        self.assertEqual(cnt.frame_count, 2)
        # x dynamic and y broadcast from size 1: the y == x equality fails, a new entry follows
        f(torch.randn(5), torch.randn(1))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
