# A float specialized as a constant is guarded bitwise. NaN != NaN, so a guard written as `==`
# would never hold; PyTorch checks for NaN instead, and the newest releases compare the bits: a
# NaN's sign and payload are visible to Python code (math.copysign, struct), so a graph
# specialized on one NaN must not be replayed for another. The same NaN bits hit.
# The bit patterns are built with struct from ints past int64 (0xFFF8...: Python ints are
# unbounded).
import math
import struct

import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def nan_with_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def shift_and_sign(x, s):
    return x - 2, math.copysign(3.0, s)


class T(TestCase):
    def test_bit_patterns_are_ints_past_int64(self):
        neg = nan_with_bits(0xFFF8_0000_0000_0042)
        self.assertTrue(math.isnan(neg))
        self.assertEqual(math.copysign(1.0, neg), -1.0)
        self.assertEqual(struct.unpack("<Q", struct.pack("<d", neg))[0], 0xFFF8_0000_0000_0042)
        self.assertEqual(0xFFF8_0000_0000_0042 >> 63, 1)

    def test_each_nan_sign_and_payload_compiles_once(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shift_and_sign, backend=cnt, dynamic=False)
        x = torch.zeros(2)
        positive = nan_with_bits(0x7FF8_0000_0000_0007)
        negative = nan_with_bits(0xFFF8_0000_0000_0007)
        other_payload = nan_with_bits(0x7FF8_0000_0000_0009)
        self.assertEqual(f(x, positive)[1], 3.0)
        self.assertEqual(f(x, negative)[1], -3.0)
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(f(x, other_payload)[1], 3.0)
        self.assertEqual(cnt.frame_count, 3)
        # the very same bits again: cache hits, no new frame
        self.assertEqual(f(x, negative)[1], -3.0)
        self.assertEqual(f(x, positive)[1], 3.0)
        self.assertEqual(cnt.frame_count, 3)

    def test_nan_guard_text_names_the_bits(self):
        failures = []
        f = torch._dynamo.optimize("eager", dynamic=False, guard_fail_fn=lambda g: failures.append(g.reason))(shift_and_sign)
        x = torch.zeros(2)
        f(x, nan_with_bits(0x7FF8_0000_0000_0001))
        f(x, nan_with_bits(0xFFF8_0000_0000_0001))
        self.assertEqual(len(failures), 1)
        self.assertIn("__math_isnan(s) and ___float_bits(s) == 0x7FF8000000000001", failures[0])

    def test_negative_zero_is_not_zero(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shift_and_sign, backend=cnt, dynamic=False)
        x = torch.zeros(2)
        self.assertEqual(f(x, 0.0)[1], 3.0)
        self.assertEqual(f(x, -0.0)[1], -3.0)
        self.assertEqual(f(x, 0.0)[1], 3.0)
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
