#pragma once
// torch.dtype objects: one immortal object per dtype, so `x.dtype is torch.float32` holds and
// guards can compare by identity. repr "torch.float32"; attributes is_floating_point,
// is_signed, itemsize.
#include <string>

#include "core/torch/TorchBindings.h"
#include "core/tensor/DType.h"

namespace gs::torch {

class DTypeObject : public runtime::Object {
public:
    DTypeObject(runtime::Type* type, tensor::DType d) : runtime::Object(type), dtype(d) {}
    tensor::DType dtype;
    std::string repr() override;
    int64_t hash() override;  // stable across runs (the dtype's ordinal)
};

// Creates torch.dtype and the dtype objects (torch.float32, torch.float, torch.float64,
// torch.double, torch.float16, torch.half, torch.bfloat16, torch.int64, torch.long, torch.int32,
// torch.int, torch.bool) in `torch`.
void installDTypes(runtime::Interpreter& interp, TorchContext& ctx, runtime::Module* torch);

} // namespace gs::torch
