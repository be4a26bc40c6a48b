# expect-categories: constant_change
# expect-reason: 0/1 | 0/0: len(xs) == 2
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def total(xs):
    out = xs[0]
    for t in xs[1:]:
        out = out + t
    return out


class T(TestCase):
    def test_list_length_is_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(total, backend=cnt)
        a, b, c = torch.ones(2), torch.ones(2), torch.ones(2)
        self.assertEqual(f([a, b]), a * 2)
        self.assertEqual(f([a, b, c]), a * 3)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
