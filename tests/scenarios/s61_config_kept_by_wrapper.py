# A wrapper keeps the config it was made under (torch.compile saves it), and an entry serves
# only calls made under the same config and backend: a dynamic=False wrapper does not reuse an
# entry compiled by a dynamic=True wrapper of the same function, it compiles its own.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def add_one(x):
    return x + 1


class T(TestCase):
    def test_dynamic_false_wrapper_compiles_its_own_entry(self):
        cnt = torch._dynamo.testing.CompileCounter()
        dyn = torch.compile(add_one, backend=cnt, dynamic=True)
        static = torch.compile(add_one, backend=cnt, dynamic=False)
        dyn(torch.ones(3))
        dyn(torch.ones(4))
        self.assertEqual(cnt.frame_count, 1)
        static(torch.ones(3))
        self.assertEqual(cnt.frame_count, 2)
        static(torch.ones(3))
        self.assertEqual(cnt.frame_count, 2)

    def test_wrapper_made_under_a_patch_keeps_it(self):
        cnt = torch._dynamo.testing.CompileCounter()
        with torch._dynamo.config.patch(automatic_dynamic_shapes=False):
            f = torch.compile(add_one, backend=cnt)
        # Outside the patch the wrapper still traces without automatic dynamic shapes: every
        # new size is a new static entry.
        for n in (2, 3, 4):
            f(torch.ones(n))
        self.assertEqual(cnt.frame_count, 3)


if __name__ == "__main__":
    run_tests()
