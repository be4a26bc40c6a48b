# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(type(model).__mro__[1].__dict__['m'].__code__, ID)
# Replacing a function's code object in place (f.__code__ = g.__code__) changes what a call
# runs without rebinding anything: an entry that inlined a method found on a base class is
# guarded on that method's code, so it recompiles. A code object whose free variables do not
# match the function's closure is refused, as CPython refuses it.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def double(self, x):
    return x * 2.0


def ninefold(self, x):
    return x * 9.0


class Base:
    m = double


class Derived(Base):
    pass


class T(TestCase):
    def test_swapping_the_code_of_an_inherited_method_recompiles(self):
        model = Derived()
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: model.m(x), backend=cnt, fullgraph=True)
        x = torch.arange(1.0, 4.0)
        self.assertEqual(f(x), x * 2.0)
        Base.m.__code__ = ninefold.__code__
        self.assertEqual(f(x), x * 9.0)
        self.assertEqual(f(x), x * 9.0)
        self.assertEqual(cnt.frame_count, 2)

    def test_a_code_object_with_other_free_variables_is_refused(self):
        def plain(self, x):
            return x

        k = 2.0

        def closing(self, x):
            return x * k

        with self.assertRaises(ValueError):
            plain.__code__ = closing.__code__
        with self.assertRaises(TypeError):
            plain.__code__ = 3


if __name__ == "__main__":
    run_tests()
