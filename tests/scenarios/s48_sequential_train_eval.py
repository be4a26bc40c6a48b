# expect-categories: train_eval
# expect-reason: 0/1 | 0/0: self._modules['1'].training == False
# A Dropout inside an nn.Sequential reads its own `training` flag: the guard sits on the
# submodule's source, so eval() and train() on the container give one entry per mode, and
# switching back and forth hits those two entries.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_dropout_inside_sequential_gives_one_entry_per_mode(self):
        cnt = torch._dynamo.testing.CompileCounter()
        net = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5))
        f = torch.compile(net, backend=cnt)
        x = torch.randn(3, 4)
        net.eval()
        evaluated = f(x)
        self.assertEqual(evaluated, net(x))
        net.train()
        trained = f(x)
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual((trained == 0).any() or not torch.equal(trained, evaluated), True)
        for _ in range(3):
            net.eval()
            self.assertEqual(f(x), evaluated)
            net.train()
            f(x)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
