# expect-categories: size_change, zero_one_specialization, zero_one_specialization
# expect-reason: 0/2 | 0/1: 2 <= x.size()[0]
# expect-reason: 0/3 | 0/2: tensor 'x' size mismatch at index 0. expected 1, actual 0
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x * 2


class T(TestCase):
    def test_sizes_3_2_1_0_give_four_graphs(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        for n in [3, 2, 1, 0]:
            f(torch.ones(n))
        self.assertEqual(cnt.frame_count, 4)


if __name__ == "__main__":
    run_tests()
