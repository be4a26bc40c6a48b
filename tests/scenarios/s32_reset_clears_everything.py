# expect-categories: size_change
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x.cos()


class T(TestCase):
    def test_reset_forgets_entries_and_frame_state(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.ones(2))
        f(torch.ones(3))
        self.assertEqual(cnt.frame_count, 2)
        torch._dynamo.reset()
        f(torch.ones(4))
        self.assertEqual(cnt.frame_count, 3)
        f(torch.ones(4))
        self.assertEqual(cnt.frame_count, 3)
        cnt.clear()
        self.assertEqual(cnt.frame_count, 0)
        self.assertEqual(cnt.op_count, 0)


if __name__ == "__main__":
    run_tests()
