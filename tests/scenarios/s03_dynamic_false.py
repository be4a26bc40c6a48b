# expect-categories: size_change, size_change, size_change
# expect-reason: 0/3 | 0/2: tensor 'x' size mismatch at index 0. expected 4, actual 5
# expect-reason: 0/3 | 0/0: tensor 'x' size mismatch at index 0. expected 2, actual 5
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x + 1


class T(TestCase):
    def test_every_size_compiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt, dynamic=False)
        for n in [2, 3, 4, 5, 2, 3]:
            f(torch.randn(n))
        self.assertEqual(cnt.frame_count, 4)


if __name__ == "__main__":
    run_tests()
