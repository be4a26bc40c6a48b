#pragma once
// torch.autocast state (thread-local, per device type, like ATen's autocast TLS): whether
// autocast is on and the lower-precision dtype it casts to. The torch bindings cast the floating
// inputs of the ops on PyTorch's lower-precision list (mm, matmul, linear, ...); the engine
// guards the state as part of GLOBAL_STATE (dynamo-semantics §2.2).
#include "core/tensor/DType.h"
#include "core/tensor/Device.h"

namespace gs::tensor {

class Autocast {
public:
    static bool isEnabled(Device::Type device);
    // CPU defaults to bfloat16, CUDA to float16 (torch.get_autocast_dtype).
    static DType dtype(Device::Type device);
    static void set(Device::Type device, bool enabled, DType dtype);
    static bool anyEnabled();
};

} // namespace gs::tensor
