# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(type(obj).__dict__['scale'].__code__, ID)
# A method is looked up on the class (through the MRO); the entry keeps the code it ran, so
# rebinding the method on the class must invalidate it, while another instance of the same
# class (same method, same code) keeps hitting.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scaled(obj, x):
    return obj.scale(x)


class T(TestCase):
    def test_rebinding_a_method_on_the_class_recompiles(self):
        class Scaler:
            def scale(self, x):
                return x * 2

        def triple(self, x):
            return x * 3

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        x = torch.ones(3)
        first, second = Scaler(), Scaler()
        self.assertEqual(f(first, x), x * 2)
        self.assertEqual(f(second, x), x * 2)
        self.assertEqual(cnt.frame_count, 1)
        Scaler.scale = triple
        self.assertEqual(f(first, x), x * 3)
        self.assertEqual(f(second, x), x * 3)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
