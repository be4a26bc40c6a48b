#pragma once
// Ops that build new tensors from pieces or masks: cat, stack, repeat, index_select,
// masked_fill, tril/triu, flip. Results own fresh storage.
#include <vector>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);
Tensor repeat(const Tensor& self, const DimVector& repeats);
Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index);
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value); // 0-dim value
const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor tril(const Tensor& self, int64_t diagonal = 0);
Tensor triu(const Tensor& self, int64_t diagonal = 0);
Tensor flip(const Tensor& self, const DimVector& dims);
// Indices of non-zero elements, shape [n, self.dim()].
Tensor nonzero(const Tensor& self);

} // namespace gs::tensor
