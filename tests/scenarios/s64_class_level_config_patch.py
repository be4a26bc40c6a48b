# A config patch on a TestCase class applies to each of its tests and keeps the tests (a
# decorated class that ran no test would be a false green).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


@torch._dynamo.config.patch(automatic_dynamic_shapes=False, recompile_limit=3)
class Patched(TestCase):
    def test_patch_is_active_inside(self):
        self.assertFalse(torch._dynamo.config.automatic_dynamic_shapes)
        self.assertEqual(torch._dynamo.config.recompile_limit, 3)

    def test_sizes_stay_static(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: x + 1, backend=cnt)
        f(torch.ones(2))
        f(torch.ones(3))
        self.assertEqual(cnt.frame_count, 2)


class Unpatched(TestCase):
    def test_defaults_outside(self):
        self.assertTrue(torch._dynamo.config.automatic_dynamic_shapes)
        self.assertEqual(torch._dynamo.config.recompile_limit, 8)


if __name__ == "__main__":
    run_tests()
