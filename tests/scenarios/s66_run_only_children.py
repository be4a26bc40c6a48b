# After the recompile limit a function runs eagerly in "run only" mode (dynamo-semantics §1.4):
# it compiles nothing more, but a function it calls that already has a compiled entry still
# runs that entry (a hit), and one without an entry runs eagerly.
import torch
from torch._dynamo.test_case import TestCase, run_tests


def marked(x, k):
    # is_compiling() is True in a captured graph: +k shows which path served the call.
    return x + k if torch.compiler.is_compiling() else x


def inner_a(x):
    return marked(x, 10)


def inner_b(x):
    return marked(x, 100)


def outer(x, flag):
    y = marked(x, 1)
    y = inner_a(y)
    y = inner_b(y)
    return y + flag


class T(TestCase):
    @torch._dynamo.config.patch(recompile_limit=1)
    def test_children_keep_their_entries(self):
        torch.compile(inner_a, backend="eager")(torch.zeros(2))
        f = torch.compile(outer, backend="eager")
        x = torch.zeros(2)
        # First call: outer traced whole (inlining both children): 1 + 10 + 100.
        self.assertEqual(f(x, 0), x + 111)
        # A new int value would recompile outer: over the limit, it runs eagerly; inner_a
        # serves its own compiled entry, inner_b has none and runs eagerly.
        self.assertEqual(f(x, 1), x + 10 + 1)


if __name__ == "__main__":
    run_tests()
