# torch.compile of a function that is already compiled compiles the function itself with the
# outer call's options: the inner wrapper is unwrapped (eval_frame's innermost_fn), so the
# inner backend never sees a frame. Calling the inner wrapper afterwards compiles with its own
# backend as usual (one cache per code object, the backend is part of each entry).
#
# torch._dynamo.run(fn) (or torch._dynamo.run()(fn)) runs fn in run-only mode: the frame and the
# functions it calls use the entries their code objects already have, a miss runs eagerly, and
# nothing compiles. run() of a compiled function runs its original function that way.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def body(x):
    return torch.relu(torch.cos(x) + torch.sin(x))


class T(TestCase):
    def test_outer_compile_wins(self):
        inner = torch._dynamo.testing.CompileCounter()
        outer = torch._dynamo.testing.CompileCounter()
        fn1 = torch.compile(body, backend=inner, fullgraph=True)
        fn2 = torch.compile(fn1, backend=outer, fullgraph=True)
        x = torch.randn(4)
        self.assertEqual(fn2(x), body(x))
        self.assertEqual(outer.frame_count, 1)
        self.assertEqual(inner.frame_count, 0)

    def test_run_only_compiles_nothing(self):
        cnt = torch._dynamo.testing.CompileCounter()
        fn = torch.compile(body, backend=cnt, fullgraph=True)
        fn(torch.randn(4))
        fn(torch.randn(4, 4))
        self.assertEqual(cnt.frame_count, 2)
        runner = torch._dynamo.run(fn)
        x = torch.randn(4, 4, 4)
        self.assertEqual(runner(x), body(x))  # a miss: eager, no compile
        y = torch.randn(4)
        self.assertEqual(torch._dynamo.run()(fn)(y), body(y))  # a hit of the first entry
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
