# expect-categories: other
# expect-reason: 0/1 | 0/0: not ___dict_contains('scale', obj.__dict__)
# An attribute set on the instance shadows the class's method of the same name: the entry that
# used the method must not be reused once the instance has its own `scale`.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scaled(obj, x):
    return obj.scale(x)


class T(TestCase):
    def test_an_instance_attribute_shadowing_the_method_recompiles(self):
        class Scaler:
            def scale(self, x):
                return x * 2

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        x = torch.ones(3)
        obj = Scaler()
        self.assertEqual(f(obj, x), x * 2)
        obj.scale = lambda x: x * 5
        self.assertEqual(f(obj, x), x * 5)
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(f(Scaler(), x), x * 2)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
