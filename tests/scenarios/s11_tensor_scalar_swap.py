# expect-categories: size_change, type_change
# expect-reason: 0/2 | 0/1: ___check_type_id(y, ID)
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x, y):
    return x * y


class T(TestCase):
    def test_tensor_int_tensor(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        f(torch.randn(2), torch.randn(2))
        f(torch.randn(3), 3)
        f(torch.randn(4), torch.randn(4))
        f(torch.randn(5), 4)
        f(torch.randn(6), torch.randn(6))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
