# torch._dynamo.testing.same is PyTorch's accuracy check, and tests lean on its details: a
# number result is compared with a tensor reference as a 0-d tensor (broadcast as in
# allclose), dtypes must match, dicts compare by key, lists element by element.
import torch
from torch._dynamo.testing import same
from torch._dynamo.test_case import TestCase, run_tests


class T(TestCase):
    def test_number_against_tensor(self):
        self.assertTrue(same(torch.tensor([105]), 105))
        self.assertFalse(same(torch.tensor([105]), 104))
        self.assertTrue(same(torch.tensor([1.5, 1.5]), 1.5))

    def test_dtype_must_match(self):
        self.assertFalse(same(torch.tensor([1.0]), torch.tensor([1])))
        self.assertTrue(same(torch.tensor([1.0]), torch.tensor([1]), exact_dtype=False))

    def test_containers(self):
        self.assertTrue(same({"a": torch.ones(2), "b": 3}, {"b": 3, "a": torch.ones(2)}))
        self.assertFalse(same({"a": torch.ones(2)}, {"a": torch.zeros(2)}))
        self.assertTrue(same([torch.ones(1), (2, "s")], (torch.ones(1), [2, "s"])))
        self.assertFalse(same([1, 2], [1]))
        self.assertFalse(same(torch.ones(2), [1.0, 1.0]))

    def test_compiled_result_against_eager(self):
        f = torch.compile(lambda x, n: x + n, backend="eager")
        self.assertTrue(same(torch.tensor([5]) + 100, f(torch.tensor([5]), 100)))
        self.assertTrue(same(f(torch.tensor([2.0]), 1), 3.0))

    def test_floats_within_tolerance(self):
        self.assertTrue(same(1.0, 1.00001))
        self.assertFalse(same(1.0, 1.1))


if __name__ == "__main__":
    run_tests()
