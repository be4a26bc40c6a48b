# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, n):
    return x + n


class T(TestCase):
    def test_symint_from_the_start(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=True)
        x = torch.ones(3)
        for n in [100, 200, 300, 400]:
            f(x, n)
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
