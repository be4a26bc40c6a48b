# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    if torch.compiler.is_compiling():
        return x + 1
    return x - 1


class T(TestCase):
    def test_is_compiling_is_true_only_while_compiled(self):
        x = torch.zeros(2)
        self.assertEqual(foo(x), x - 1)
        self.assertFalse(torch._dynamo.is_compiling())
        f = torch.compile(foo, backend="eager")
        self.assertEqual(f(x), x + 1)
        self.assertEqual(f(x), x + 1)


if __name__ == "__main__":
    run_tests()
