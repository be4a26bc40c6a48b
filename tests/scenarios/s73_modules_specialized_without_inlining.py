# inline_inbuilt_nn_modules=False (the PyTorch < 2.5 default): an nn.Module the compiled code
# reaches through an argument or an attribute is specialized and guarded by identity (ID_MATCH),
# so each new instance of the same class compiles again. recompile_limit then counts the entries
# made for the same module objects (a per-object budget); accumulated_recompile_limit counts them
# all. With inlining (the default) the module is traced like any object: new instances with
# the same contents reuse the entry.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Affine(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 3)

    def forward(self, x):
        return self.lin(x)


def apply(x, mod):
    return mod(x)


class T(TestCase):
    @torch._dynamo.config.patch(inline_inbuilt_nn_modules=False)
    def test_each_instance_compiles(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        x = torch.ones(2, 3)
        keep = [Affine() for _ in range(3)]
        for m in keep:
            self.assertEqual(f(x, m), m(x))
        for m in keep:
            self.assertEqual(f(x, m), m(x))
        self.assertEqual(cnt.frame_count, 3)

    @torch._dynamo.config.patch(inline_inbuilt_nn_modules=False, recompile_limit=1)
    def test_recompile_limit_is_per_module_object(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        keep = [Affine() for _ in range(4)]
        for m in keep:
            self.assertEqual(f(torch.ones(2, 3), m), m(torch.ones(2, 3)))
        self.assertEqual(cnt.frame_count, 4)
        # a second entry for the first object is over its budget of one: run eagerly
        y = torch.ones(4, 2, 3)
        self.assertEqual(f(y, keep[0]), keep[0](y))
        self.assertEqual(cnt.frame_count, 4)

    @torch._dynamo.config.patch(inline_inbuilt_nn_modules=False, accumulated_recompile_limit=2)
    def test_accumulated_limit_counts_every_object(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        keep = [Affine() for _ in range(2)]
        for m in keep:
            self.assertEqual(f(torch.ones(2, 3), m), m(torch.ones(2, 3)))
        self.assertEqual(cnt.frame_count, 2)

    @torch._dynamo.config.patch(inline_inbuilt_nn_modules=False)
    def test_same_instance_hits(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        m = Affine()
        x = torch.ones(2, 3)
        for _ in range(3):
            self.assertEqual(f(x, m), m(x))
        self.assertEqual(cnt.frame_count, 1)

    @torch._dynamo.config.patch(inline_inbuilt_nn_modules=False)
    def test_guard_names_the_module(self):
        reasons = []
        f = torch._dynamo.optimize(
            backend="eager", guard_fail_fn=lambda failure: reasons.append(failure.reason)
        )(apply)
        x = torch.ones(2, 3)
        f(x, Affine())
        f(x, Affine())
        self.assertEqual(len(reasons), 1)
        self.assertIn("___check_obj_id(", reasons[0])
        self.assertIn("mod", reasons[0])

    def test_inlined_instances_share_the_entry(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(apply, backend=cnt)
        x = torch.ones(2, 3)
        for _ in range(4):
            m = Affine()
            self.assertEqual(f(x, m), m(x))
        self.assertEqual(cnt.frame_count, 1)


if __name__ == "__main__":
    run_tests()
