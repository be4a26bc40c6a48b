#pragma once
// torch.device: a label (all data lives in host memory, see tensor/Device.h). repr
// "device(type='cpu')" / "device(type='cuda', index=0)", str "cpu" / "cuda:0"; compares by
// value with other devices (and, like PyTorch, not with strings).
#include <string>

#include "core/torch/TorchBindings.h"
#include "core/tensor/Device.h"

namespace gs::torch {

class DeviceObject : public runtime::Object {
public:
    DeviceObject(runtime::Type* type, tensor::Device d) : runtime::Object(type), device(d) {}
    tensor::Device device;
    std::string repr() override;
    std::string str() override;
    int64_t hash() override;
    runtime::Value richCompare(runtime::CmpOpKind op, const runtime::Value& other) override;
};

runtime::Value makeDevice(TorchContext& ctx, tensor::Device d);
// Creates torch.device in `torch`.
void installDevice(runtime::Interpreter& interp, TorchContext& ctx, runtime::Module* torch);

} // namespace gs::torch
