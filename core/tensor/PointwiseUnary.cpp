// Unary elementwise ops, clamp and where (Pointwise.h).
#include <cmath>
#include <numbers>
#include <type_traits>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/ElementwiseKernel.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {

using detail::Acc;

enum class UnaryKind { FloatResult, SameType, BoolResult };

struct UnaryInfo {
    UnaryKind kind;
    const char* gradFn;
};

UnaryInfo unaryInfo(UnaryOp op) {
    switch (op) {
    case UnaryOp::Neg: return {UnaryKind::SameType, "NegBackward0"};
    case UnaryOp::Abs: return {UnaryKind::SameType, "AbsBackward0"};
    case UnaryOp::Exp: return {UnaryKind::FloatResult, "ExpBackward0"};
    case UnaryOp::Log: return {UnaryKind::FloatResult, "LogBackward0"};
    case UnaryOp::Log2: return {UnaryKind::FloatResult, "Log2Backward0"};
    case UnaryOp::Log10: return {UnaryKind::FloatResult, "Log10Backward0"};
    case UnaryOp::Log1p: return {UnaryKind::FloatResult, "Log1PBackward0"};
    case UnaryOp::Expm1: return {UnaryKind::FloatResult, "Expm1Backward0"};
    case UnaryOp::Sqrt: return {UnaryKind::FloatResult, "SqrtBackward0"};
    case UnaryOp::Rsqrt: return {UnaryKind::FloatResult, "RsqrtBackward0"};
    case UnaryOp::Sin: return {UnaryKind::FloatResult, "SinBackward0"};
    case UnaryOp::Cos: return {UnaryKind::FloatResult, "CosBackward0"};
    case UnaryOp::Tan: return {UnaryKind::FloatResult, "TanBackward0"};
    case UnaryOp::Tanh: return {UnaryKind::FloatResult, "TanhBackward0"};
    case UnaryOp::Sigmoid: return {UnaryKind::FloatResult, "SigmoidBackward0"};
    case UnaryOp::Relu: return {UnaryKind::SameType, "ReluBackward0"};
    case UnaryOp::Gelu:
    case UnaryOp::GeluTanh: return {UnaryKind::SameType, "GeluBackward0"};
    case UnaryOp::Silu: return {UnaryKind::SameType, "SiluBackward0"};
    case UnaryOp::Floor: return {UnaryKind::SameType, "FloorBackward0"};
    case UnaryOp::Ceil: return {UnaryKind::SameType, "CeilBackward0"};
    case UnaryOp::Round: return {UnaryKind::SameType, "RoundBackward0"};
    case UnaryOp::Trunc: return {UnaryKind::SameType, "TruncBackward0"};
    case UnaryOp::Sign: return {UnaryKind::SameType, "SignBackward0"};
    case UnaryOp::Reciprocal: return {UnaryKind::FloatResult, "ReciprocalBackward0"};
    case UnaryOp::Square: return {UnaryKind::SameType, "PowBackward0"};
    case UnaryOp::Erf: return {UnaryKind::FloatResult, "ErfBackward0"};
    case UnaryOp::LogicalNot: return {UnaryKind::BoolResult, nullptr};
    case UnaryOp::BitwiseNot: return {UnaryKind::SameType, nullptr};
    case UnaryOp::IsNan:
    case UnaryOp::IsInf:
    case UnaryOp::IsFinite: return {UnaryKind::BoolResult, nullptr};
    }
    return {UnaryKind::SameType, nullptr};
}

[[noreturn]] void notImplemented(std::string_view kernel, DType t) {
    throwRuntime("\"" + std::string(kernel) + "\" not implemented for '" + std::string(dtypeShortName(t)) + "'");
}

