# expect-categories: constant_change
# expect-reason: 0/1 | 0/0: not hasattr(cfg, 'bias')
# What the trace found missing is guarded too: hasattr() was False, so the entry carries
# `not hasattr(cfg, 'bias')` and adding the attribute recompiles instead of ignoring it.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Config:
    pass


def shifted(cfg, x):
    if hasattr(cfg, "bias"):
        return x + cfg.bias
    return x - 1


class T(TestCase):
    def test_a_missing_attribute_then_present_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shifted, backend=cnt)
        cfg = Config()
        x = torch.zeros(2)
        self.assertEqual(f(cfg, x), x - 1)
        cfg.bias = 3
        self.assertEqual(f(cfg, x), x + 3)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
