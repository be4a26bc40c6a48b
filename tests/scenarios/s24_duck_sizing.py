# expect-categories: duck_sizing
# expect-reason: 0/1 | 0/0: x.size()[1] == x.size()[0]
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x.sum()


class T(TestCase):
    def test_equal_sizes_share_a_symbol(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=True)
        f(torch.ones(3, 3))
        f(torch.ones(6, 6))
        self.assertEqual(cnt.frame_count, 1)
        f(torch.ones(3, 4))
        self.assertEqual(cnt.frame_count, 2)
        f(torch.ones(7, 2))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
