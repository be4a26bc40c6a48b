# Python ints have no upper bound. An int past int64 passed to a compiled function cannot be a
# symbolic int (sizes and SymInts are 64-bit), so it is a constant of the graph, guarded by its
# value: an equal int hits (even a different object), another int recompiles. Arithmetic on a
# symbolic int whose result leaves int64 specializes the int it came from instead of wrapping.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def offset_and_double(x, n):
    return x + (n % 5), n * 2


def bump(x, n):
    return x * 3, n + 1


class T(TestCase):
    def test_huge_argument_is_guarded_by_value(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(offset_and_double, backend=cnt)
        x = torch.zeros(3)
        big = 1 << 80
        for n in (big, (1 << 80) + 0, big * 2, 7, 8, big + 1, big + 1, 9):
            out, doubled = f(x, n)
            self.assertEqual(doubled, n * 2)
            self.assertEqual(out, x + n % 5)
        # compiles: big, big*2, 7, 8 (the small int becomes dynamic), big+1 (the dynamic entry
        # does not take it: its symbol is 64-bit). Hits: the equal big, big+1 again, and 9.
        self.assertEqual(cnt.frame_count, 5)

    def test_huge_constant_hits_under_dynamic_false(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(bump, backend=cnt, dynamic=False)
        x = torch.ones(2)
        for n in (10**30, 10**30, 10**31, 10**31):
            self.assertEqual(f(x, n)[1], n + 1)
        self.assertEqual(cnt.frame_count, 2)

    def test_symbolic_int_that_overflows_is_exact(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(bump, backend=cnt)
        x = torch.ones(2)
        top = 9223372036854775807
        for n in (top - 2, top - 1, top, 3, top):
            self.assertEqual(f(x, n)[1], n + 1)
        self.assertEqual(f(x, top)[1], 9223372036854775808)
        self.assertEqual(type(f(x, top)[1]), int)


if __name__ == "__main__":
    run_tests()
