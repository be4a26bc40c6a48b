#pragma once
// torch.result_type: tensors with dims outrank 0-dim tensors, which outrank Python numbers
// ("wrapped numbers"); a lower-priority operand only matters when its category (bool <
// integral < floating) is higher. A wrapped float counts as the default dtype (float32), so
// int64_tensor * 2.5 -> float32 and float16_tensor * 2.0 -> float16.
#include <initializer_list>
#include <type_traits>

#include "core/tensor/Scalar.h"
#include "core/tensor/Tensor.h"

namespace gs::tensor {

// One operand of an op: a tensor, or a Python scalar.
struct Operand {
    const Tensor* tensor = nullptr;
    Scalar scalar;
    Operand(const Tensor& t) : tensor(&t) {} // NOLINT
    Operand(const Scalar& s) : scalar(s) {}  // NOLINT
    template <class N>
        requires std::is_arithmetic_v<N>
    Operand(N v) : scalar(v) {} // NOLINT: a Python number
    bool isScalar() const { return tensor == nullptr; }
};

DType resultType(std::initializer_list<Operand> operands);
DType resultType(const Tensor& a, const Tensor& b);
DType resultType(const Tensor& a, const Scalar& b);

} // namespace gs::tensor
