# torch.fx.experimental._config.symbol_guard_limit_before_specialize: a size symbol that would
# collect more shape guards than the limit is specialized to the value it was traced with. The
# entry then guards the exact size, so every other size compiles again. The knob lives in the
# fx config module, which a compile's saved torch._dynamo.config does not hold: it is read when
# the frame is compiled, also for a function decorated before the patch.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def make(cnt, **kwargs):
    @torch._dynamo.optimize(cnt, dynamic=True, **kwargs)
    def fn(x):
        torch._check(x.size(0) != 3)
        torch._check(x.size(0) != 4)
        torch._check(x.size(0) != 5)
        return x * 2

    return fn


class Limit(TestCase):
    def test_no_limit_one_entry_serves_all_sizes(self):
        cnt = torch._dynamo.testing.CompileCounter()
        fn = make(cnt)
        for n in (10, 11, 12):
            self.assertEqual(fn(torch.ones(n)), torch.ones(n) * 2)
        self.assertEqual(cnt.frame_count, 1)

    def test_over_the_limit_each_size_compiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        fn = make(cnt)
        with torch.fx.experimental._config.patch(symbol_guard_limit_before_specialize=2):
            for n in (10, 11, 12, 10, 11):
                self.assertEqual(fn(torch.ones(n)), torch.ones(n) * 2)
        self.assertEqual(cnt.frame_count, 3)

    def test_at_the_limit_the_symbol_stays(self):
        cnt = torch._dynamo.testing.CompileCounter()
        fn = make(cnt)
        with torch.fx.experimental._config.patch(symbol_guard_limit_before_specialize=3):
            for n in (10, 11, 12):
                fn(torch.ones(n))
        self.assertEqual(cnt.frame_count, 1)

    def test_the_specialized_entry_guards_the_exact_size(self):
        cnt = torch._dynamo.testing.CompileCounter()
        reasons = []
        fn = make(cnt, guard_fail_fn=lambda failure: reasons.append(failure.reason))
        with torch.fx.experimental._config.patch(symbol_guard_limit_before_specialize=0):
            fn(torch.ones(10))
            fn(torch.ones(11))
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(reasons, ["0/0: tensor 'x' size mismatch at index 0. expected 10, actual 11"])

    def test_the_knob_is_not_in_the_dynamo_config(self):
        self.assertIsNone(torch.fx.experimental._config.symbol_guard_limit_before_specialize)
        with self.assertRaises(AttributeError):
            torch._dynamo.config.symbol_guard_limit_before_specialize


if __name__ == "__main__":
    run_tests()
