// Binary elementwise ops (Pointwise.h): promotion, checks, then one kernel per op and dtype.
#include <cmath>
#include <complex>
#include <type_traits>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/ElementwiseKernel.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

using detail::Acc;

template <class A>
constexpr bool kInt = std::is_integral_v<A> && !std::is_same_v<A, bool>;

// Integer arithmetic wraps like ATen's (two's complement), without C++ signed-overflow UB.
template <class A>
A wrapAdd(A a, A b) {
    using U = std::make_unsigned_t<A>;
    return static_cast<A>(static_cast<U>(a) + static_cast<U>(b));
}
template <class A>
A wrapSub(A a, A b) {
    using U = std::make_unsigned_t<A>;
    return static_cast<A>(static_cast<U>(a) - static_cast<U>(b));
}
template <class A>
A wrapMul(A a, A b) {
    using U = std::make_unsigned_t<A>;
    return static_cast<A>(static_cast<U>(a) * static_cast<U>(b));
}

[[noreturn]] void zeroDivision() { throwRuntime("ZeroDivisionError"); }

template <class A>
A floorDivide(A a, A b) {
    if constexpr (kInt<A>) {
        if (b == 0)
            zeroDivision();
        if (b == -1)
            return wrapSub<A>(0, a);
        A q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            --q;
        return q;
    } else if constexpr (std::is_same_v<A, bool>) {
        return a;
    } else { // ATen div_floor_floating
        if (b == 0)
            return a / b;
        A mod = std::fmod(a, b);
        A div = (a - mod) / b;
        if (mod != 0 && ((b < 0) != (mod < 0)))
            div -= 1;
        A floordiv;
        if (div != 0) {
            floordiv = std::floor(div);
            if (div - floordiv > A(0.5))
                floordiv += 1;
        } else {
            floordiv = std::copysign(A(0), a / b);
        }
        return floordiv;
    }
}

template <class A>
A remainderOp(A a, A b) {
    if constexpr (kInt<A>) {
        if (b == 0)
            zeroDivision();
        if (b == -1)
            return 0;
        A r = a % b;
        if (r != 0 && ((r < 0) != (b < 0)))
            r += b;
        return r;
    } else if constexpr (std::is_same_v<A, bool>) {
        return false;
    } else {
        A r = std::fmod(a, b);
        if (r != 0 && ((b < 0) != (r < 0)))
            r += b;
        return r;
    }
}

template <class A>
A fmodOp(A a, A b) {
    if constexpr (kInt<A>) {
        if (b == 0)
            zeroDivision();
        if (b == -1)
            return 0;
        return a % b;
    } else if constexpr (std::is_same_v<A, bool>) {
        return false;
    } else {
        return std::fmod(a, b);
    }
}

template <class A>
A powOp(A base, A exp) {
    if constexpr (kInt<A>) {
        if (exp < 0) {
            if (base == 1)
                return 1;
            if (base == -1)
                return (exp & 1) ? -1 : 1;
            return 0;
        }
        A result = 1;
        while (exp) {
            if (exp & 1)
                result = wrapMul(result, base);
            exp >>= 1;
            base = wrapMul(base, base);
        }
        return result;
    } else if constexpr (std::is_same_v<A, bool>) {
        return base || !exp;
    } else {
        return std::pow(base, exp);
    }
}

template <class A>
A truncDivide(A a, A b) {
    if constexpr (kInt<A>) {
        if (b == 0)
            zeroDivision();
        if (b == -1)
            return wrapSub<A>(0, a);
        return a / b;
    } else if constexpr (std::is_same_v<A, bool>) {
        return a;
    } else {
        return std::trunc(a / b);
    }
}

bool isBoolOperand(const Operand& o) {
    return o.isScalar() ? o.scalar.isBool() : o.tensor->dtype() == DType::Bool;
}

[[noreturn]] void notImplemented(std::string_view kernel, DType t) {
    throwRuntime("\"" + std::string(kernel) + "\" not implemented for '" + std::string(dtypeShortName(t)) + "'");
}

const char* gradName(BinaryOp op, const Operand& a, const Operand& b) {
    switch (op) {
    case BinaryOp::Add: return "AddBackward0";
    case BinaryOp::Sub: return a.isScalar() ? "RsubBackward1" : "SubBackward0";
    case BinaryOp::Mul: return "MulBackward0";
    case BinaryOp::Div: return "DivBackward0";
    case BinaryOp::Remainder: return "RemainderBackward0";
    case BinaryOp::Fmod: return "FmodBackward0";
    case BinaryOp::Pow: return a.isScalar() ? "PowBackward2" : b.isScalar() ? "PowBackward0" : "PowBackward1";
    case BinaryOp::Maximum: return "MaximumBackward0";
    case BinaryOp::Minimum: return "MinimumBackward0";
    case BinaryOp::Atan2: return "Atan2Backward0";
    default: return nullptr; // not differentiable: comparisons, logical, bitwise, floor_divide
    }
}

