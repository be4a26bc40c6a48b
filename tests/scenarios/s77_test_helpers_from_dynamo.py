# Helpers PyTorch's own tests import from torch._dynamo: optimize_assert (optimize with
# nopython=True: a graph break is an error), OptimizedModule (what compiling a module returns),
# comptime.assert_static (fails while tracing a value that is dynamic) and TORCH_LOGS settings
# that name a module (torch._dynamo.output_graph), which register that module's logger.
import logging

import torch
import torch._dynamo.testing
from torch._dynamo.comptime import comptime
from torch._dynamo.test_case import TestCase, run_tests
from torch.testing._internal.logging_utils import LoggingTestCase, make_settings_test


class T(TestCase):
    def test_optimize_assert_is_fullgraph(self):
        def breaks(x):
            torch._dynamo.graph_break()
            return x + 1

        with self.assertRaises(torch._dynamo.exc.Unsupported):
            torch._dynamo.optimize_assert("eager")(breaks)(torch.ones(2))
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch._dynamo.optimize_assert(cnt)(lambda x: x * 2)
        self.assertEqual(f(torch.ones(2)), torch.full((2,), 2.0))
        self.assertEqual(cnt.frame_count, 1)

    def test_optimized_module_type(self):
        m = torch.nn.Linear(2, 2)
        self.assertIsInstance(torch.compile(m, backend="eager"), torch._dynamo.OptimizedModule)

    def test_assert_static(self):
        def static_rows(x):
            comptime.assert_static(x.size(0))
            return x + 1

        torch.compile(static_rows, backend="eager", dynamic=False)(torch.ones(4))
        with self.assertRaises(AssertionError):
            torch.compile(static_rows, backend="eager", dynamic=True)(torch.ones(4))
        static_rows(torch.ones(3))  # eager: nothing is checked


class Logs(LoggingTestCase):
    @make_settings_test("torch._dynamo.output_graph")
    def test_module_name_setting(self, records):
        logging.getLogger("torch._dynamo.output_graph").info("hello")
        self.assertEqual(len(records), 1)


if __name__ == "__main__":
    run_tests()
