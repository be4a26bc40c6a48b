# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(type(obj).__mro__[1].__dict__['scale'].__code__, ID)
# A method reached through super() is guarded where the MRO found it (the class after the one
# whose method called super()), so rebinding it there recompiles.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Base:
    def scale(self, x):
        return x * 2


class Child(Base):
    def scale(self, x):
        return super().scale(x) + 1


def scaled(obj, x):
    return obj.scale(x)


class T(TestCase):
    def test_rebinding_the_method_super_reaches_recompiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        obj = Child()
        x = torch.ones(2)
        self.assertEqual(f(obj, x), x * 2 + 1)
        Base.scale = lambda self, x: x * 5
        self.assertEqual(f(obj, x), x * 5 + 1)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
