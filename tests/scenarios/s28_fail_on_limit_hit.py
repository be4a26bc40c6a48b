# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_config_patch_context_manager(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: x - 1, backend=cnt, dynamic=False)
        with torch._dynamo.config.patch(recompile_limit=1, fail_on_recompile_limit_hit=True):
            f(torch.ones(2))
            with self.assertRaisesRegex(torch._dynamo.exc.FailOnRecompileLimitHit, "fail_on_recompile_limit_hit"):
                f(torch.ones(3))
        self.assertFalse(torch._dynamo.config.fail_on_recompile_limit_hit)


if __name__ == "__main__":
    run_tests()
