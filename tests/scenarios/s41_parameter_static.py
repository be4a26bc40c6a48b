# expect-categories: size_change, size_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(p):
    return p * 2


class T(TestCase):
    def test_parameters_never_become_dynamic(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        for n in [2, 3, 4, 3]:
            f(torch.nn.Parameter(torch.ones(n)))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
