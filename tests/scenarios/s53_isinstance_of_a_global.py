# expect-categories: type_change
# expect-reason: 0/1 | 0/0: ___check_type_id(G['shape'], ID)
# isinstance() on an object the trace read (here a global) decides a branch: the entry depends
# on the object's class (TYPE_MATCH), so rebinding the global to an instance of another class
# recompiles instead of replaying the branch taken for the first class.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Square:
    pass


class Circle:
    pass


shape = Square()


def area_scale(x):
    if isinstance(shape, Square):
        return x * 4
    return x * 3


class T(TestCase):
    def test_isinstance_guards_the_class_of_the_object(self):
        global shape
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(area_scale, backend=cnt)
        x = torch.ones(2)
        self.assertEqual(f(x), x * 4)
        shape = Square()
        self.assertEqual(f(x), x * 4)
        self.assertEqual(cnt.frame_count, 1)
        shape = Circle()
        self.assertEqual(f(x), x * 3)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
