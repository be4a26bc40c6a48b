# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(flag, x):
    return x + 1


class T(TestCase):
    def test_a_bool_that_is_never_read_is_not_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(True, torch.ones(2))
        f(False, torch.ones(2))
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