template <class T>
void runUnary(UnaryOp op, const Tensor& out, const detail::KernelArg& a) {
    using A = Acc<T>;
    using detail::runUnaryKernel;
    constexpr bool fp = std::is_floating_point_v<A>;
    switch (op) {
    case UnaryOp::Neg:
        if constexpr (std::is_integral_v<A> && !std::is_same_v<A, bool>)
            return runUnaryKernel<T, T>(out, a, [](A x) { return static_cast<A>(0 - static_cast<std::make_unsigned_t<A>>(x)); });
        else
            return runUnaryKernel<T, T>(out, a, [](A x) { return static_cast<A>(-x); });
    case UnaryOp::Abs:
        if constexpr (fp)
            return runUnaryKernel<T, T>(out, a, [](A x) { return std::fabs(x); });
        else if constexpr (!std::is_same_v<A, bool>)
            return runUnaryKernel<T, T>(out, a, [](A x) { return x < 0 ? static_cast<A>(0 - static_cast<std::make_unsigned_t<A>>(x)) : x; });
        return;
    case UnaryOp::Relu:
        return runUnaryKernel<T, T>(out, a, [](A x) -> A {
            if constexpr (fp)
                if (std::isnan(x))
                    return x;
            return x < A(0) ? A(0) : x;
        });
    case UnaryOp::Floor:
    case UnaryOp::Ceil:
    case UnaryOp::Round:
    case UnaryOp::Trunc:
        if constexpr (fp) {
            if (op == UnaryOp::Floor)
                return runUnaryKernel<T, T>(out, a, [](A x) { return std::floor(x); });
            if (op == UnaryOp::Ceil)
                return runUnaryKernel<T, T>(out, a, [](A x) { return std::ceil(x); });
            if (op == UnaryOp::Round) // half to even, like torch.round
                return runUnaryKernel<T, T>(out, a, [](A x) { return std::nearbyint(x); });
            return runUnaryKernel<T, T>(out, a, [](A x) { return std::trunc(x); });
        }
        return runUnaryKernel<T, T>(out, a, [](A x) { return x; });
    case UnaryOp::Sign:
        return runUnaryKernel<T, T>(out, a, [](A x) -> A {
            if constexpr (std::is_same_v<A, bool>)
                return x;
            else
                return static_cast<A>((A(0) < x) - (x < A(0)));
        });
    case UnaryOp::Square:
        if constexpr (std::is_integral_v<A> && !std::is_same_v<A, bool>)
            return runUnaryKernel<T, T>(out, a, [](A x) { return static_cast<A>(static_cast<std::make_unsigned_t<A>>(x) * static_cast<std::make_unsigned_t<A>>(x)); });
        else
            return runUnaryKernel<T, T>(out, a, [](A x) { return static_cast<A>(x * x); });
    case UnaryOp::LogicalNot: return runUnaryKernel<bool, T>(out, a, [](A x) { return x == A(0); });
    case UnaryOp::BitwiseNot:
        if constexpr (std::is_same_v<A, bool>)
            return runUnaryKernel<T, T>(out, a, [](A x) { return !x; });
        else if constexpr (std::is_integral_v<A>)
            return runUnaryKernel<T, T>(out, a, [](A x) { return static_cast<A>(~x); });
        return;
    case UnaryOp::IsNan:
        return runUnaryKernel<bool, T>(out, a, [](A x) {
            if constexpr (fp) return std::isnan(x); else return false;
        });
    case UnaryOp::IsInf:
        return runUnaryKernel<bool, T>(out, a, [](A x) {
            if constexpr (fp) return std::isinf(x); else return false;
        });
    case UnaryOp::IsFinite:
        return runUnaryKernel<bool, T>(out, a, [](A x) {
            if constexpr (fp) return std::isfinite(x); else return true;
        });
    default: break;
    }
    if constexpr (fp) {
        switch (op) {
        case UnaryOp::Exp: return runUnaryKernel<T, T>(out, a, [](A x) { return std::exp(x); });
        case UnaryOp::Log: return runUnaryKernel<T, T>(out, a, [](A x) { return std::log(x); });
        case UnaryOp::Log2: return runUnaryKernel<T, T>(out, a, [](A x) { return std::log2(x); });
        case UnaryOp::Log10: return runUnaryKernel<T, T>(out, a, [](A x) { return std::log10(x); });
        case UnaryOp::Log1p: return runUnaryKernel<T, T>(out, a, [](A x) { return std::log1p(x); });
        case UnaryOp::Expm1: return runUnaryKernel<T, T>(out, a, [](A x) { return std::expm1(x); });
        case UnaryOp::Sqrt: return runUnaryKernel<T, T>(out, a, [](A x) { return std::sqrt(x); });
        case UnaryOp::Rsqrt: return runUnaryKernel<T, T>(out, a, [](A x) { return A(1) / std::sqrt(x); });
        case UnaryOp::Sin: return runUnaryKernel<T, T>(out, a, [](A x) { return std::sin(x); });
        case UnaryOp::Cos: return runUnaryKernel<T, T>(out, a, [](A x) { return std::cos(x); });
        case UnaryOp::Tan: return runUnaryKernel<T, T>(out, a, [](A x) { return std::tan(x); });
        case UnaryOp::Tanh: return runUnaryKernel<T, T>(out, a, [](A x) { return std::tanh(x); });
        case UnaryOp::Sigmoid: return runUnaryKernel<T, T>(out, a, [](A x) { return A(1) / (A(1) + std::exp(-x)); });
        case UnaryOp::Erf: return runUnaryKernel<T, T>(out, a, [](A x) { return std::erf(x); });
        case UnaryOp::Reciprocal: return runUnaryKernel<T, T>(out, a, [](A x) { return A(1) / x; });
        case UnaryOp::Gelu:
            return runUnaryKernel<T, T>(out, a, [](A x) { return A(0.5) * x * (A(1) + std::erf(x * A(std::numbers::sqrt2 / 2))); });
        case UnaryOp::GeluTanh:
            return runUnaryKernel<T, T>(out, a, [](A x) {
                const A k = A(std::numbers::sqrt2 * std::numbers::inv_sqrtpi); // sqrt(2/pi)
                return A(0.5) * x * (A(1) + std::tanh(k * (x + A(0.044715) * x * x * x)));
            });
        case UnaryOp::Silu: return runUnaryKernel<T, T>(out, a, [](A x) { return x / (A(1) + std::exp(-x)); });
        default: break;
        }
    }
}

} // namespace

