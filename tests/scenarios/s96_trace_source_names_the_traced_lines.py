# TORCH_LOGS=trace_source (artifact of torch._dynamo.symbolic_convert): while Dynamo traces, each
# new user line it reaches is logged as "TRACE starts_line FILE:LINE in FN" followed by the line.
# Only lines that were traced appear: the branch not taken after a graph break is not, and the
# lines of an inlined helper are named with the helper's function.
import os

import torch
from torch._dynamo.test_case import run_tests
from torch.testing._internal.logging_utils import LoggingTestCase, make_logging_test


def halve(t):
    return t / 2


def branchy(x):
    if x.sum() > 0:
        return halve(x) + 1
    return x * 3


class Logs(LoggingTestCase):
    # set_logs (make_logging_test) is ignored while TORCH_LOGS is set, in PyTorch as here: a
    # run with `--log guards` must not decide what these tests see.
    def setUp(self):
        super().setUp()
        self.saved = os.environ.pop("TORCH_LOGS", None)

    def tearDown(self):
        if self.saved is not None:
            os.environ["TORCH_LOGS"] = self.saved
        super().tearDown()

    @make_logging_test(trace_source=True)
    def test_only_traced_lines_are_named(self, records):
        torch.compile(branchy, backend="eager")(torch.ones(2, 2))
        text = "\n".join(r.getMessage() for r in records)
        self.assertIn("return halve(x) + 1", text)
        self.assertIn("return t / 2", text)
        self.assertNotIn("return x * 3", text)
        starts = [l for l in text.splitlines() if l.startswith("TRACE starts_line ")]
        self.assertTrue(any(l.endswith(" in halve") for l in starts), starts)
        self.assertTrue(any(l.endswith(" in branchy") for l in starts), starts)

    @make_logging_test()
    def test_off_by_default(self, records):
        torch.compile(branchy, backend="eager")(torch.ones(2, 2))
        self.assertFalse(any("TRACE starts_line" in r.getMessage() for r in records))


if __name__ == "__main__":
    run_tests()
