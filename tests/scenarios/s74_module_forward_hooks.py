# Forward hooks. Calling a module runs its forward pre-hooks, forward, then its forward hooks.
# A compiled function that calls a module traces that whole call, so it reads the module's hook
# dicts and is guarded on them: adding or removing a hook recompiles (the reason names
# _forward_hooks), and a hook replaced in the dict is guarded by its code. A compiled module
# (torch.compile(module)) runs its hooks outside the compiled forward, eagerly, so removing a hook
# there needs no recompile and the result still follows the hooks.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class Affine(torch.nn.Module):
    def forward(self, x):
        return 2 * x + 1


def double_plus_one(mod, args, out):
    return 2 * out + 1


def double_plus_two(mod, args, out):
    return 2 * out + 2


class T(TestCase):
    def test_caller_recompiles_when_a_hook_goes(self):
        m = Affine()
        handle = m.register_forward_hook(double_plus_one)
        reasons = []
        cnt = torch._dynamo.testing.CompileCounter()

        def outer(t):
            return m(t * 2 + 1)

        f = torch._dynamo.optimize(backend=cnt, guard_fail_fn=lambda g: reasons.append(g.reason))(outer)
        one = torch.tensor(1.0)
        self.assertEqual(f(one).item(), 15.0)
        self.assertEqual(f(one).item(), 15.0)
        self.assertEqual(cnt.frame_count, 1)
        handle.remove()
        self.assertEqual(f(one).item(), 7.0)
        self.assertEqual(cnt.frame_count, 2)
        self.assertIn("_forward_hooks", reasons[0])

    def test_hook_replaced_in_the_dict(self):
        m = Affine()
        handle = m.register_forward_hook(double_plus_one)
        f = torch.compile(lambda t: m(t), backend="eager")
        one = torch.tensor(1.0)
        self.assertEqual(f(one).item(), 7.0)
        m._forward_hooks[handle.id] = double_plus_two
        self.assertEqual(f(one).item(), 8.0)

    def test_pre_hook_changes_the_input(self):
        m = Affine()
        m.register_forward_pre_hook(lambda mod, args: (args[0] + 10,))
        f = torch.compile(lambda t: m(t), backend="eager")
        self.assertEqual(f(torch.tensor(1.0)).item(), 23.0)

    def test_compiled_module_runs_hooks_outside(self):
        m = Affine()
        handle = m.register_forward_hook(double_plus_one)
        cnt = torch._dynamo.testing.CompileCounter()
        cm = torch.compile(m, backend=cnt)
        one = torch.tensor(1.0)
        self.assertEqual(cm(one).item(), 7.0)
        handle.remove()
        self.assertEqual(cm(one).item(), 3.0)
        self.assertEqual(cnt.frame_count, 1)

    def test_handle_ids_are_unique(self):
        a, b = Affine(), Affine()
        h1 = a.register_forward_hook(double_plus_one)
        h2 = b.register_forward_hook(double_plus_one)
        self.assertNotEqual(h1.id, h2.id)
        with a.register_forward_hook(double_plus_two):
            self.assertEqual(len(a._forward_hooks), 2)
        self.assertEqual(len(a._forward_hooks), 1)


if __name__ == "__main__":
    run_tests()
