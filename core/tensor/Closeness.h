#pragma once
// torch.isclose / allclose / equal and torch.testing.assert_close's comparison, which returns
// the failure message (None when close) so the binding can raise AssertionError from
// unittest's assertEqual on tensors.
#include <optional>
#include <string>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

Tensor isclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false);
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false);
// torch.equal: same shape and same values (after promotion).
bool equal(const Tensor& a, const Tensor& b);

struct AssertCloseOptions {
    std::optional<double> rtol, atol; // unset: torch.testing's defaults for the dtype
    bool equalNan = false;
    bool checkDtype = true;
    bool checkDevice = true;
};
// assert_close defaults: float16 (1e-3, 1e-5), bfloat16 (1.6e-2, 1e-5), float32 (1.3e-6, 1e-5),
// float64 (1e-7, 1e-7), integers and bool exact.
std::pair<double, double> defaultTolerances(DType dtype); // (rtol, atol)
std::optional<std::string> assertClose(const Tensor& actual, const Tensor& expected,
                                       const AssertCloseOptions& options = {});

} // namespace gs::tensor
