# A container read from a source (an argument, a global, an attribute) keeps its items guarded
# by what the trace reads of them: each item has its own source (L['xs'][1], G['CFG']['a']) and
# its value is guarded when it is used. Some operations read every item at once without going
# through the items one by one: a copy (dict(d), d.copy(), xs.copy()), a search (xs.index(v),
# xs.count(v)), an operator on whole containers (xs + ys, xs * 2, d | e, xs == ys, xs < ys), a
# text of the container (repr(xs), f"{xs}") and an unpacking into a call or a dict (f(**d),
# {**d}). Each of them uses every item, so every item is guarded. A set read from a source is
# guarded by its value as a whole (its items have no position to name them by).
#
# Before, these results were baked into the graph unguarded: the second call with a changed
# item replayed the first call's answer (a stale result, found by probing natives on tracked
# containers). A functools.partial's keywords are read by dict(self.keywords): the same bug.
import functools

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests

CFG = {"a": 1, "b": 2}
SIZES = [1, 2]


def copied(x):
    return x + dict(CFG)["a"]


def counted(x, xs):
    return x + xs.count(2)


def concatenated(x, xs):
    return x + (xs + [3])[1]


def compared(x, xs):
    return x + int(xs < [1, 3])


def shown(x):
    return x + len(repr(SIZES)) + len(f"{CFG}")


def unpacked_into_a_call(x):
    return x + (lambda a=0, b=0: a * b)(**CFG)


def unpacked_into_a_dict(x):
    return x + {**CFG}["b"]


def scaled(x, k=1):
    return x * k


def through_partial(x, p):
    return p(x)


def in_set(x, s):
    out = x
    for c in s:
        out = out + (1 if c in "ab" else 10)
    return out


class T(TestCase):
    def setUp(self):
        super().setUp()
        CFG.clear()
        CFG.update({"a": 1, "b": 2})
        SIZES[:] = [1, 2]

    def check(self, fn, *args, mutate, frames):
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(fn, backend=cnt)
        self.assertEqual(opt(*args), fn(*args))
        mutate()
        self.assertEqual(opt(*args), fn(*args))
        self.assertEqual(opt(*args), fn(*args))
        self.assertEqual(cnt.frame_count, frames)

    def test_dict_copy_guards_the_values(self):
        self.check(copied, torch.ones(2), mutate=lambda: CFG.update(a=7), frames=2)

    def test_count_guards_the_items(self):
        xs = [1, 2]

        def change():
            xs[1] = 5

        self.check(counted, torch.ones(2), xs, mutate=change, frames=2)

    def test_concatenation_and_comparison_guard_the_items(self):
        xs = [1, 2]

        def change():
            xs[1] = 5

        self.check(concatenated, torch.ones(2), xs, mutate=change, frames=2)
        xs[1] = 2
        self.check(compared, torch.ones(2), xs, mutate=change, frames=2)

    def test_repr_and_fstring_guard_the_items(self):
        def change():
            SIZES[1] = 123

        self.check(shown, torch.ones(2), mutate=change, frames=2)

    def test_double_star_unpacking_guards_keys_and_values(self):
        self.check(unpacked_into_a_call, torch.ones(2), mutate=lambda: CFG.update(b=5), frames=2)
        self.check(unpacked_into_a_dict, torch.ones(2), mutate=lambda: CFG.update(b=7), frames=2)

    def test_partial_keywords_are_guarded(self):
        p = functools.partial(scaled, k=2)

        def change():
            p.keywords["k"] = 5

        self.check(through_partial, torch.ones(2), p, mutate=change, frames=2)

    def test_a_set_is_guarded_by_value(self):
        s = {"a", "c"}

        def change():
            s.discard("c")
            s.add("b")

        self.check(in_set, torch.ones(2), s, mutate=change, frames=2)
        # an equal set built elsewhere is a hit
        cnt = torch._dynamo.testing.CompileCounter()
        opt = torch.compile(in_set, backend=cnt)
        opt(torch.ones(2), {"a", "b"})
        opt(torch.ones(2), {"b", "a"})
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