Tensor unary(UnaryOp op, const Tensor& self) {
    const UnaryInfo info = unaryInfo(op);
    const DType in = self.dtype();
    if (isComplex(in)) {
        // Only negation is written for complex tensors: -z = z * -1 (the other kernels are real).
        if (op != UnaryOp::Neg)
            detail::complexNotImplemented(in);
        return mul(self, Scalar(int64_t{-1}));
    }
    DType compute = in, outType = in;
    switch (op) {
    case UnaryOp::Neg:
        if (in == DType::Bool)
            throwRuntime("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a "
                         "mask, use the `~` or `logical_not()` operator instead.");
        break;
    case UnaryOp::Abs:
        if (in == DType::Bool)
            notImplemented("abs_cpu", in);
        break;
    case UnaryOp::Relu:
        if (in == DType::Bool)
            notImplemented("clamp_min_scalar_cpu", in);
        break;
    case UnaryOp::Gelu:
    case UnaryOp::GeluTanh:
        if (!isFloating(in))
            notImplemented("GeluKernelImpl", in);
        break;
    case UnaryOp::Silu:
        if (!isFloating(in))
            notImplemented("silu_cpu", in);
        break;
    case UnaryOp::BitwiseNot:
        if (isFloating(in))
            notImplemented("bitwise_not_cpu", in);
        break;
    case UnaryOp::Square:
        if (in == DType::Bool)
            compute = outType = DType::Int64; // square is pow(x, 2): bool promotes with the int 2
        break;
    default: break;
    }
    if (info.kind == UnaryKind::FloatResult && !isFloating(in))
        compute = outType = defaultFloatDType();
    if (info.kind == UnaryKind::BoolResult)
        outType = DType::Bool;
    const Tensor* ins[1] = {&self};
    Tensor out = emptyForElementwise(self.sizes(), outType, self.device(), ins);
    Tensor src = to(self, compute);
    const detail::KernelArg ka = detail::tensorArg(src, self.sizes());
    if (out.numel() > 0)
        detail::dispatch(compute, [&](auto tag) { runUnary<typename decltype(tag)::type>(op, out, ka); });
    if (info.gradFn)
        propagateGrad(out, info.gradFn, {&self});
    return out;
}

