# Floats are not specialized by default (specialize_float=False, PyTorch >= 2.6): the first
# compile keeps the value static, a changed float recompiles once and the new entry takes any
# float (a TYPE_MATCH on the argument, the value is a graph input). With specialize_float=True
# every new value recompiles.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scale(x, k):
    return x * k


class T(TestCase):
    def test_second_float_makes_it_dynamic(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scale, backend=cnt)
        x = torch.ones(3)
        for k in (0.5, 1.5, 2.5, 3.5):
            self.assertEqual(f(x, k), x * k)
        self.assertEqual(cnt.frame_count, 2)

    @torch._dynamo.config.patch(specialize_float=True)
    def test_specialized_floats_recompile_per_value(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scale, backend=cnt)
        x = torch.ones(3)
        for k in (0.5, 1.5, 2.5):
            self.assertEqual(f(x, k), x * k)
        self.assertEqual(cnt.frame_count, 3)

    def test_dynamic_false_specializes(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scale, backend=cnt, dynamic=False)
        x = torch.ones(3)
        for k in (0.5, 1.5, 0.5):
            self.assertEqual(f(x, k), x * k)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
