# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(G['Derived'].c.__func__.__code__, ID)
# A classmethod reached through the class is guarded on its function's code: replacing that
# code in place recompiles; calling again hits the new entry.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def double(cls, x):
    return x * 2.0


def ninefold(cls, x):
    return x * 9.0


class Base:
    c = classmethod(double)


class Derived(Base):
    pass


class T(TestCase):
    def test_swapping_the_code_of_a_classmethod_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: Derived.c(x), backend=cnt, fullgraph=True)
        x = torch.arange(1.0, 4.0)
        self.assertEqual(f(x), x * 2.0)
        Base.c.__func__.__code__ = ninefold.__code__
        self.assertEqual(f(x), x * 9.0)
        self.assertEqual(f(x), x * 9.0)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
