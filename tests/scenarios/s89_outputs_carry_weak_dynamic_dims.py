# Under a backend that runs AOTAutograd (torch.compile's default "inductor", "aot_eager"), each
# returned tensor gets the dims that were symbolic in the graph as _dynamo_weak_dynamic_indices,
# as maybe_mark_dynamic would leave them: a compiled function that receives such a tensor traces
# those dims dynamic from its first compile. "eager" and Python callable backends skip AOTAutograd
# and leave no mark. Hits mark their fresh outputs too.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def parts(x):
    return x * 2, {"rows": x.sum(1)}, x[0]


class Marks(TestCase):
    def test_symbolic_dims_of_each_output(self):
        x = torch.ones(6, 3)
        torch._dynamo.mark_dynamic(x, 0)
        doubled, named, first = torch.compile(parts, backend="aot_eager")(x)
        self.assertEqual(doubled._dynamo_weak_dynamic_indices, {0})
        self.assertEqual(named["rows"]._dynamo_weak_dynamic_indices, {0})
        self.assertFalse(hasattr(first, "_dynamo_weak_dynamic_indices"))  # size 3: static

    def test_static_graph_leaves_no_mark(self):
        out = torch.compile(parts, backend="aot_eager")(torch.ones(4, 3))
        self.assertFalse(hasattr(out[0], "_dynamo_weak_dynamic_indices"))

    def test_backends_without_aot_autograd(self):
        for backend in ("eager", torch._dynamo.testing.CompileCounter()):
            x = torch.ones(5, 2)
            torch._dynamo.mark_dynamic(x, 0)
            out = torch.compile(parts, backend=backend)(x)
            self.assertFalse(hasattr(out[0], "_dynamo_weak_dynamic_indices"))

    def test_a_hit_marks_its_outputs(self):
        f = torch.compile(lambda x: x + 1, backend="aot_eager", dynamic=True)
        f(torch.ones(7))
        again = f(torch.ones(9))
        self.assertEqual(again._dynamo_weak_dynamic_indices, {0})

    def test_the_next_function_traces_the_dim_dynamic(self):
        x = torch.ones(8)
        torch._dynamo.mark_dynamic(x, 0)
        y = torch.compile(lambda t: t * 3, backend="aot_eager")(x)
        cnt = torch._dynamo.testing.CompileCounter()
        g = torch.compile(lambda t: t - 1, backend=cnt)
        self.assertEqual(g(y), y - 1)
        z = torch.ones(11)
        self.assertEqual(g(z), z - 1)
        self.assertEqual(cnt.frame_count, 1)  # the first entry was dynamic already

    def test_the_mark_can_be_read_set_and_deleted(self):
        t = torch.ones(3)
        t._dynamo_weak_dynamic_indices = {0}
        self.assertEqual(t._dynamo_weak_dynamic_indices, {0})
        del t._dynamo_weak_dynamic_indices
        self.assertFalse(hasattr(t, "_dynamo_weak_dynamic_indices"))
        with self.assertRaises(AttributeError):
            del t._dynamo_weak_dynamic_indices


if __name__ == "__main__":
    run_tests()
