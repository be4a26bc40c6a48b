# expect-categories: object_identity, other
# expect-reason: 0/1 | 0/0: ___check_obj_id(type(obj).__mro__[2].__dict__['scale'].__code__, ID)
# expect-reason: 0/2 | 0/1: not ___dict_contains('scale', type(obj).__mro__[1].__dict__)
# An inherited method is found in a base class's dict (type(obj).__mro__[2]); rebinding it there
# recompiles, and so does defining it on a class between the instance's class and that base.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scaled(obj, x):
    return obj.scale(x)


class T(TestCase):
    def test_the_class_the_method_lives_on_and_the_classes_in_between_are_guarded(self):
        class Base:
            def scale(self, x):
                return x * 2

        class Middle(Base):
            pass

        class Leaf(Middle):
            pass

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        x = torch.ones(3)
        obj = Leaf()
        self.assertEqual(f(obj, x), x * 2)
        Base.scale = lambda self, x: x * 3
        self.assertEqual(f(obj, x), x * 3)
        self.assertEqual(cnt.frame_count, 2)
        Middle.scale = lambda self, x: x * 4
        self.assertEqual(f(obj, x), x * 4)
        self.assertEqual(cnt.frame_count, 3)
        self.assertEqual(f(obj, x), x * 4)
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
