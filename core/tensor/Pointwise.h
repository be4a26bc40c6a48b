#pragma once
// Elementwise ops with PyTorch's promotion, broadcasting, device and error rules. Scalars are
// Python numbers (weak in promotion). In-place variants write through views; their result
// type must be castable to self's dtype ("result type Float can't be cast to the desired
// output type Long").
#include <optional>
#include <string_view>

#include "core/tensor/Tensor.h"
#include "core/tensor/TypePromotion.h"

namespace gs::tensor {

enum class BinaryOp {
    Add, Sub, Mul, Div, FloorDivide, Remainder, Fmod, Pow, Maximum, Minimum, Atan2,
    Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr, LogicalXor, BitwiseAnd, BitwiseOr, BitwiseXor
};
enum class UnaryOp {
    Neg, Abs, Exp, Log, Log2, Log10, Log1p, Expm1, Sqrt, Rsqrt, Sin, Cos, Tan, Tanh, Sigmoid, Relu, Gelu,
    GeluTanh, Silu, Floor, Ceil, Round, Trunc, Sign, Reciprocal, Square, Erf, LogicalNot, BitwiseNot,
    IsNan, IsInf, IsFinite
};

// General entry points (the named functions below forward here). alpha only for Add/Sub.
Tensor binary(BinaryOp op, const Operand& a, const Operand& b, const Scalar& alpha = Scalar(int64_t{1}));
const Tensor& binary_(BinaryOp op, const Tensor& self, const Operand& other, const Scalar& alpha = Scalar(int64_t{1}));
Tensor unary(UnaryOp op, const Tensor& self);
const Tensor& unary_(UnaryOp op, const Tensor& self);
std::string_view binaryOpName(BinaryOp op); // "add", "floor_divide", ...

#define GS_TENSOR_BINARY(name)                                                                                  \
    Tensor name(const Tensor& a, const Tensor& b);                                                              \
    Tensor name(const Tensor& a, const Scalar& b);                                                              \
    Tensor name(const Scalar& a, const Tensor& b);
GS_TENSOR_BINARY(mul)
GS_TENSOR_BINARY(div)
GS_TENSOR_BINARY(floor_divide)
GS_TENSOR_BINARY(remainder)
GS_TENSOR_BINARY(fmod)
GS_TENSOR_BINARY(pow)
GS_TENSOR_BINARY(maximum)
GS_TENSOR_BINARY(minimum)
GS_TENSOR_BINARY(atan2)
GS_TENSOR_BINARY(eq)
GS_TENSOR_BINARY(ne)
GS_TENSOR_BINARY(lt)
GS_TENSOR_BINARY(le)
GS_TENSOR_BINARY(gt)
GS_TENSOR_BINARY(ge)
GS_TENSOR_BINARY(logical_and)
GS_TENSOR_BINARY(logical_or)
GS_TENSOR_BINARY(logical_xor)
GS_TENSOR_BINARY(bitwise_and)
GS_TENSOR_BINARY(bitwise_or)
GS_TENSOR_BINARY(bitwise_xor)
#undef GS_TENSOR_BINARY

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(int64_t{1}));
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha = Scalar(int64_t{1}));
Tensor add(const Scalar& a, const Tensor& b, const Scalar& alpha = Scalar(int64_t{1}));
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(int64_t{1}));
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha = Scalar(int64_t{1}));
Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha = Scalar(int64_t{1})); // rsub
// Division with rounding_mode "trunc" or "floor" (nullopt = true division).
Tensor div(const Tensor& a, const Tensor& b, std::optional<std::string_view> roundingMode);

const Tensor& add_(const Tensor& self, const Operand& other, const Scalar& alpha = Scalar(int64_t{1}));
const Tensor& sub_(const Tensor& self, const Operand& other, const Scalar& alpha = Scalar(int64_t{1}));
const Tensor& mul_(const Tensor& self, const Operand& other);
const Tensor& div_(const Tensor& self, const Operand& other);
const Tensor& pow_(const Tensor& self, const Operand& other);

Tensor neg(const Tensor& x);
Tensor abs(const Tensor& x);
Tensor exp(const Tensor& x);
Tensor log(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor rsqrt(const Tensor& x);
Tensor sin(const Tensor& x);
Tensor cos(const Tensor& x);
Tensor tanh(const Tensor& x);
Tensor sigmoid(const Tensor& x);
Tensor relu(const Tensor& x);
Tensor gelu(const Tensor& x, std::string_view approximate = "none");
Tensor silu(const Tensor& x);
Tensor floor(const Tensor& x);
Tensor ceil(const Tensor& x);
Tensor round(const Tensor& x);
Tensor trunc(const Tensor& x);
Tensor sign(const Tensor& x);
Tensor reciprocal(const Tensor& x);
Tensor square(const Tensor& x);
Tensor logical_not(const Tensor& x);
Tensor bitwise_not(const Tensor& x);
Tensor isnan(const Tensor& x);
Tensor isinf(const Tensor& x);
Tensor isfinite(const Tensor& x);
const Tensor& relu_(const Tensor& x);
const Tensor& neg_(const Tensor& x);

// clamp: at least one bound. Scalar bounds take part in promotion (int tensor, 0.5 -> float).
Tensor clamp(const Tensor& x, std::optional<Scalar> min, std::optional<Scalar> max);
Tensor clamp(const Tensor& x, const Tensor* min, const Tensor* max);
Tensor clamp_min(const Tensor& x, const Scalar& min);
Tensor clamp_max(const Tensor& x, const Scalar& max);
const Tensor& clamp_(const Tensor& x, std::optional<Scalar> min, std::optional<Scalar> max);

// where(cond, a, b): cond must be bool; a and b promote like a binary op.
Tensor where(const Tensor& cond, const Operand& a, const Operand& b);

} // namespace gs::tensor
