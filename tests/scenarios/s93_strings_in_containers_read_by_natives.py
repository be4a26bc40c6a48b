# A string argument is guarded (EQUALS_MATCH) when an operation uses it, not when it is read
# (dynamo-semantics §3.11). A native function handed a list, tuple, dict or set may read the
# strings inside without touching them one by one (str.join, sorted, min): that is a use of
# each of them too. Before, "-".join([s, "a"]) was baked into the graph unguarded and replayed
# for another s (a stale answer).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def joined(x, s):
    return x + 1, "-".join([s, "a"])


def smallest(x, names):
    return x + 1, min((names[0], names[1]))


def nested(x, s):
    return x + 1, sorted({"k": [s]}["k"] + ["m"])


class T(TestCase):
    def test_join_of_a_list(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(joined, backend=cnt)
        self.assertEqual(opt(torch.ones(2), "p")[1], "p-a")
        self.assertEqual(opt(torch.ones(2), "q")[1], "q-a")
        self.assertEqual(opt(torch.ones(2), "q")[1], "q-a")
        self.assertEqual(cnt.frame_count, 2)

    def test_min_of_a_tuple(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(smallest, backend=cnt)
        self.assertEqual(opt(torch.ones(2), ["b", "c"])[1], "b")
        self.assertEqual(opt(torch.ones(2), ["d", "c"])[1], "c")
        self.assertEqual(cnt.frame_count, 2)

    def test_sorted_nested(self):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(nested, backend=cnt)
        self.assertEqual(opt(torch.ones(2), "a")[1], ["a", "m"])
        self.assertEqual(opt(torch.ones(2), "z")[1], ["m", "z"])
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
