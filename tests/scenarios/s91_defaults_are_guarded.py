# Functions made by one `def` share a code object, and so one cache, but each has its own
# defaults. A parameter the call leaves to its default is a local of the frame (L['conds']) like
# any other: what the trace reads of it is guarded. Before, a default was never tracked: the next
# function of the same `def` replayed the first one's graph with the first one's defaults.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def make(conds, scale=1.0, *, shift=0.0):
    def apply(x, conds=conds, scale=scale, *, shift=shift):
        for op, c in conds:
            x = x + c if op == "+" else x - c
        return x * scale + shift

    return apply


class Defaults(TestCase):
    def check(self, fns, cnt):
        x = torch.ones(3)
        for fn in fns:
            self.assertEqual(torch.compile(fn, backend=cnt)(x), fn(x))

    def test_a_list_default_is_guarded(self):
        cnt = torch._dynamo.testing.CompileCounter()
        self.check([make([("+", 3)]), make([("-", 3)]), make([("+", 5)]), make([("+", 5), ("-", 1)])], cnt)
        self.assertEqual(cnt.frame_count, 4)

    def test_the_same_defaults_hit(self):
        cnt = torch._dynamo.testing.CompileCounter()
        self.check([make([("+", 2)]), make([("+", 2)])], cnt)
        self.assertEqual(cnt.frame_count, 1)

    def test_scalar_and_keyword_only_defaults(self):
        cnt = torch._dynamo.testing.CompileCounter()
        self.check([make([], 2.0), make([], 3.0), make([], 3.0, shift=1.0)], cnt)
        self.assertEqual(cnt.frame_count, 3)

    def test_defaults_next_to_given_arguments(self):
        fn = make([("+", 1)], 2.0, shift=0.5)
        other = make([("-", 1)], 4.0, shift=1.5)
        x = torch.ones(2)
        for f in (fn, other):
            g = torch.compile(f, backend="eager")
            self.assertEqual(g(x, scale=3.0), f(x, scale=3.0))
            self.assertEqual(g(x, [("+", 7)]), f(x, [("+", 7)]))
            self.assertEqual(g(x, shift=2.0), f(x, shift=2.0))


if __name__ == "__main__":
    run_tests()