const Tensor& unary_(UnaryOp op, const Tensor& self) {
    checkInplaceTarget(self);
    Tensor result = unary(op, self);
    if (!canCast(result.dtype(), self.dtype()))
        throwRuntime("result type " + std::string(dtypeShortName(result.dtype())) +
                     " can't be cast to the desired output type " + std::string(dtypeShortName(self.dtype())));
    detail::copyElements(self, result);
    if (result.gradFn())
        propagateGrad(self, result.gradFn(), {&self});
    return self;
}

Tensor neg(const Tensor& x) { return unary(UnaryOp::Neg, x); }
Tensor abs(const Tensor& x) { return unary(UnaryOp::Abs, x); }
Tensor exp(const Tensor& x) { return unary(UnaryOp::Exp, x); }
Tensor log(const Tensor& x) { return unary(UnaryOp::Log, x); }
Tensor sqrt(const Tensor& x) { return unary(UnaryOp::Sqrt, x); }
Tensor rsqrt(const Tensor& x) { return unary(UnaryOp::Rsqrt, x); }
Tensor sin(const Tensor& x) { return unary(UnaryOp::Sin, x); }
Tensor cos(const Tensor& x) { return unary(UnaryOp::Cos, x); }
Tensor tanh(const Tensor& x) { return unary(UnaryOp::Tanh, x); }
Tensor sigmoid(const Tensor& x) { return unary(UnaryOp::Sigmoid, x); }
Tensor relu(const Tensor& x) { return unary(UnaryOp::Relu, x); }
Tensor silu(const Tensor& x) { return unary(UnaryOp::Silu, x); }
Tensor floor(const Tensor& x) { return unary(UnaryOp::Floor, x); }
Tensor ceil(const Tensor& x) { return unary(UnaryOp::Ceil, x); }
Tensor round(const Tensor& x) { return unary(UnaryOp::Round, x); }
Tensor trunc(const Tensor& x) { return unary(UnaryOp::Trunc, x); }
Tensor sign(const Tensor& x) { return unary(UnaryOp::Sign, x); }
Tensor reciprocal(const Tensor& x) { return unary(UnaryOp::Reciprocal, x); }
Tensor square(const Tensor& x) { return unary(UnaryOp::Square, x); }
Tensor logical_not(const Tensor& x) { return unary(UnaryOp::LogicalNot, x); }
Tensor bitwise_not(const Tensor& x) { return unary(UnaryOp::BitwiseNot, x); }
Tensor isnan(const Tensor& x) { return unary(UnaryOp::IsNan, x); }
Tensor isinf(const Tensor& x) { return unary(UnaryOp::IsInf, x); }
Tensor isfinite(const Tensor& x) { return unary(UnaryOp::IsFinite, x); }
const Tensor& relu_(const Tensor& x) { return unary_(UnaryOp::Relu, x); }
const Tensor& neg_(const Tensor& x) { return unary_(UnaryOp::Neg, x); }

Tensor gelu(const Tensor& x, std::string_view approximate) {
    if (approximate == "none")
        return unary(UnaryOp::Gelu, x);
    if (approximate == "tanh")
        return unary(UnaryOp::GeluTanh, x);
    throwRuntime("approximate argument must be either none or tanh.");
}

Tensor clamp(const Tensor& x, std::optional<Scalar> min, std::optional<Scalar> max) {
    if (!min && !max)
        throwRuntime("torch.clamp: At least one of 'min' or 'max' must not be None");
    if (x.dtype() == DType::Bool)
        notImplemented("clamp_scalar_cpu", x.dtype());
    Tensor r = x;
    // Promotion over all three operands first, so clamp(int, 0.5, None) is float.
    const DType common = min && max ? resultType({Operand(x), Operand(*min), Operand(*max)})
                                    : resultType({Operand(x), Operand(min ? *min : *max)});
    r = to(x, common);
    if (min)
        r = binary(BinaryOp::Maximum, r, *min);
    if (max)
        r = binary(BinaryOp::Minimum, r, *max);
    if (r.gradFn()) {
        r.impl()->gradFn = min && max ? "ClampBackward1" : min ? "ClampMinBackward0" : "ClampMaxBackward0";
    }
    return r;
}

