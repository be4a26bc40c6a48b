# GLOBAL_STATE (grad mode, default dtype, autocast) is the state the frame was entered with:
# PyTorch takes its GlobalStateGuard before tracing. A compiled function that switches grad
# mode off itself is entered with grad mode on every time, so its entry hits on the second call
# (and the switch still happens: grad mode is off after each call). Before, the state was read
# after the trace (grad mode off) and every call recompiled.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def switch_off(x):
    torch.set_grad_enabled(False)
    return x + 1


class T(TestCase):
    def test_state_at_entry(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(switch_off, backend=cnt, fullgraph=True)
        prior = torch.is_grad_enabled()
        try:
            for _ in range(3):
                torch.set_grad_enabled(True)
                self.assertEqual(opt(torch.ones(2)), torch.full((2,), 2.0))
                self.assertFalse(torch.is_grad_enabled())
            self.assertEqual(cnt.frame_count, 1)
            # entered with grad mode off: another entry
            self.assertEqual(opt(torch.ones(2)), torch.full((2,), 2.0))
            self.assertEqual(cnt.frame_count, 2)
        finally:
            torch.set_grad_enabled(prior)


if __name__ == "__main__":
    run_tests()
