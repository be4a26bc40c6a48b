# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(type(op).__call__.__code__, ID)
# Calling an instance runs its class's __call__; the entry is guarded on that code, so two
# instances share one entry and rebinding Op.__call__ recompiles.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def apply(op, x):
    return op(x)


class T(TestCase):
    def test_rebinding_dunder_call_recompiles(self):
        class Op:
            def __call__(self, x):
                return x + 1

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        x = torch.zeros(2)
        self.assertEqual(f(Op(), x), x + 1)
        self.assertEqual(f(Op(), x), x + 1)
        self.assertEqual(cnt.frame_count, 1)
        Op.__call__ = lambda self, x: x + 10
        self.assertEqual(f(Op(), x), x + 10)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