Tensor clamp(const Tensor& x, const Tensor* min, const Tensor* max) {
    if (!min && !max)
        throwRuntime("torch.clamp: At least one of 'min' or 'max' must not be None");
    Tensor r = x;
    if (min)
        r = maximum(r, *min);
    if (max)
        r = minimum(r, *max);
    if (r.gradFn())
        r.impl()->gradFn = "ClampBackward0";
    return r;
}

Tensor clamp_min(const Tensor& x, const Scalar& min) { return clamp(x, min, std::nullopt); }
Tensor clamp_max(const Tensor& x, const Scalar& max) { return clamp(x, std::nullopt, max); }

const Tensor& clamp_(const Tensor& x, std::optional<Scalar> min, std::optional<Scalar> max) {
    checkInplaceTarget(x);
    Tensor r = clamp(x, min, max);
    if (!canCast(r.dtype(), x.dtype()))
        throwRuntime("result type " + std::string(dtypeShortName(r.dtype())) +
                     " can't be cast to the desired output type " + std::string(dtypeShortName(x.dtype())));
    detail::copyElements(x, r);
    if (r.gradFn())
        propagateGrad(x, r.gradFn(), {&x});
    return x;
}

Tensor where(const Tensor& cond, const Operand& a, const Operand& b) {
    if (cond.dtype() != DType::Bool)
        throwRuntime("where expected condition to be a boolean tensor, but got a tensor with dtype " +
                     std::string(dtypeShortName(cond.dtype())));
    const Tensor* ts[3] = {&cond, a.tensor, b.tensor};
    const Device device = checkSameDevice(ts);
    DType common;
    if (a.isScalar() && b.isScalar()) // torch.where(c, 1.0, 0) -> default dtype / int64
        common = resultType({Operand(a.scalar), Operand(b.scalar)});
    else
        common = resultType({a, b});
    DimVector shape = cond.sizes();
    if (a.tensor)
        shape = broadcastShapes(shape, a.tensor->sizes());
    if (b.tensor)
        shape = broadcastShapes(shape, b.tensor->sizes());
    Tensor out = emptyForElementwise(shape, common, device, ts);
    Tensor ca = a.tensor ? to(*a.tensor, common) : Tensor();
    Tensor cb = b.tensor ? to(*b.tensor, common) : Tensor();
    alignas(16) char sa[16], sb[16];  // complex128 is the widest scalar
    detail::KernelArg kc = detail::tensorArg(cond, shape), ka, kb;
    if (a.tensor) {
        ka = detail::tensorArg(ca, shape);
    } else {
        detail::writeScalar(sa, common, a.scalar);
        ka = detail::scalarArg(sa, shape.size());
    }
    if (b.tensor) {
        kb = detail::tensorArg(cb, shape);
    } else {
        detail::writeScalar(sb, common, b.scalar);
        kb = detail::scalarArg(sb, shape.size());
    }
    if (out.numel() > 0) {
        detail::fillDenseStrides(kc, out, 1);
        DimVector os = out.strides();
        for (auto& s : os)
            s *= out.itemSize();
        detail::dispatch(common, [&](auto tag) {
            using T = typename decltype(tag)::type;
            detail::fillDenseStrides(ka, out, sizeof(T));
            detail::fillDenseStrides(kb, out, sizeof(T));
            detail::forEachRun<4>(out.sizes(), {out.data(), kc.data, ka.data, kb.data},
                                  {os.data(), kc.byteStrides.data(), ka.byteStrides.data(), kb.byteStrides.data()},
                                  [](std::array<char*, 4> p, std::array<int64_t, 4> st, int64_t n) {
                                      for (int64_t i = 0; i < n; ++i)
                                          *reinterpret_cast<T*>(p[0] + i * st[0]) =
                                              *reinterpret_cast<const bool*>(p[1] + i * st[1])
                                                  ? *reinterpret_cast<const T*>(p[2] + i * st[2])
                                                  : *reinterpret_cast<const T*>(p[3] + i * st[3]);
                                  });
        });
    }
    propagateGrad(out, "WhereBackward0", {a.tensor, b.tensor});
    return out;
}

} // namespace gs::tensor