bool isComparison(BinaryOp op) {
    return op == BinaryOp::Eq || op == BinaryOp::Ne || op == BinaryOp::Lt || op == BinaryOp::Le ||
           op == BinaryOp::Gt || op == BinaryOp::Ge || op == BinaryOp::LogicalAnd || op == BinaryOp::LogicalOr ||
           op == BinaryOp::LogicalXor;
}

// Runs op on operands already converted to compute dtype T, writing out (dtype T or Bool).
template <class T>
void runOp(BinaryOp op, const Tensor& out, detail::KernelArg& a, detail::KernelArg& b, const Scalar& alpha,
           int roundingMode) {
    using A = Acc<T>;
    using detail::runBinaryKernel;
    switch (op) {
    case BinaryOp::Add:
    case BinaryOp::Sub: {
        const bool sub = op == BinaryOp::Sub;
        const A al = detail::fromScalar<A>(alpha);
        const bool one = alpha.toDouble() == 1.0;
        if constexpr (kInt<A>) {
            if (one)
                return runBinaryKernel<T, T>(out, a, b, [sub](A x, A y) { return sub ? wrapSub(x, y) : wrapAdd(x, y); });
            return runBinaryKernel<T, T>(out, a, b, [sub, al](A x, A y) {
                return sub ? wrapSub(x, wrapMul(al, y)) : wrapAdd(x, wrapMul(al, y));
            });
        } else if constexpr (std::is_same_v<A, bool>) {
            return runBinaryKernel<T, T>(out, a, b, [al](A x, A y) { return x || (al && y); });
        } else {
            if (one) {
                if (sub)
                    return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return x - y; });
                return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return x + y; });
            }
            return runBinaryKernel<T, T>(out, a, b, [sub, al](A x, A y) { return sub ? x - al * y : x + al * y; });
        }
    }
    case BinaryOp::Mul:
        if constexpr (kInt<A>)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return wrapMul(x, y); });
        else if constexpr (std::is_same_v<A, bool>)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return x && y; });
        else
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return x * y; });
    case BinaryOp::Div:
        if (roundingMode == 1)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return truncDivide(x, y); });
        if (roundingMode == 2)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return floorDivide(x, y); });
        if constexpr (std::is_floating_point_v<A>)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return x / y; });
        return;
    case BinaryOp::FloorDivide: return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return floorDivide(x, y); });
    case BinaryOp::Remainder: return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return remainderOp(x, y); });
    case BinaryOp::Fmod: return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return fmodOp(x, y); });
    case BinaryOp::Pow: return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return powOp(x, y); });
    case BinaryOp::Atan2:
        if constexpr (std::is_floating_point_v<A>)
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return std::atan2(x, y); });
        return;
    case BinaryOp::Maximum:
    case BinaryOp::Minimum: {
        const bool mx = op == BinaryOp::Maximum;
        return runBinaryKernel<T, T>(out, a, b, [mx](A x, A y) -> A {
            if constexpr (std::is_floating_point_v<A>) {
                if (std::isnan(x))
                    return x;
                if (std::isnan(y))
                    return y;
            }
            return mx ? (x < y ? y : x) : (y < x ? y : x);
        });
    }
    case BinaryOp::Eq: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x == y; });
    case BinaryOp::Ne: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x != y; });
    case BinaryOp::Lt: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x < y; });
    case BinaryOp::Le: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x <= y; });
    case BinaryOp::Gt: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x > y; });
    case BinaryOp::Ge: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x >= y; });
    case BinaryOp::LogicalAnd: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x != A(0) && y != A(0); });
    case BinaryOp::LogicalOr: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return x != A(0) || y != A(0); });
    case BinaryOp::LogicalXor: return runBinaryKernel<bool, T>(out, a, b, [](A x, A y) { return (x != A(0)) != (y != A(0)); });
    case BinaryOp::BitwiseAnd:
    case BinaryOp::BitwiseOr:
    case BinaryOp::BitwiseXor:
        if constexpr (std::is_integral_v<A>) {
            if (op == BinaryOp::BitwiseAnd)
                return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return static_cast<A>(x & y); });
            if (op == BinaryOp::BitwiseOr)
                return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return static_cast<A>(x | y); });
            return runBinaryKernel<T, T>(out, a, b, [](A x, A y) { return static_cast<A>(x ^ y); });
        }
        return;
    }
}

