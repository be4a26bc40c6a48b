# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    @torch._dynamo.config.patch(error_on_recompile=True)
    def test_recompile_raises(self):
        f = torch.compile(lambda x: x + 1, backend="eager")
        f(torch.ones(2))
        with self.assertRaisesRegex(torch._dynamo.exc.RecompileError, "size mismatch at index 0"):
            f(torch.ones(3))


if __name__ == "__main__":
    run_tests()
