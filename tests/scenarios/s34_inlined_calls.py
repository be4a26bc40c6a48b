# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def helper(x):
    return x.relu() * 2


def outer(x):
    return helper(x) + helper(x + 1)


class T(TestCase):
    def test_callees_are_inlined_into_one_graph(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(outer, backend=cnt)
        x = torch.randn(5)
        self.assertEqual(f(x), outer(x))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(cnt.op_count, 6)


if __name__ == "__main__":
    run_tests()
