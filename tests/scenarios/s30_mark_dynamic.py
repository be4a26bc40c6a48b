# expect-categories: dynamic_indices
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x.sum(1)


class T(TestCase):
    def test_marked_dim_is_dynamic_even_with_dynamic_false(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=False)
        for n in [4, 8, 16]:
            x = torch.ones(n, 3)
            torch._dynamo.mark_dynamic(x, 0)
            f(x)
        self.assertEqual(cnt.frame_count, 1)
        f(torch.ones(5, 3))  # an unmarked tensor passes the issubset guard: a hit
        self.assertEqual(cnt.frame_count, 1)

    def test_marking_a_new_dim_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=False)
        x = torch.ones(4, 3)
        f(x)
        y = torch.ones(4, 3)
        torch._dynamo.mark_dynamic(y, 1)
        f(y)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
