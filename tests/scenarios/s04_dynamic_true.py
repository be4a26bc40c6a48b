# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, y):
    return x * y


class T(TestCase):
    def test_one_graph_for_all_sizes(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=True)
        for n in [2, 3, 4, 7]:
            f(torch.randn(n), torch.randn(n))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(cnt.op_count, 1)


if __name__ == "__main__":
    run_tests()
