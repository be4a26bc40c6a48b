# mark_dynamic is forbidden inside a traced function, and a marked dimension that tracing has
# to specialize raises ConstraintViolationError instead of being silently specialized.
import torch
from torch.fx.experimental.symbolic_shapes import ConstraintViolationError
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_mark_dynamic_while_tracing_raises(self):
        def f(x):
            torch._dynamo.mark_dynamic(x, 0)
            return x + 1

        with self.assertRaises(AssertionError):
            torch.compile(f, backend="eager")(torch.ones(3))

    def test_specializing_a_marked_dim_raises(self):
        def f(x):
            if x.shape[0] == 4:
                return x + 1
            return x - 1

        x = torch.ones(4)
        torch._dynamo.mark_dynamic(x, 0)
        with self.assertRaises(ConstraintViolationError):
            torch.compile(f, backend="eager")(x)

    def test_marked_dim_used_symbolically_is_fine(self):
        def f(x):
            return x.sum(0) * x.shape[0]

        x = torch.ones(4, 2)
        torch._dynamo.mark_dynamic(x, 0)
        self.assertEqual(torch.compile(f, backend="eager")(x), f(x))


if __name__ == "__main__":
    run_tests()
