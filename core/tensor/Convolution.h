#pragma once
// torch.nn.functional.conv1d / conv2d on CPU tensors: a direct convolution with stride,
// padding (numbers, "same" or "valid"), dilation and groups, with ATen's shape checks and their
// error texts. Floating dtypes only (ATen's slow_conv2d has no integer kernel either).
#include <optional>

#include "core/tensor/DimVector.h"
#include "core/tensor/Tensor.h"

namespace gs::tensor {

struct ConvParams {
    DimVector stride, padding, dilation;  // one value per spatial dim (or one for all)
    int64_t groups = 1;
    enum class Padding : uint8_t { Explicit, Same, Valid } mode = Padding::Explicit;
};

// input: [N, C_in, *spatial] or unbatched [C_in, *spatial]; weight: [C_out, C_in / groups,
// *kernel]; bias: [C_out]. `spatialDims` is 1 (conv1d) or 2 (conv2d).
Tensor convolution(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, int spatialDims,
                   const ConvParams& params);

} // namespace gs::tensor
