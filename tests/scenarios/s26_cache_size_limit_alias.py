# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_old_name_sets_the_same_knob(self):
        old = torch._dynamo.config.recompile_limit
        torch._dynamo.config.cache_size_limit = 1
        try:
            self.assertEqual(torch._dynamo.config.recompile_limit, 1)
            cnt = torch._dynamo.testing.CompileCounter()
            f = torch.compile(lambda x, n: x + n, backend=cnt, dynamic=False)
            f(torch.ones(2), 1)
            f(torch.ones(2), 2)
            f(torch.ones(2), 3)
            self.assertEqual(cnt.frame_count, 1)
        finally:
            torch._dynamo.config.recompile_limit = old
        self.assertEqual(torch._dynamo.config.cache_size_limit, 8)


if __name__ == "__main__":
    run_tests()
