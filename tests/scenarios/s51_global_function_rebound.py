# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(G['helper'].__code__, ID)
# A global function the trace inlined is guarded on its code: defining `helper` again (a new
# code object) recompiles instead of replaying the old body.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def helper(x):
    return x + 1


def outer(x):
    return helper(x) * 2


class T(TestCase):
    def test_redefining_an_inlined_global_function_recompiles(self):
        global helper
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(outer, backend=cnt)
        x = torch.zeros(2)
        self.assertEqual(f(x), (x + 1) * 2)

        def helper(x):  # noqa: F811 - the rebinding is what the test is about
            return x + 100

        self.assertEqual(f(x), (x + 100) * 2)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
