# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests

cnt = torch._dynamo.testing.CompileCounter()


@torch.compile
def plain(x):
    return x + 1


@torch.compile(backend=cnt, dynamic=True)
def with_args(x):
    return x - 1


class T(TestCase):
    def test_compile_as_decorator(self):
        x = torch.ones(3)
        self.assertEqual(plain(x), x + 1)
        self.assertEqual(with_args(x), x - 1)
        with_args(torch.ones(7))
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
