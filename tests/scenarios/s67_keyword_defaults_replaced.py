# expect-categories: bool_flip
# expect-reason: 0/1 | 0/0: shifted.__kwdefaults__['up'] == True
# Assigning a function's keyword-only defaults (f.__kwdefaults__ = {...}) changes a default the
# trace used: the entry guards that default, so it recompiles; None makes the parameter
# required again.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_replacing_the_keyword_only_defaults_recompiles(self):
        def shifted(x, *, up=True):
            return x + 1.0 if up else x - 1.0

        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: shifted(x), backend=cnt, fullgraph=True)
        x = torch.zeros(3)
        self.assertEqual(f(x), x + 1.0)
        shifted.__kwdefaults__ = {"up": False}
        self.assertEqual(f(x), x - 1.0)
        self.assertEqual(f(x), x - 1.0)
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(shifted.__kwdefaults__, {"up": False})
        shifted.__kwdefaults__ = None
        with self.assertRaises(TypeError):
            shifted(x)


if __name__ == "__main__":
    run_tests()
