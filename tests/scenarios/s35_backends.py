# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, y):
    return (x @ y).sum(0) + 1


class T(TestCase):
    def test_string_backends_and_counter_with_backend(self):
        x, y = torch.randn(3, 4), torch.randn(4, 2)
        expected = foo(x, y)
        for backend in ["eager", "aot_eager", "inductor"]:
            torch._dynamo.reset()
            self.assertEqual(torch.compile(foo, backend=backend)(x, y), expected)
        torch._dynamo.reset()
        cnt = torch._dynamo.testing.CompileCounterWithBackend("aot_eager")
        self.assertEqual(torch.compile(foo, backend=cnt)(x, y), expected)
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(cnt.op_count, 3)


if __name__ == "__main__":
    run_tests()
