# expect-categories: size_change, size_change
# expect-reason: 0/2 | 0/0: tensor 'x' size mismatch at index 0. expected 4, actual 6
# expect-reason: 0/2 | 0/1: tensor 'x' size mismatch at index 0. expected 5, actual 6
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    return x + 1


class T(TestCase):
    def test_a_hit_moves_the_entry_to_the_front(self):
        reasons = []

        def guard_fail_fn(failure):
            reasons.append(failure[0])

        f = torch._dynamo.optimize("eager", dynamic=False, guard_fail_fn=guard_fail_fn)(foo)
        f(torch.ones(4))
        f(torch.ones(5))
        f(torch.ones(4))
        f(torch.ones(6))
        self.assertEqual(len(reasons), 3)
        self.assertIn("0/0: tensor 'x' size mismatch at index 0. expected 4, actual 5", reasons[0])
        self.assertIn("0/0: tensor 'x' size mismatch at index 0. expected 4, actual 6", reasons[1])
        self.assertIn("0/1: tensor 'x' size mismatch at index 0. expected 5, actual 6", reasons[2])


if __name__ == "__main__":
    run_tests()
