#pragma once
// Broadcasting (ATen infer_size), the operand device rule and the output layout rule of
// TensorIterator (an elementwise result follows the stride order of its inputs).
#include <span>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

// Throws "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0".
DimVector broadcastShapes(const DimVector& a, const DimVector& b);

// TensorIterator's device rule: the common device is the first non-CPU one; a 0-dim CPU tensor
// may join any device (a "CPU scalar"); anything else must match. Null entries are skipped.
Device checkSameDevice(std::span<const Tensor* const> tensors);

// Strides for a fresh output of `shape` computed from `inputs` as TensorIterator's
// reorder_dimensions does: contiguous unless the inputs agree on another dense order.
DimVector outputStrides(const DimVector& shape, std::span<const Tensor* const> inputs);

// Allocates the output of an elementwise op (layout by outputStrides).
Tensor emptyForElementwise(const DimVector& shape, DType dtype, Device device, std::span<const Tensor* const> inputs);

} // namespace gs::tensor
