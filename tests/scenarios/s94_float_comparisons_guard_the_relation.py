# An unspecialized float argument (specialize_float=False, the default since 2.6) compared with
# a number keeps the relation, not the value: PyTorch's ShapeEnv evaluates the float symbol's
# comparison and guards it (`L['y'] != 5.0`), so other floats on the same side of the branch hit
# the entry. A float symbol is also guarded not to be NaN (`not math.isnan(L['y'])`), and a
# NaN or infinite value is specialized: NaN always compiles its own entry.
# Before, the comparison specialized the float (EQUALS_MATCH), one compile per value.
import math

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def pick(x, y):
    if y == 5.0:
        return x + 2
    return x + y


def positive(x, y):
    if y:
        return x * y
    return x - 1


class T(TestCase):
    def test_equality_keeps_the_branch_not_the_value(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(pick, backend=cnt, fullgraph=True)
        x = torch.zeros(3)
        self.assertEqual(f(x, 2.0), torch.full((3,), 2.0))  # static first
        self.assertEqual(f(x, 3.0), torch.full((3,), 3.0))  # automatic dynamic
        self.assertEqual(f(x, 4.0), torch.full((3,), 4.0))  # y != 5.0 still holds: a hit
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(f(x, 5.0), torch.full((3,), 2.0))  # the other branch
        self.assertEqual(cnt.frame_count, 3)
        self.assertEqual(f(x, 7.5), torch.full((3,), 7.5))
        self.assertEqual(cnt.frame_count, 3)
        self.assertTrue(torch.isnan(f(x, math.nan)).all())  # NaN fails `not math.isnan`
        self.assertEqual(cnt.frame_count, 4)

    def test_truth_is_a_comparison_with_zero(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(positive, backend=cnt)
        x = torch.ones(2)
        f(x, 1.5)
        self.assertEqual(f(x, 2.5), torch.full((2,), 2.5))
        self.assertEqual(f(x, 3.5), torch.full((2,), 3.5))
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(f(x, 0.0), torch.zeros(2))
        self.assertEqual(cnt.frame_count, 3)


class Reasons(TestCase):
    def test_failed_relation_is_the_reason(self):
        failures = []
        f = torch._dynamo.optimize("eager", guard_fail_fn=lambda g: failures.append(g[0]))(pick)
        f(torch.zeros(3), 2.0)
        f(torch.zeros(3), 3.0)
        failures.clear()
        f(torch.zeros(3), 5.0)
        self.assertTrue(any("y != 5.0" in r for r in failures), failures)
        failures.clear()
        f(torch.zeros(3), math.nan)
        self.assertTrue(any("not math.isnan(y)" in r for r in failures), failures)


if __name__ == "__main__":
    run_tests()
