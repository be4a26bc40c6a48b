# expect-categories: int_value_change
# expect-reason: 0/1 | 0/0: n == 1
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, n):
    return x + n


class T(TestCase):
    def test_changed_int_recompiles_once_as_symint(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x = torch.zeros(2)
        for n in range(1, 11):
            self.assertEqual(f(x, n), x + n)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
