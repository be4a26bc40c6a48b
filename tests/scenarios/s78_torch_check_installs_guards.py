# torch._check(cond) inside a compiled function: a condition on a dynamic size is decided like a
# branch, so it adds the guard that keeps it true (L['x'].size()[0] != 3); a false condition
# raises RuntimeError, in eager code too, with the message (or what a callable message returns).
# Each shape guard in TORCH_LOGS=guards names the line that made it; a bound (`< 30`) is printed
# as the size's range (`2 <= L['x'].size()[0] <= 29`), as PyTorch prints its value ranges.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests
from torch.testing._internal.logging_utils import LoggingTestCase, make_logging_test


def not_three(x):
    torch._check(x.size(0) != 3)
    torch._check(x.size(0) < 30)
    return x + 2


class T(TestCase):
    def test_condition_becomes_a_guard(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(not_three, backend=cnt, dynamic=True)
        self.assertEqual(f(torch.zeros(12)), torch.full((12,), 2.0))
        self.assertEqual(f(torch.zeros(13)), torch.full((13,), 2.0))
        self.assertEqual(cnt.frame_count, 1)
        with self.assertRaises(RuntimeError):
            f(torch.zeros(3))

    def test_eager_messages(self):
        with self.assertRaisesRegex(RuntimeError, "Expected cond to be True"):
            torch._check(False)
        with self.assertRaisesRegex(RuntimeError, "rows must differ"):
            torch._check(1 == 2, lambda: "rows must differ")
        torch._check(True)


class Logs(LoggingTestCase):
    @make_logging_test(guards=True)
    def test_each_guard_names_its_line(self, records):
        torch.compile(not_three, backend="eager", dynamic=True)(torch.zeros(12))
        text = "\n".join(r.getMessage() for r in records)
        ne = [l for l in text.splitlines() if "LAMBDA_GUARD: L['x'].size()[0] != 3" in l]
        # A bound is kept as the size's range: one guard for both ends (2 is the size's floor).
        lt = [l for l in text.splitlines() if "LAMBDA_GUARD: 2 <= L['x'].size()[0] <= 29" in l]
        self.assertEqual(len(ne), 1)
        self.assertEqual(len(lt), 1)
        self.assertIn("# torch._check(x.size(0) != 3)", ne[0])
        self.assertIn("# torch._check(x.size(0) < 30)", lt[0])


if __name__ == "__main__":
    run_tests()
