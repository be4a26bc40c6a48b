# torch.cat along a dynamic dim gives a size that is the sum of the inputs' sizes (2*s for two
# inputs of size s), not the number seen while tracing: adding it to a tensor of its own dynamic
# size relates the two symbols (a guard x == y + z) instead of pinning x to one number, so other
# sizes with the same relation reuse the entry. Shape guards are printed after the guard tree,
# at depth 0 ("+- LAMBDA_GUARD: ..."), as PyTorch prints its epilogue guards.
import logging

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from torch.testing._internal.logging_utils import LoggingTestCase, make_logging_test


def add_joined(x, y, z):
    return x + torch.cat([y, z])


class T(TestCase):
    def test_related_sizes_share_the_entry(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(add_joined, backend=cnt, dynamic=True)
        for n in (3, 4, 7):
            x, y, z = torch.ones(2 * n), torch.ones(n), torch.ones(n)
            self.assertEqual(f(x, y, z), add_joined(x, y, z))
        self.assertEqual(cnt.frame_count, 1)
        x, y, z = torch.ones(7), torch.ones(3), torch.ones(4)
        self.assertEqual(f(x, y, z), add_joined(x, y, z))
        self.assertEqual(cnt.frame_count, 2)


class Logs(LoggingTestCase):
    @make_logging_test(guards=True)
    def test_shape_guards_at_depth_zero(self, records):
        f = torch.compile(add_joined, backend="eager", dynamic=True)
        f(torch.ones(8), torch.ones(4), torch.ones(4))
        text = "\n".join(r.getMessage() for r in records)
        self.assertIn("\n+- LAMBDA_GUARD: 2 <= L['y'].size()[0]", text)
        self.assertIn("+- RootGuardManager", text)
        self.assertNotIn("| +- LAMBDA_GUARD: 2 <=", text)


if __name__ == "__main__":
    run_tests()
