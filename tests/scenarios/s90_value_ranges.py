# A size symbol carries the range of values its guards allow, as PyTorch's ShapeEnv does: a size
# starts at [2, int_oo]; `x.size(0) > 5` makes it [6, int_oo], after which `x.size(0) > 3` is known
# without a new guard. The guards print as one range guard (`6 <= L['x'].size()[0] <= 29`) with
# the lines that set its ends. Guards that leave one value specialize the size, which is a
# ConstraintViolationError for a mark_dynamic dim; mark_dynamic(min=, max=) makes a guard that
# excludes a value of that range a ConstraintViolationError too.
import logging

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from torch.fx.experimental.symbolic_shapes import ConstraintViolationError
from torch.testing._internal.logging_utils import LoggingTestCase, make_logging_test


def nested(x):
    if x.size(0) > 5:
        if x.size(0) > 3:
            return x + 1
        return x - 1
    return x * 2


def bounded(x):
    torch._check(x.size(0) > 5)
    torch._check(x.size(0) < 30)
    return x.sum()


def window(x):
    if x.size(0) > 5 and x.size(0) < 30:
        return x + 1
    return x - 1


def squeezed(x):
    if x.shape[0] > 3:
        return x.cos()
    if x.shape[0] < 3:
        return x * 2
    return x.sin()


def picks_three(x):
    if x.shape[0] == 3:
        return x.sin()
    return x.cos()


class Ranges(TestCase):
    def test_a_known_comparison_adds_no_guard(self):
        cnt = torch._dynamo.testing.CompileCounter()
        failures = []
        f = torch._dynamo.optimize(cnt, dynamic=True, guard_fail_fn=lambda g: failures.append(g.reason))(nested)
        for n in (8, 9, 6):
            self.assertEqual(f(torch.ones(n)), nested(torch.ones(n)))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(f(torch.ones(4)), nested(torch.ones(4)))  # outside [6, int_oo]
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(len(failures), 1)
        self.assertTrue(failures[0].startswith("0/0: 6 <= x.size()[0]"), failures[0])

    def test_both_ends_are_checked(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch._dynamo.optimize(cnt, dynamic=True)(window)
        for n in (6, 29, 12):
            self.assertEqual(f(torch.ones(n)), window(torch.ones(n)))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(f(torch.ones(30)), window(torch.ones(30)))
        self.assertEqual(cnt.frame_count, 2)

    def test_guards_that_leave_one_value_specialize(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch._dynamo.optimize(cnt, dynamic=True)(squeezed)
        self.assertEqual(f(torch.ones(3)), squeezed(torch.ones(3)))
        self.assertEqual(f(torch.ones(4)), squeezed(torch.ones(4)))
        self.assertEqual(f(torch.ones(2)), squeezed(torch.ones(2)))
        self.assertEqual(cnt.frame_count, 3)

    def test_specializing_a_marked_dim_is_a_violation(self):
        y = torch.ones(3, 2)
        torch._dynamo.mark_dynamic(y, 0)
        with self.assertRaises(ConstraintViolationError):
            torch.compile(squeezed, backend="eager")(y)

    def test_a_guard_inside_the_marked_range_is_a_violation(self):
        y = torch.ones(8, 2)
        torch._dynamo.mark_dynamic(y, 0, min=2, max=5)
        with self.assertRaises(ConstraintViolationError) as caught:
            torch.compile(picks_three, backend="eager")(y)
        self.assertIn("in the specified range 2 <= L['x'].size()[0] <= 5", str(caught.exception))

    def test_a_guard_outside_the_marked_range_is_fine(self):
        y = torch.ones(8, 2)
        torch._dynamo.mark_dynamic(y, 0, min=4, max=16)
        self.assertEqual(torch.compile(picks_three, backend="eager")(y), picks_three(y))


class Printed(LoggingTestCase):
    @make_logging_test(guards=True)
    def test_one_range_guard_with_both_lines(self, records):
        torch.compile(bounded, backend="eager", dynamic=True)(torch.ones(6))
        text = self.getRecord(records, "TREE_GUARD_MANAGER").getMessage()
        self.assertIn("6 <= L['x'].size()[0] <= 29", text)
        self.assertNotIn("L['x'].size()[0] > 5", text)
        self.assertNotIn("L['x'].size()[0] < 30", text)


if __name__ == "__main__":
    run_tests()
