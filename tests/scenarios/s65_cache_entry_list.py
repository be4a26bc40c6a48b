# torch._dynamo.eval_frame._debug_get_cache_entry_list(code or function): the compiled entries
# of one code object, most recently used first; `import torch._dynamo` makes eval_frame, utils,
# guards and source attributes of the package, as PyTorch's __init__ imports them.
import torch
import torch._dynamo
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def entries(fn):
    return torch._dynamo.eval_frame._debug_get_cache_entry_list(fn)


class T(TestCase):
    def test_package_imports_its_submodules(self):
        for name in ("eval_frame", "utils", "guards", "source"):
            self.assertTrue(hasattr(torch._dynamo, name), name)

    def test_one_entry_per_compile_most_recent_first(self):
        def neg(a):
            return -a

        f = torch.compile(neg, backend="eager", dynamic=False)
        self.assertEqual(entries(neg), [])
        f(torch.ones(2))
        f(torch.ones(2, dtype=torch.float64))
        listed = entries(neg)
        self.assertEqual(len(listed), 2)
        self.assertEqual(len(entries(neg.__code__)), 2)
        self.assertEqual([e.compile_id for e in listed], ["0/1", "0/0"])
        # A hit on the older entry moves it to the front.
        f(torch.ones(2))
        self.assertEqual([e.compile_id for e in entries(neg)], ["0/0", "0/1"])
        self.assertIs(listed[0].code, neg.__code__)

    def test_limit_caps_the_list_and_reset_empties_it(self):
        def half(a):
            return a / 2

        f = torch.compile(half, backend=torch._dynamo.testing.CompileCounter(), recompile_limit=2)
        for dt in (torch.float32, torch.float64, torch.float16):
            f(torch.ones(2, dtype=dt))
        self.assertEqual(len(entries(half)), 2)
        torch._dynamo.reset()
        self.assertEqual(entries(half), [])


if __name__ == "__main__":
    run_tests()
