# expect-categories: rank_change, rank_change
# expect-reason: 0/1 | 0/0: tensor 'x' rank mismatch. expected 1, actual 2
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x.relu()


class T(TestCase):
    def test_rank_change_makes_all_dims_dynamic(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(4))
        f(torch.randn(4, 4))
        f(torch.randn(5, 6))
        f(torch.randn(3))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
