# expect-categories: train_eval
# expect-reason: 0/1 | 0/0: self._modules['dropout'].training == False
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class M(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.dropout = torch.nn.Dropout(0.5)
        self.linear = torch.nn.Linear(4, 2)

    def forward(self, x):
        return self.dropout(self.linear(x))


class T(TestCase):
    def test_mode_switch_compiles_once_per_mode(self):
        cnt = torch._dynamo.testing.CompileCounter()
        m = torch.compile(M(), backend=cnt)
        x = torch.randn(4)
        for _ in range(5):
            m.eval()
            m(x)
            m.train()
            m(x)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
