#pragma once
// View ops: each result shares its input's storage (a write through the view is seen by the
// base). Shape rules and error texts follow ATen (TensorShape.cpp, InferSize.h).
#include <optional>
#include <vector>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

Tensor view(const Tensor& self, const DimVector& shape);   // -1 inferred
Tensor view_as(const Tensor& self, const Tensor& other);
Tensor reshape(const Tensor& self, const DimVector& shape); // view when possible, else a copy
Tensor reshape_as(const Tensor& self, const Tensor& other);
Tensor t(const Tensor& self);
Tensor transpose(const Tensor& self, int64_t dim0, int64_t dim1);
Tensor permute(const Tensor& self, const DimVector& dims);
Tensor unsqueeze(const Tensor& self, int64_t dim);
Tensor squeeze(const Tensor& self);
Tensor squeeze(const Tensor& self, int64_t dim);
Tensor expand(const Tensor& self, const DimVector& sizes);
Tensor expand_as(const Tensor& self, const Tensor& other);
Tensor select(const Tensor& self, int64_t dim, int64_t index);
// Python slice semantics for start/end (clamped, negative from the end); step must be > 0.
Tensor slice(const Tensor& self, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
             int64_t step = 1);
Tensor narrow(const Tensor& self, int64_t dim, int64_t start, int64_t length);
Tensor detach(const Tensor& self);
Tensor alias(const Tensor& self);
Tensor flatten(const Tensor& self, int64_t startDim = 0, int64_t endDim = -1);
Tensor unflatten(const Tensor& self, int64_t dim, const DimVector& sizes);
std::vector<Tensor> unbind(const Tensor& self, int64_t dim = 0);
std::vector<Tensor> split(const Tensor& self, int64_t splitSize, int64_t dim = 0);
std::vector<Tensor> split_with_sizes(const Tensor& self, const DimVector& sizes, int64_t dim = 0);
std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim = 0);
Tensor movedim(const Tensor& self, int64_t source, int64_t destination);
Tensor diagonal(const Tensor& self, int64_t offset = 0, int64_t dim1 = 0, int64_t dim2 = 1);
// as_strided(size, stride, storage_offset): any geometry over self's storage; every element it
// reaches must lie inside the storage (ATen's setStrided check).
Tensor as_strided(const Tensor& self, const DimVector& sizes, const DimVector& strides, std::optional<int64_t> storageOffset);

// ATen helpers, exposed for the engine's symbolic shape code and for tests.
DimVector inferSize(const DimVector& shape, int64_t numel);
std::optional<DimVector> computeViewStrides(const DimVector& oldShape, const DimVector& oldStrides,
                                            const DimVector& newShape);
// "torch.FloatTensor" / "torch.cuda.LongTensor", as ATen's toString(tensor.options()).
std::string legacyTypeName(const Tensor& t);

} // namespace gs::tensor
