# expect-categories: size_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from unittest.mock import patch


def foo(x):
    return x + 1


class T(TestCase):
    @patch.object(torch._dynamo.config, "recompile_limit", 2)
    @patch.object(torch._dynamo.config, "automatic_dynamic_shapes", False)
    def test_limit_then_run_only(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        for n in [1, 2, 3, 4, 5]:
            self.assertEqual(f(torch.ones(n)), torch.ones(n) + 1)
        self.assertEqual(cnt.frame_count, 2)
        f(torch.ones(1))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
