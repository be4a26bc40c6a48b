# expect-categories: bool_flip
# expect-reason: 0/1 | 0/0: flag == True
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(flag, x):
    if flag:
        return x + 1
    return x - 1


class T(TestCase):
    def test_each_bool_value_has_an_entry(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x = torch.ones(3)
        self.assertEqual(f(True, x), x + 1)
        self.assertEqual(f(False, x), x - 1)
        for _ in range(3):
            f(True, x)
            f(False, x)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
