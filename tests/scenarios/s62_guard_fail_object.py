# guard_fail_fn is called with a GuardFail (a named tuple: reason, orig_code) for the entry that
# failed, and the reason is the text PyTorch prints.
import torch
from torch._dynamo.test_case import TestCase, run_tests


def double(x):
    return x * 2


class T(TestCase):
    def test_guard_fail_carries_reason_and_code(self):
        seen = []
        f = torch._dynamo.optimize("eager", guard_fail_fn=seen.append, dynamic=False)(double)
        f(torch.ones(2))
        f(torch.ones(5))
        self.assertEqual(len(seen), 1)
        fail = seen[0]
        self.assertIsInstance(fail, torch._dynamo.guards.GuardFail)
        self.assertEqual(fail.reason, fail[0])
        self.assertIn("tensor 'x' size mismatch at index 0. expected 2, actual 5", fail.reason)
        self.assertIs(fail.orig_code, double.__code__)
        # a named tuple, as in PyTorch: it compares with anything (a test's `failure == None`)
        self.assertFalse(fail == None)  # noqa: E711
        self.assertNotEqual(fail, None)
        reason, code = fail
        self.assertEqual((reason, code), tuple(fail))


if __name__ == "__main__":
    run_tests()
