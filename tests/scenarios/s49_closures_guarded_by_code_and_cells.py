# expect-categories: int_value_change
# expect-reason: 0/1 | 0/0: g.__closure__[0].cell_contents == 0
# A closure passed as an argument is guarded on its code and on the contents of the cells the
# trace read, not on the function object: ten closures of one `def` over ten ints give two
# entries (the int becomes dynamic at the first recompile, like a local int argument).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def make_adder(k):
    def add(y):
        return y + k

    return add


def run(x, g):
    return g(x)


class T(TestCase):
    def test_ten_closures_over_ten_ints_compile_twice(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(run, backend=cnt)
        x = torch.zeros(4)
        for k in range(10):
            self.assertEqual(f(x, make_adder(k)), x + k)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
