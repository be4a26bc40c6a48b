# TENSOR_MATCH checks a tensor input's class, dispatch keys, dtype, device, requires_grad, sizes
# and strides. What it does not check is read through a source of its own and guarded by what
# the trace does with it: whether the tensor is a leaf (P.is_leaf), its grad_fn, its .grad
# tensor (P.grad, an input with its own TENSOR_MATCH, as PyTorch's GradSource), where a view
# starts in its storage (P.storage_offset()) and attributes the program set on the tensor
# (P.name; a missing one is guarded absent, as PyTorch's HASATTR).
#
# dir(obj) lists the instance's attribute names: its __dict__ keys are guarded (DICT_KEYS_MATCH).
#
# A subscript that raises and is caught (`try: d["k"] except KeyError:`) decided something too:
# the key's absence is guarded (DICT_CONTAINS), an index past the end guards the length.
#
# Before, each of these was read unguarded and the second call replayed the first call's
# answer (stale results found by probing).
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests

OPTIONS = {"a": 1}


def shifted(x):
    return x + x.storage_offset()


def by_leaf(x):
    if x.is_leaf:
        return x + 1
    return x - 1


def with_grad(x):
    if x.grad is None:
        return x * 1
    return x + x.grad


def scaled(x):
    return x * getattr(x, "scale", 1)


def optional(x):
    try:
        return x + OPTIONS["extra"]
    except KeyError:
        return x - 1


class Settings:
    def __init__(self):
        self.scale = 2


def has_scale(x, cfg):
    return x + (3 if "scale" in dir(cfg) else 0)


def past_the_end(x, xs):
    try:
        return x + xs[2]
    except IndexError:
        return x - 1


class T(TestCase):
    def setUp(self):
        super().setUp()
        OPTIONS.clear()
        OPTIONS["a"] = 1

    def counted(self, fn):
        cnt = torch._dynamo.testing.CompileCounter()
        return cnt, torch.compile(fn, backend=cnt)

    def test_storage_offset_of_a_view(self):
        base = torch.arange(4.0)
        cnt, opt = self.counted(shifted)
        self.assertEqual(opt(base[0:2]), base[0:2])
        self.assertEqual(opt(base[1:3]), base[1:3] + 1)
        self.assertEqual(opt(base[1:3]), base[1:3] + 1)
        self.assertEqual(cnt.frame_count, 2)

    def test_is_leaf(self):
        a = torch.ones(2, requires_grad=True)
        cnt, opt = self.counted(by_leaf)
        self.assertEqual(opt(a), torch.full((2,), 2.0))
        self.assertEqual(opt(a * 1), torch.zeros(2))
        self.assertEqual(cnt.frame_count, 2)

    def test_grad_is_an_input(self):
        w = torch.ones(2, requires_grad=True)
        cnt, opt = self.counted(with_grad)
        self.assertEqual(opt(w), torch.ones(2))
        w.grad = torch.full((2,), 2.0)
        self.assertEqual(opt(w), torch.full((2,), 3.0))
        w.grad = torch.full((2,), 5.0)  # the same metadata: a hit reading the new grad
        self.assertEqual(opt(w), torch.full((2,), 6.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_attribute_set_on_a_tensor(self):
        t = torch.ones(2)
        cnt, opt = self.counted(scaled)
        self.assertEqual(opt(t), torch.ones(2))
        t.scale = 5
        self.assertEqual(opt(t), torch.full((2,), 5.0))
        t.scale = 7
        self.assertEqual(opt(t), torch.full((2,), 7.0))
        self.assertEqual(cnt.frame_count, 3)

    def test_caught_key_error(self):
        x = torch.ones(2)
        cnt, opt = self.counted(optional)
        self.assertEqual(opt(x), torch.zeros(2))
        OPTIONS["extra"] = 10
        self.assertEqual(opt(x), torch.full((2,), 11.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_caught_index_error(self):
        x = torch.ones(2)
        xs = [1, 2]
        cnt, opt = self.counted(past_the_end)
        self.assertEqual(opt(x, xs), torch.zeros(2))
        xs.append(4)
        self.assertEqual(opt(x, xs), torch.full((2,), 5.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_dir_of_an_instance(self):
        x = torch.ones(2)
        cfg = Settings()
        cnt, opt = self.counted(has_scale)
        self.assertEqual(opt(x, cfg), torch.full((2,), 4.0))
        del cfg.scale
        self.assertEqual(opt(x, cfg), torch.ones(2))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
