from unittest.mock import patch
import torch
import torch._dynamo.testing as testing


class RecompileTests(torch._dynamo.test_case.TestCase):
    @patch.object(torch._dynamo.config, "assume_static_by_default", True)
    def test_flip(self):
        def foo(x, y):
            if x:
                return y * 2
            else:
                return y * y

        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch._dynamo.optimize(cnt, nopython=True)(foo)
        for size in range(2, 6):
            opt(True, torch.randn([size]))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    from torch._dynamo.test_case import run_tests
    run_tests()
