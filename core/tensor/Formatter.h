#pragma once
// repr()/str() of a tensor exactly as torch/_tensor_str.py builds it: one common element width
// per tensor, 4 decimals by default, an integer mode ("1.") when all values are whole, a
// scientific mode when the magnitudes span more than 1e3 or leave [1e-4, 1e8], summarising
// with "..." above 1000 elements, and the device/dtype/grad suffixes.
#include <optional>
#include <string>
#include <vector>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

// torch.set_printoptions (per thread).
struct PrintOptions {
    int precision = 4;
    int64_t threshold = 1000;
    int64_t edgeitems = 3;
    int64_t linewidth = 80;
    std::optional<bool> sciMode;
};
PrintOptions& printOptions();

// _Formatter: decides the element format from the (summarised) values of one tensor.
class Formatter {
public:
    Formatter(const std::vector<double>& values, bool floating, DType dtype, const PrintOptions& options);
    int64_t width() const { return maxWidth_; }
    std::string format(double value) const;

private:
    std::string raw(double value) const;

    bool floating_;
    DType dtype_;
    bool intMode_ = true;
    bool sciMode_ = false;
    int64_t maxWidth_ = 1;
    int precision_;
};

std::string formatTensor(const Tensor& t, const PrintOptions& options = printOptions());
// Python's "torch.Size([2, 3])".
std::string sizeRepr(const DimVector& sizes);

} // namespace gs::tensor
