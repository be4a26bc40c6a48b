# Sizes made by ops the engine has no shape rule for (x[::2], x.repeat(2, 1) on dynamic sizes)
# used to be recorded as the numbers seen while tracing: code that read them (an `if` on the
# size) installed no guard, and the entry was replayed for other sizes with the branch taken for
# the first one — a stale result; or, when its value happened to equal another input size, as
# that size (x.repeat(2, 1) of a (4, 8) tensor: the first 8 is not the second dim). Such a size
# is now opaque: unread it costs nothing (one entry serves every size); read, it specializes the
# sizes it came from, so other sizes recompile.
# Views of the same elements (flatten, view(-1), reshape(n, -1)) get PyTorch's exact size,
# the element count divided by the other sizes: reading it adds a guard on that product.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def branch_on_flat(x):
    y = x.flatten()
    if y.shape[0] > 20:
        return x + 1
    return x - 1


def branch_on_strided(x):
    y = x[::2]
    if y.shape[0] > 3:
        return x + 1
    return x - 1


def branch_on_repeated(x):
    y = x.repeat(2, 1)
    if y.shape[0] > 10:
        return x + 1
    return x - 1


def branch_on_strided_columns(x):
    y = x[:, ::2]
    if y.shape[1] > 4:
        return x + 1
    return x - 1


def branch_on_arange(x):
    y = torch.arange(0, x.shape[0], 2)
    if y.shape[0] > 2:
        return x + 1
    return x - 1


def reads_a_written_size(x):
    z = torch.zeros(3, x.shape[0])
    if z.shape[0] == 3:
        return x + z.sum(0)
    return x


def strided_unread(x):
    return x[::2] * 2


class T(TestCase):
    def check(self, fn, shapes):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(fn, backend=cnt, dynamic=True)
        for s in shapes:
            x = torch.arange(float(torch.Size(s).numel())).reshape(s)
            self.assertEqual(f(x), fn(x))
        return cnt.frame_count

    def test_flat_size_is_the_product(self):
        # 12 <= 20, then 24 and 40 > 20: the guard is on the product, not on each size
        self.assertEqual(self.check(branch_on_flat, [(3, 4), (3, 8), (5, 8), (2, 3)]), 2)

    def test_strided_size_read_specializes(self):
        self.assertEqual(self.check(branch_on_strided, [(5,), (9,), (5,), (9,)]), 2)

    def test_repeated_size_read_specializes(self):
        # (4, 8) repeated is (8, 8): its first 8 is not the input's second dim
        self.assertEqual(self.check(branch_on_repeated, [(4, 8), (7, 8), (4, 8)]), 2)

    def test_strided_columns_are_not_the_rows(self):
        # x[:, ::2] of an (8, 16) tensor is (8, 8): its second 8 is not the input's first dim
        self.assertEqual(self.check(branch_on_strided_columns, [(8, 16), (8, 4), (8, 16)]), 2)

    def test_a_computed_size_equal_to_a_written_number_is_not_that_number(self):
        # arange(0, 4, 2) has 2 elements, the number written last in the call, by coincidence
        self.assertEqual(self.check(branch_on_arange, [(4,), (6,), (4,), (6,)]), 2)

    def test_a_size_written_in_the_call_is_that_number(self):
        # zeros(3, n): the 3 is read without specializing n
        self.assertEqual(self.check(reads_a_written_size, [(4,), (6,), (9,)]), 1)

    def test_unread_size_keeps_one_entry(self):
        self.assertEqual(self.check(strided_unread, [(5,), (9,), (13,), (6,)]), 1)


if __name__ == "__main__":
    run_tests()
