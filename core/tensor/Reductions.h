#pragma once
// Reductions over all elements or over dims (negative dims wrap; keepdim keeps size-1 dims),
// and softmax / log_softmax. Floating sums accumulate in double, so a float32 result can differ
// from PyTorch's cascade sum in the last bit.
#include <optional>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

struct ValuesIndices {
    Tensor values, indices;
};

// An empty dims list means every dim (as torch.sum(x, dim=[])).
Tensor sum(const Tensor& x, std::optional<DType> dtype = std::nullopt);
Tensor sum(const Tensor& x, const DimVector& dims, bool keepdim = false, std::optional<DType> dtype = std::nullopt);
Tensor mean(const Tensor& x, std::optional<DType> dtype = std::nullopt);
Tensor mean(const Tensor& x, const DimVector& dims, bool keepdim = false, std::optional<DType> dtype = std::nullopt);
Tensor prod(const Tensor& x, std::optional<DType> dtype = std::nullopt);
Tensor prod(const Tensor& x, int64_t dim, bool keepdim = false, std::optional<DType> dtype = std::nullopt);
Tensor amax(const Tensor& x, const DimVector& dims = {}, bool keepdim = false);
Tensor amin(const Tensor& x, const DimVector& dims = {}, bool keepdim = false);
Tensor max(const Tensor& x); // all elements
Tensor min(const Tensor& x);
ValuesIndices max(const Tensor& x, int64_t dim, bool keepdim = false);
ValuesIndices min(const Tensor& x, int64_t dim, bool keepdim = false);
// The k largest (or smallest) elements along dim, sorted; ties keep the lower index first.
ValuesIndices topk(const Tensor& x, int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true);
Tensor argmax(const Tensor& x, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
Tensor argmin(const Tensor& x, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
// correction 1 = unbiased (the default of torch.var/std).
Tensor var(const Tensor& x, std::optional<DimVector> dims = std::nullopt, double correction = 1, bool keepdim = false);
Tensor std(const Tensor& x, std::optional<DimVector> dims = std::nullopt, double correction = 1, bool keepdim = false);
// Vector p-norm (p = 2 by default; inf and -inf supported) over all or given dims.
Tensor norm(const Tensor& x, double p = 2.0, std::optional<DimVector> dims = std::nullopt, bool keepdim = false);
Tensor all(const Tensor& x);
Tensor all(const Tensor& x, int64_t dim, bool keepdim = false);
Tensor any(const Tensor& x);
Tensor any(const Tensor& x, int64_t dim, bool keepdim = false);
Tensor logsumexp(const Tensor& x, const DimVector& dims, bool keepdim = false);
Tensor softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor log_softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);

} // namespace gs::tensor
