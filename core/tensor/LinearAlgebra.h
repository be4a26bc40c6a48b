#pragma once
// Matrix products with torch.matmul's dispatch on ranks (dot, mv, mm, broadcast batched bmm)
// and F.linear. Operands must share a dtype (no promotion, as in ATen).
#include <optional>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

Tensor dot(const Tensor& a, const Tensor& b);
Tensor mv(const Tensor& mat, const Tensor& vec);
Tensor mm(const Tensor& a, const Tensor& b);
Tensor bmm(const Tensor& a, const Tensor& b);
Tensor matmul(const Tensor& a, const Tensor& b);
// x @ weight.T + bias
Tensor linear(const Tensor& x, const Tensor& weight, const std::optional<Tensor>& bias = std::nullopt);
Tensor outer(const Tensor& a, const Tensor& b);

} // namespace gs::tensor
