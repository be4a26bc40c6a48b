# expect-categories: constant_change
# expect-reason: 0/1 | 0/0: mode == 'sum'
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def reduce(x, mode):
    if mode == "sum":
        return x.sum()
    return x.mean()


class T(TestCase):
    def test_string_argument_is_specialized(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(reduce, backend=cnt)
        x = torch.arange(4.0)
        self.assertEqual(f(x, "sum"), torch.tensor(6.0))
        self.assertEqual(f(x, "mean"), torch.tensor(1.5))
        f(x, "sum")
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
