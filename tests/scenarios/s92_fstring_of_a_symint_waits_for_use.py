# An f-string that formats a dynamic size does not specialize it by itself: PyTorch's
# FORMAT_VALUE pushes a lazy string built from the size's hint and evaluates the SymInt (so
# guards on its value) only when the string is used. Unused text: one graph for every size.
# Text that is returned, compared or handed to a string method: the size is specialized,
# the next size recompiles ("size mismatch"), and the answer is always the eager one.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def label_unused(x):
    f"rows={x.shape[0]}"
    return x * 3


def label_returned(x):
    return x * 3, f"rows={x.shape[0]}"


def label_compared(x):
    if f"{x.shape[0]}" == "4":
        return x + 1
    return x - 1


def label_joined(x):
    text = f"{x.shape[0]:>3}"
    return x * 2, "|".join([text, "end"])


class T(TestCase):
    def compiled(self, fn):
        cnt = torch._dynamo.testing.CompileCounter()
        failures = []
        opt = torch._dynamo.optimize(cnt, guard_fail_fn=lambda f: failures.append(f[0]), dynamic=True)(fn)
        return opt, cnt, failures

    def test_unused_text_keeps_the_size_symbolic(self):
        opt, cnt, failures = self.compiled(label_unused)
        for n in (4, 5, 9):
            self.assertEqual(opt(torch.ones(n, 2)), torch.full((n, 2), 3.0))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(failures, [])

    def test_returned_text_specializes(self):
        opt, cnt, failures = self.compiled(label_returned)
        self.assertEqual(opt(torch.ones(4))[1], "rows=4")
        self.assertEqual(opt(torch.ones(5))[1], "rows=5")
        self.assertEqual(opt(torch.ones(5))[1], "rows=5")
        self.assertEqual(cnt.frame_count, 2)
        self.assertIn("size mismatch at index 0. expected 4, actual 5", failures[0])

    def test_compared_text_specializes(self):
        opt, cnt, failures = self.compiled(label_compared)
        self.assertEqual(opt(torch.zeros(4)), torch.ones(4))
        self.assertEqual(opt(torch.zeros(6)), torch.full((6,), -1.0))
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(len(failures), 1)

    def test_joined_text_specializes(self):
        opt, cnt, failures = self.compiled(label_joined)
        self.assertEqual(opt(torch.ones(4))[1], "  4|end")
        self.assertEqual(opt(torch.ones(12))[1], " 12|end")
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
