# expect-categories: constant_change
# expect-reason: 0/1 | 0/0: len(data) == 1
# A dict whose keys are not all constants (here an object()) hands out its values by position:
# the tensor is a graph input read from L['data'][list(dict.keys(L['data']))[0]], so a new tensor
# under the same key is used on a hit (no stale value), and the dict's keys are guarded.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def shifted(x, data):
    return x + next(iter(data.values()))


class T(TestCase):
    def test_a_value_under_an_object_key_is_an_input(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shifted, backend=cnt)
        key = object()
        x = torch.zeros(3)
        data = {key: torch.ones(3)}
        self.assertEqual(f(x, data), torch.ones(3))
        data[key] = torch.full((3,), 5.0)
        self.assertEqual(f(x, data), torch.full((3,), 5.0))
        self.assertEqual(cnt.frame_count, 1)
        data[object()] = torch.ones(3)
        self.assertEqual(f(x, data), torch.full((3,), 5.0))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
