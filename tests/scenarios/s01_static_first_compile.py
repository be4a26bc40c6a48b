# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_same_shape_hits(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: x.sin() + 1, backend=cnt)
        for _ in range(5):
            f(torch.randn(3, 4))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(cnt.op_count, 2)


if __name__ == "__main__":
    run_tests()
