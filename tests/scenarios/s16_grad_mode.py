# expect-categories: global_state
# expect-reason: 0/1 | 0/0: GLOBAL_STATE changed: grad_mode
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * 3


class T(TestCase):
    def test_no_grad_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x = torch.randn(2)
        f(x)
        with torch.no_grad():
            f(x)
            f(x)
        f(x)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
