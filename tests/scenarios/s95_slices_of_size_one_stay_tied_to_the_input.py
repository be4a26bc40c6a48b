# A slice of a dynamic size can come out 0 or 1 (x[1:] of 2 elements, x[::2] of 2 elements).
# That size is computed from the input's size, so it is not a constant of the graph: a program
# that reads it (x[1:].shape[0], a comparison, arithmetic) must not get the same number for
# every later size. The size stands for its value until something reads it; a read ties the
# entry to the input size it came from (one more compile, never a stale answer). A size-1 slice
# that only broadcasts is not read. Found by the guard fuzzer (a 1 replayed for sizes 6 and 4).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def add_rest(x, z):
    return x + z[1:].shape[0]


def add_rest_of_copy(x, z):
    return x + z[1:].clone().shape[0]


def halves_over_three(x, z):
    if z[::2].shape[0] > 3:
        return x + 1
    return x - 1


def scale_by_tail(x, z):
    return x * z[1:]


class T(TestCase):
    def run_sizes(self, fn, sizes):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(fn, backend=cnt, dynamic=True)
        x = torch.ones(4)
        for n in sizes:
            z = torch.arange(float(n))
            self.assertEqual(opt(x, z), fn(x, z))
        return cnt.frame_count

    def test_read_size_after_a_size_one_slice(self):
        self.run_sizes(add_rest, (4, 2, 6, 2, 4, 7))

    def test_copy_keeps_the_slice_size(self):
        self.run_sizes(add_rest_of_copy, (5, 2, 6, 3))

    def test_comparison_on_a_strided_slice(self):
        self.run_sizes(halves_over_three, (5, 2, 8, 9))

    def test_broadcast_of_a_size_one_slice_is_not_a_read(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(scale_by_tail, backend=cnt, dynamic=True)
        z = torch.tensor([1.0, 3.0])
        self.assertEqual(opt(torch.ones(5), z), torch.full((5,), 3.0))
        self.assertEqual(opt(torch.ones(7), z), torch.full((7,), 3.0))
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
