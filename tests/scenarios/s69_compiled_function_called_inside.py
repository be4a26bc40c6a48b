# expect-categories: object_identity
# expect-reason: 1/1 | 1/0: ___check_obj_id(G['doubled']._torchdynamo_orig_callable.__code__, ID)
# A compiled function called inside another compiled function is traced through (its target is
# inlined into the caller's graph): the caller's entry depends on the target's code, so swapping
# that code recompiles the caller instead of replaying the old graph.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def double(x):
    return x * 2


def triple(x):
    return x * 3


doubled = torch.compile(double, backend="eager")


def outer(x):
    return doubled(x) + 1


class T(TestCase):
    def test_the_inlined_target_is_guarded_by_its_code(self):
        x = torch.ones(3)
        self.assertEqual(doubled(x), x * 2)  # compiled on its own first (frame 0)
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(outer, backend=cnt)
        self.assertEqual(f(x), x * 2 + 1)
        self.assertEqual(f(x), x * 2 + 1)
        self.assertEqual(cnt.frame_count, 1)
        double.__code__ = triple.__code__
        self.assertEqual(f(x), x * 3 + 1)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
