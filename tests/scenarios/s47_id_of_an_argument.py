# expect-categories: object_identity
# expect-reason: 0/1 | 0/0: ___check_obj_id(obj, ID)
# id(obj) inside the compiled function makes the entry depend on which object was passed
# (ID_MATCH): a table keyed by ids must not hand the first object's value to the second.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Box:
    pass


first, second = Box(), Box()
weights = {id(first): 2, id(second): 3}


def weighted(obj, x):
    return x * weights[id(obj)]


class T(TestCase):
    def test_id_installs_an_identity_guard(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(weighted, backend=cnt)
        x = torch.ones(2)
        self.assertEqual(f(first, x), x * 2)
        self.assertEqual(f(first, x), x * 2)
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(f(second, x), x * 3)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
