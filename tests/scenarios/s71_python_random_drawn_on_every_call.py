# Python's `random` module inside a compiled function: the numbers are not part of the graph.
# PyTorch draws them again on every call of the compiled function (before the graph, as graph
# inputs), so a hit gives fresh numbers and advances the generator exactly as the eager call
# does; the frame is still compiled once. Replaying the number drawn while tracing would return
# the same "random" value forever.
import random

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def jitter(x):
    return x * random.uniform(1.0, 2.0) + random.randint(0, 100)


class T(TestCase):
    def test_each_call_draws_new_numbers(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(jitter, backend=cnt)
        outs = [f(torch.ones(2)) for _ in range(4)]
        self.assertEqual(cnt.frame_count, 1)
        for a, b in zip(outs, outs[1:]):
            self.assertFalse(torch.equal(a, b))

    def test_same_seed_same_numbers_as_eager(self):
        f = torch.compile(jitter, backend="eager")
        x = torch.ones(3)
        for seed in (7, 8, 7):
            random.seed(seed)
            expected = jitter(x)
            after_eager = random.random()
            random.seed(seed)
            self.assertEqual(f(x), expected)
            self.assertEqual(random.random(), after_eager)

    def test_a_generator_object_too(self):
        rng = random.Random(3)

        @torch.compile(backend="eager")
        def noisy(x):
            return x + rng.random()

        a = noisy(torch.zeros(2))
        b = noisy(torch.zeros(2))
        self.assertFalse(torch.equal(a, b))


if __name__ == "__main__":
    run_tests()
