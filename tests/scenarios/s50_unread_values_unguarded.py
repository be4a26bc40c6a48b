# expect-categories: none
# Values the trace only passes along are not guarded: the strings and ints inside `pairs` reach
# a helper that ignores them, so other strings and ints reuse the entry (only the list's length
# and the tuples' lengths are guarded, since the loop unpacks them).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def ignore_extras(x, name, extras):
    return x * x + 1


def apply_all(helper, x, pairs):
    extras = []
    for name, value in pairs:
        extras.append(value)
    return helper(x, name, extras)


class T(TestCase):
    def test_strings_and_ints_passed_along_do_not_recompile(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply_all, backend=cnt, fullgraph=True)
        x = torch.rand(5)
        self.assertEqual(f(ignore_extras, x, [("a", 1), ("b", 2)]), x * x + 1)
        self.assertEqual(f(ignore_extras, x, [("c", 3), ("d", 4)]), x * x + 1)
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
