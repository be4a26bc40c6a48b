# An op whose output size depends on the tensor's values, not on its sizes (torch.nonzero,
# indexing with a boolean mask), cannot be replayed: two inputs of the same size give results of
# different sizes. PyTorch breaks the graph there ("dynamic shape operator", unless
# capture_dynamic_output_shape_ops), so the op runs eagerly on every call. Replaying it used to
# return the first call's branch for other data — a stale result.
import logging

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from torch.testing._internal.logging_utils import LoggingTestCase, make_logging_test


def branch_on_nonzero(x):
    y = torch.nonzero(x)
    if y.shape[0] > 2:
        return x + 1
    return x - 1


def branch_on_mask(x):
    y = x[x > 0]
    if y.shape[0] > 2:
        return x * 2
    return x * 3


def masked_sum(x):
    return x[x > 0].sum() + x.nonzero().shape[0]


class T(TestCase):
    def check(self, fn, inputs):
        f = torch.compile(fn, backend="eager")
        for values in inputs:
            x = torch.tensor(values)
            self.assertEqual(f(x), fn(x))

    def test_nonzero_count_decides_the_branch(self):
        self.check(branch_on_nonzero, [[1.0, 1.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0], [2.0, 2.0, 2.0, 2.0]])

    def test_mask_count_decides_the_branch(self):
        self.check(branch_on_mask, [[1.0, 1.0, 1.0, -1.0], [1.0, -1.0, -1.0, -1.0]])

    def test_values_after_the_break(self):
        self.check(masked_sum, [[1.0, -2.0, 3.0], [-1.0, -2.0, 3.0], [1.0, 2.0, 3.0]])


class Logs(LoggingTestCase):
    @make_logging_test(graph_breaks=True)
    def test_the_break_names_the_operator(self, records):
        f = torch.compile(branch_on_nonzero, backend="eager")
        f(torch.tensor([1.0, 0.0, 1.0]))
        text = "\n".join(r.getMessage() for r in records)
        self.assertIn("dynamic shape operator: aten.nonzero.default", text)
        self.assertIn("capture_dynamic_output_shape_ops = True", text)


if __name__ == "__main__":
    run_tests()