// Shared by binary() and div(rounding_mode): roundingMode 0 none, 1 trunc, 2 floor.
// Complex kernels: c10::complex's formulas (the plain product; numpy's scaled quotient), not
// std::complex's Annex G special-casing of infinities.
template <class C>
C complexMul(C x, C y) {
    return {x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real()};
}

template <class C>
C complexDiv(C x, C y) {
    using R = typename C::value_type;
    const R a = x.real(), b = x.imag(), c = y.real(), d = y.imag();
    const R ac = std::abs(c), ad = std::abs(d);
    if (ac >= ad) {
        if (ac == 0 && ad == 0)
            return {a / ac, b / ad};
        const R rat = d / c, scl = R(1) / (c + d * rat);
        return {(a + b * rat) * scl, (b - a * rat) * scl};
    }
    const R rat = c / d, scl = R(1) / (d + c * rat);
    return {(a * rat + b) * scl, (b * rat - a) * scl};
}

template <class C>
void runComplexOp(BinaryOp op, const Tensor& out, detail::KernelArg& a, detail::KernelArg& b, const Scalar& alpha) {
    using detail::runBinaryKernel;
    using R = typename C::value_type;
    const C al(static_cast<R>(alpha.toDouble()), static_cast<R>(alpha.imag()));
    const bool one = al == C(1, 0);
    switch (op) {
    case BinaryOp::Add:
        if (one)
            return runBinaryKernel<C, C>(out, a, b, [](C x, C y) { return C(x.real() + y.real(), x.imag() + y.imag()); });
        return runBinaryKernel<C, C>(out, a, b, [al](C x, C y) { return x + complexMul(al, y); });
    case BinaryOp::Sub:
        if (one)
            return runBinaryKernel<C, C>(out, a, b, [](C x, C y) { return C(x.real() - y.real(), x.imag() - y.imag()); });
        return runBinaryKernel<C, C>(out, a, b, [al](C x, C y) { return x - complexMul(al, y); });
    case BinaryOp::Mul: return runBinaryKernel<C, C>(out, a, b, [](C x, C y) { return complexMul(x, y); });
    case BinaryOp::Div: return runBinaryKernel<C, C>(out, a, b, [](C x, C y) { return complexDiv(x, y); });
    case BinaryOp::Eq: return runBinaryKernel<bool, C>(out, a, b, [](C x, C y) { return x == y; });
    case BinaryOp::Ne: return runBinaryKernel<bool, C>(out, a, b, [](C x, C y) { return x != y; });
    default: break;
    }
    detail::complexNotImplemented(detail::dtypeOf<R>() == DType::Float64 ? DType::Complex128 : DType::Complex64);
}

