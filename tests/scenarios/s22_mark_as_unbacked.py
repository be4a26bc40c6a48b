# expect-categories: size_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * 2


class T(TestCase):
    def test_unbacked_automatic_dynamic_skips_zero_one(self):
        torch._dynamo.config.automatic_dynamic_shapes_mark_as = "unbacked"
        try:
            cnt = torch._dynamo.testing.CompileCounter()
            f = torch.compile(foo, backend=cnt)
            for n in [3, 2, 1, 0]:
                f(torch.ones(n))
            self.assertEqual(cnt.frame_count, 2)
        finally:
            torch._dynamo.config.automatic_dynamic_shapes_mark_as = "dynamic"


if __name__ == "__main__":
    run_tests()
