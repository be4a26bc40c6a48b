# Tensors of complex dtype (torch.cfloat = complex64, torch.cdouble = complex128): adding a
# Python complex to a complex tensor compiles once per constant. The constant is guarded by
# value, bit for bit per component: complex(5, nan) and complex(7, nan) are two entries even
# though NaN != NaN, and passing complex(7, nan) again hits. Promotion: a float tensor plus a
# complex number is complex, with the float's precision.
import torch
import torch._dynamo.testing
from torch._dynamo.test_case import TestCase, run_tests


def shift(x, c):
    return x + c


class T(TestCase):
    def test_nan_component_constants(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shift, backend=cnt, dynamic=False)
        x = torch.ones(3, dtype=torch.cfloat)
        nan = float("nan")
        r = f(x, complex(5.0, nan))
        self.assertEqual(r.dtype, torch.complex64)
        self.assertEqual(r[0].item().real, 6.0)
        f(x, complex(7.0, nan))
        self.assertEqual(cnt.frame_count, 2)
        self.assertEqual(f(x, complex(7.0, nan))[1].item().real, 8.0)
        self.assertEqual(cnt.frame_count, 2)

    def test_promotion_and_printing(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(shift, backend=cnt)
        y = torch.tensor([1.0, -2.0])
        self.assertEqual(f(y, 2j).dtype, torch.complex64)
        self.assertEqual(f(y.double(), 2j).dtype, torch.complex128)
        self.assertEqual(str(f(y, 2j)), "tensor([ 1.+2.j, -2.+2.j])")
        self.assertEqual(str(f(y.double(), 2j)), "tensor([ 1.+2.j, -2.+2.j], dtype=torch.complex128)")
        self.assertEqual(f(y, 2j)[1].item(), -2 + 2j)
        # float32 and float64 inputs: two entries; the same constant and dtype hit
        self.assertEqual(cnt.frame_count, 2)

    def test_complex_times_complex(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda a, b: a * b - a / b, backend=cnt)
        a = torch.zeros(2, dtype=torch.cdouble) + torch.tensor([1.0, 2.0], dtype=torch.float64) + 1j
        b = torch.ones(2, dtype=torch.cdouble) * 2j
        out = f(a, b)
        self.assertEqual(out[0].item(), (1 + 1j) * 2j - (1 + 1j) / 2j)
        self.assertEqual(cnt.frame_count, 1)

    def test_unsupported_complex_op_raises(self):
        with self.assertRaises(RuntimeError):
            torch.ones(2, dtype=torch.cfloat).exp()


if __name__ == "__main__":
    run_tests()