Tensor binaryImpl(BinaryOp op, const Operand& a, const Operand& b, const Scalar& alpha, int roundingMode) {
    if (a.isScalar() && b.isScalar())
        throwType(std::string(binaryOpName(op)) + "(): at least one operand must be a tensor");
    const Tensor* ts[2] = {a.tensor, b.tensor};
    // Two CPU tensors of one dtype and one shape (the usual case): the device, the result dtype
    // and the broadcast shape are the operands' own, what the general rules below give.
    const bool alike = a.tensor && b.tensor && a.tensor->device().isCpu() && b.tensor->device().isCpu() &&
                       a.tensor->dtype() == b.tensor->dtype() && a.tensor->sizes() == b.tensor->sizes();
    const Device device = alike ? Device::cpu() : checkSameDevice(ts);
    const DType common = alike ? a.tensor->dtype() : resultType({a, b});
    DType compute = common, outType = common;
    if (isComplex(common) && op != BinaryOp::Add && op != BinaryOp::Sub && op != BinaryOp::Mul && op != BinaryOp::Div &&
        op != BinaryOp::Eq && op != BinaryOp::Ne)
        detail::complexNotImplemented(common);
    switch (op) {
    case BinaryOp::Sub:
        if (isBoolOperand(a) && isBoolOperand(b))
            throwRuntime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                         "`logical_xor()` operator instead.");
        if (isBoolOperand(a) || isBoolOperand(b))
            throwRuntime("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                         "invert a mask, use the `~` or `logical_not()` operator instead.");
        [[fallthrough]];
    case BinaryOp::Add:
        if (isIntegral(common, false) && alpha.isFloat())
            throwRuntime("For integral input tensors, argument alpha must not be a floating point number.");
        if (common != DType::Bool && alpha.isBool())
            throwRuntime("Boolean alpha only supported for Boolean results.");
        break;
    case BinaryOp::Div:
        if (roundingMode == 0 && !isFloating(common) && !isComplex(common))
            compute = outType = defaultFloatDType();
        if (roundingMode != 0 && isComplex(common))
            detail::complexNotImplemented(common);
        if (roundingMode == 2 && common == DType::Bool)
            notImplemented("div_floor_cpu", common);
        if (roundingMode == 1 && common == DType::Bool)
            notImplemented("div_trunc_cpu", common);
        break;
    case BinaryOp::Atan2:
        if (!isFloating(common))
            compute = outType = defaultFloatDType();
        break;
    case BinaryOp::FloorDivide:
        if (common == DType::Bool)
            notImplemented("div_floor_cpu", common);
        break;
    case BinaryOp::Remainder:
        if (common == DType::Bool)
            notImplemented("remainder_cpu", common);
        break;
    case BinaryOp::Fmod:
        if (common == DType::Bool)
            notImplemented("fmod_cpu", common);
        break;
    case BinaryOp::Pow:
        if (isIntegral(common, true) && b.isScalar() && !b.scalar.isFloat() && b.scalar.toInt() < 0)
            throwRuntime("Integers to negative integer powers are not allowed.");
        break;
    case BinaryOp::BitwiseAnd:
    case BinaryOp::BitwiseOr:
    case BinaryOp::BitwiseXor:
        if (isFloating(common))
            notImplemented(op == BinaryOp::BitwiseAnd ? "bitwise_and_cpu" : op == BinaryOp::BitwiseOr ? "bitwise_or_cpu"
                                                                                                     : "bitwise_xor_cpu",
                           common);
        break;
    default:
        if (isComparison(op))
            outType = DType::Bool;
        break;
    }
    DimVector shape = alike ? a.tensor->sizes()
                      : a.tensor && b.tensor ? broadcastShapes(a.tensor->sizes(), b.tensor->sizes())
                                             : (a.tensor ? a.tensor->sizes() : b.tensor->sizes());
    Tensor out = emptyForElementwise(shape, outType, device, ts);
    // Operands in the compute dtype (converted copies only when the dtype differs); scalars as
    // one stack value.
    Tensor ca, cb;
    if (a.tensor && a.tensor->dtype() != compute)
        ca = to(detach(*a.tensor), compute);
    if (b.tensor && b.tensor->dtype() != compute)
        cb = to(detach(*b.tensor), compute);
    alignas(16) char sa[16], sb[16];  // complex128 is the widest scalar
    detail::KernelArg ka, kb;
    if (a.tensor) {
        ka = detail::tensorArg(ca.defined() ? ca : *a.tensor, shape);
    } else {
        detail::writeScalar(sa, compute, a.scalar);
        ka = detail::scalarArg(sa, shape.size());
    }
    if (b.tensor) {
        kb = detail::tensorArg(cb.defined() ? cb : *b.tensor, shape);
    } else {
        detail::writeScalar(sb, compute, b.scalar);
        kb = detail::scalarArg(sb, shape.size());
    }
    if (out.numel() > 0 && compute == DType::Complex64)
        runComplexOp<std::complex<float>>(op, out, ka, kb, alpha);
    else if (out.numel() > 0 && compute == DType::Complex128)
        runComplexOp<std::complex<double>>(op, out, ka, kb, alpha);
    else if (out.numel() > 0)
        detail::dispatch(compute, [&](auto tag) { runOp<typename decltype(tag)::type>(op, out, ka, kb, alpha, roundingMode); });
    if (const char* g = gradName(op, a, b))
        propagateGrad(out, g, {a.tensor, b.tensor});
    return out;
}

} // namespace

std::string_view binaryOpName(BinaryOp op) {
    static constexpr std::string_view names[] = {
        "add", "sub", "mul", "div", "floor_divide", "remainder", "fmod", "pow", "maximum", "minimum", "atan2", "eq",
        "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
        "bitwise_xor"};
    return names[static_cast<int>(op)];
}

Tensor binary(BinaryOp op, const Operand& a, const Operand& b, const Scalar& alpha) {
    return binaryImpl(op, a, b, alpha, 0);
}

