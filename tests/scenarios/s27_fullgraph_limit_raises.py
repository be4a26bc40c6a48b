# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from unittest.mock import patch


class T(TestCase):
    @patch.object(torch._dynamo.config, "recompile_limit", 1)
    def test_fullgraph_turns_the_limit_into_an_error(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: x * 2, backend=cnt, fullgraph=True, dynamic=False)
        f(torch.ones(2))
        with self.assertRaises(torch._dynamo.exc.FailOnRecompileLimitHit):
            f(torch.ones(3))
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
