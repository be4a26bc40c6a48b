# A Python complex passed to a compiled function is a constant of the graph, guarded by value.
# Its components are compared bit for bit: NaN != NaN, so a value guard on complex(5, nan)
# must still tell it from complex(7, nan) by the other component, while the very same constant
# hits. (Tensors of complex dtype are not emulated yet; these functions use the components.)
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def scaled(x, c):
    return x * c.real + c.imag, c + 1


class T(TestCase):
    def test_nan_component_still_checks_the_other_one(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt, dynamic=False)
        x = torch.ones(2)
        nan = float("nan")
        out, shifted = f(x, complex(5.0, nan))
        self.assertEqual(out[0].item() != out[0].item(), True)
        self.assertEqual(shifted.real, 6.0)
        out, shifted = f(x, complex(7.0, nan))
        self.assertEqual(shifted.real, 8.0)
        self.assertEqual(cnt.frame_count, 2)
        out, shifted = f(x, complex(7.0, nan))
        self.assertEqual(shifted.real, 8.0)
        self.assertEqual(cnt.frame_count, 2)

    def test_equal_complex_values_hit(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt)
        x = torch.ones(3)
        for c in (1 + 2j, complex(1, 2), 3 - 1j, 1 + 2j):
            out, shifted = f(x, c)
            self.assertEqual(out, x * c.real + c.imag)
            self.assertEqual(shifted, c + 1)
        self.assertEqual(cnt.frame_count, 2)

    def test_guard_failure_names_the_value(self):
        failures = []
        f = torch._dynamo.optimize("eager", guard_fail_fn=lambda g: failures.append(g.reason))(scaled)
        x = torch.ones(2)
        f(x, 1 + 2j)
        f(x, 2 + 2j)
        f(x, complex(0.0, float("nan")))
        f(x, complex(1.0, float("nan")))
        self.assertIn("c == (1+2j)", failures[0])
        self.assertTrue(any("__complex_isnan(c) and ___complex_bits(c) == (0x0000000000000000, 0x7FF8000000000000)" in r
                            for r in failures[-3:]))

    def test_negative_zero_component_is_another_constant(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(scaled, backend=cnt, dynamic=False)
        x = torch.ones(2)
        f(x, complex(1.0, 0.0))
        f(x, complex(1.0, -0.0))
        f(x, complex(1.0, 0.0))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    run_tests()
