# expect-categories: int_value_change, int_value_change
# expect-reason: 0/1 | 0/0: G['step'] == 0
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests

step = 0


def foo(x):
    return x + step


class T(TestCase):
    def test_global_int_never_becomes_dynamic(self):
        global step
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x = torch.zeros(2)
        for i in range(3):
            step = i
            self.assertEqual(f(x), x + i)
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