Tensor div(const Tensor& a, const Tensor& b, std::optional<std::string_view> roundingMode) {
    int mode = 0;
    if (roundingMode) {
        if (*roundingMode == "trunc")
            mode = 1;
        else if (*roundingMode == "floor")
            mode = 2;
        else
            throwValue("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '" +
                       std::string(*roundingMode) + "'");
    }
    return binaryImpl(BinaryOp::Div, a, b, Scalar(int64_t{1}), mode);
}

const Tensor& binary_(BinaryOp op, const Tensor& self, const Operand& other, const Scalar& alpha) {
    checkInplaceTarget(self);
    if (other.tensor) {
        const DimVector shape = broadcastShapes(self.sizes(), other.tensor->sizes());
        if (!(shape == self.sizes()))
            throwRuntime("output with shape " + self.sizes().str() + " doesn't match the broadcast shape " + shape.str());
    }
    Tensor result = binary(op, self, other, alpha);
    if (!canCast(result.dtype(), self.dtype()))
        throwRuntime("result type " + std::string(dtypeShortName(result.dtype())) +
                     " can't be cast to the desired output type " + std::string(dtypeShortName(self.dtype())));
    detail::copyElements(self, result);
    if (result.gradFn())
        propagateGrad(self, result.gradFn(), {&self, other.tensor});
    return self;
}

#define GS_TENSOR_BINARY_DEF(name, OP)                                                                          \
    Tensor name(const Tensor& a, const Tensor& b) { return binary(BinaryOp::OP, a, b); }                        \
    Tensor name(const Tensor& a, const Scalar& b) { return binary(BinaryOp::OP, a, b); }                        \
    Tensor name(const Scalar& a, const Tensor& b) { return binary(BinaryOp::OP, a, b); }
GS_TENSOR_BINARY_DEF(mul, Mul)
GS_TENSOR_BINARY_DEF(div, Div)
GS_TENSOR_BINARY_DEF(floor_divide, FloorDivide)
GS_TENSOR_BINARY_DEF(remainder, Remainder)
GS_TENSOR_BINARY_DEF(fmod, Fmod)
GS_TENSOR_BINARY_DEF(pow, Pow)
GS_TENSOR_BINARY_DEF(maximum, Maximum)
GS_TENSOR_BINARY_DEF(minimum, Minimum)
GS_TENSOR_BINARY_DEF(atan2, Atan2)
GS_TENSOR_BINARY_DEF(eq, Eq)
GS_TENSOR_BINARY_DEF(ne, Ne)
GS_TENSOR_BINARY_DEF(lt, Lt)
GS_TENSOR_BINARY_DEF(le, Le)
GS_TENSOR_BINARY_DEF(gt, Gt)
GS_TENSOR_BINARY_DEF(ge, Ge)
GS_TENSOR_BINARY_DEF(logical_and, LogicalAnd)
GS_TENSOR_BINARY_DEF(logical_or, LogicalOr)
GS_TENSOR_BINARY_DEF(logical_xor, LogicalXor)
GS_TENSOR_BINARY_DEF(bitwise_and, BitwiseAnd)
GS_TENSOR_BINARY_DEF(bitwise_or, BitwiseOr)
GS_TENSOR_BINARY_DEF(bitwise_xor, BitwiseXor)
#undef GS_TENSOR_BINARY_DEF

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) { return binary(BinaryOp::Add, a, b, alpha); }
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha) { return binary(BinaryOp::Add, a, b, alpha); }
Tensor add(const Scalar& a, const Tensor& b, const Scalar& alpha) { return binary(BinaryOp::Add, a, b, alpha); }
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) { return binary(BinaryOp::Sub, a, b, alpha); }
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha) { return binary(BinaryOp::Sub, a, b, alpha); }
Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha) { return binary(BinaryOp::Sub, a, b, alpha); }

const Tensor& add_(const Tensor& self, const Operand& other, const Scalar& alpha) {
    return binary_(BinaryOp::Add, self, other, alpha);
}
const Tensor& sub_(const Tensor& self, const Operand& other, const Scalar& alpha) {
    return binary_(BinaryOp::Sub, self, other, alpha);
}
const Tensor& mul_(const Tensor& self, const Operand& other) { return binary_(BinaryOp::Mul, self, other); }
const Tensor& div_(const Tensor& self, const Operand& other) { return binary_(BinaryOp::Div, self, other); }
const Tensor& pow_(const Tensor& self, const Operand& other) { return binary_(BinaryOp::Pow, self, other); }

} // namespace gs::tensor
