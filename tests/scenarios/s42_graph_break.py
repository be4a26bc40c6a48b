# expect-categories: none
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def foo(x):
    y = x + 1
    print("between the graphs")
    return y * 2


class T(TestCase):
    def test_print_breaks_the_graph_in_two(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(foo, backend=cnt)
        x = torch.ones(2)
        self.assertEqual(f(x), (x + 1) * 2)
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(cnt.op_count, 2)

    def test_fullgraph_refuses_the_break(self):
        f = torch.compile(foo, backend="eager", fullgraph=True)
        with self.assertRaises(torch._dynamo.exc.Unsupported):
            f(torch.ones(2))


if __name__ == "__main__":
    run_tests()
