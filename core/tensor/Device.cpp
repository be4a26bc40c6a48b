#include "core/tensor/Device.h"

#include <charconv>

#include "core/tensor/TensorError.h"

namespace gs::tensor {

Device Device::parse(std::string_view text) {
    if (text == "cpu")
        return cpu();
    if (text == "cuda")
        return cuda(0); // torch.device("cuda") has no index; tensors created on it land on cuda:0
    if (text.starts_with("cuda:")) {
        std::string_view num = text.substr(5);
        int value = -1;
        auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), value);
        if (ec == std::errc() && ptr == num.data() + num.size() && !num.empty() && value >= 0 && value < 32768)
            return cuda(static_cast<int16_t>(value));
        throwRuntime("Invalid device string: '" + std::string(text) + "'");
    }
    if (text.starts_with("cpu:"))
        return cpu();
    if (text == "meta")
        return meta();
    throwRuntime("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, "
                 "vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: " +
                 std::string(text));
}

std::string Device::str() const {
    if (isCpu())
        return "cpu";
    if (!isCuda())
        return "meta";
    return "cuda:" + std::to_string(index_);
}

} // namespace gs::tensor
