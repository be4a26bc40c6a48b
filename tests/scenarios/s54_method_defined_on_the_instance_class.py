# expect-categories: other, object_identity, other
# expect-reason: 0/1 | 0/0: not ___dict_contains('scale', type(obj).__dict__)
# expect-reason: 0/2 | 0/1: ___check_obj_id(type(obj).__dict__['scale'].__code__, ID)
# expect-reason: 1/1 | 1/0: not ___dict_contains('__len__', type(obj).__dict__)
# A method inherited from a base class is looked up through the MRO: the entry depends on the
# instance's own class NOT defining it. Defining it there later recompiles (the old entry would
# still call the base method); deleting it again makes the first entry valid again (a hit).
# The same holds for a special method found for an implicit use (len(obj) finds __len__).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scaled(obj, x):
    return obj.scale(x)


class T(TestCase):
    def test_a_method_defined_later_on_the_instance_class_recompiles_and_deleting_it_hits(self):
        class Base:
            def scale(self, x):
                return x * 2

        class Leaf(Base):
            pass

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        x = torch.ones(3)
        obj = Leaf()
        self.assertEqual(f(obj, x), x * 2)
        self.assertEqual(cnt.frame_count, 1)
        Leaf.scale = lambda self, x: x * 5
        self.assertEqual(f(obj, x), x * 5)
        self.assertEqual(cnt.frame_count, 2)
        Leaf.scale = lambda self, x: x * 7
        self.assertEqual(f(obj, x), x * 7)
        self.assertEqual(cnt.frame_count, 3)
        del Leaf.scale
        self.assertEqual(f(obj, x), x * 2)
        self.assertEqual(cnt.frame_count, 3)

        class Sized:
            def __len__(self):
                return 2

        class SizedLeaf(Sized):
            pass

        def sized(obj, x):
            return x * len(obj)

        g = torch.compile(sized, backend=cnt)
        obj = SizedLeaf()
        self.assertEqual(g(obj, x), x * 2)
        self.assertEqual(cnt.frame_count, 4)
        SizedLeaf.__len__ = lambda self: 4
        self.assertEqual(g(obj, x), x * 4)
        self.assertEqual(cnt.frame_count, 5)


if __name__ == "__main__":
    run_tests()
