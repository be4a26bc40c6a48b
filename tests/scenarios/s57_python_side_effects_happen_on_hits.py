# expect-categories: none
# A compiled function that changes Python state which existed before the call (appends to a
# global list, sets an attribute, rebinds a global, extends a list in place through another
# name) must do so on every call, cache hits included, as the eager function does: PyTorch
# replays such side effects after the graph.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests

seen = []
latest = None


class Stats:
    def __init__(self):
        self.last = None


stats = Stats()


log = []


def extend_through_an_alias(x):
    items = log
    items += [1]
    return x + 1


def record(x):
    global latest
    latest = "written"
    seen.append(1)
    y = x * 2
    stats.last = 7
    return y


class T(TestCase):
    def test_side_effects_happen_on_every_call(self):
        global latest
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(record, backend=cnt)
        x = torch.ones(2)
        for _ in range(3):
            self.assertEqual(f(x), x * 2)
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(len(seen), 3)
        latest = None
        stats.last = None
        f(x)
        self.assertEqual(latest, "written")
        self.assertEqual(stats.last, 7)
        self.assertEqual(cnt.frame_count, 1)

    def test_an_in_place_extend_through_a_local_alias_happens_on_every_call(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(extend_through_an_alias, backend=cnt)
        x = torch.ones(2)
        for _ in range(3):
            self.assertEqual(f(x), x + 1)
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(len(log), 3)


if __name__ == "__main__":
    run_tests()
