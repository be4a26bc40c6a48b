#pragma once
// Python subscripts on tensors: x[1], x[0, 1:3], x[..., None, ::2], x[mask], x[idx_tensor].
// Basic indices (ints, slices, None, Ellipsis, bools) give views; a tensor index (int64/int32
// or bool mask; at most one) gives a copy, as in PyTorch.
#include <optional>
#include <variant>
#include <vector>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

struct SliceIndex {
    std::optional<int64_t> start, stop, step;
};
struct NoneIndex {};
struct EllipsisIndex {};

using TensorIndex = std::variant<int64_t, SliceIndex, NoneIndex, EllipsisIndex, bool, Tensor>;

Tensor index(const Tensor& self, const std::vector<TensorIndex>& indices);
// self[indices] = value (value broadcasts; converts to self's dtype).
const Tensor& index_put_(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value);
const Tensor& index_put_(const Tensor& self, const std::vector<TensorIndex>& indices, const Scalar& value);

} // namespace gs::tensor
