#pragma once
// Small helpers shared by the tensor unit tests.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "core/tensor/Ops.h"

namespace gs::tensor {
// Readable gtest failure output for shapes and strides.
inline void PrintTo(const DimVector& v, std::ostream* os) { *os << v.str(); }
} // namespace gs::tensor

namespace gs::tensor::testing {

inline Tensor T(std::vector<double> values, DimVector shape, DType dtype = DType::Float32) {
    return Tensor::fromData(values, shape, dtype);
}
inline Tensor T(std::vector<double> values, DType dtype = DType::Float32) {
    const auto n = static_cast<int64_t>(values.size());
    return Tensor::fromData(values, {n}, dtype);
}
inline std::vector<double> V(const Tensor& t) { return t.toDoubles(); }

// Runs f and checks it throws TensorError of `kind` with exactly `message`.
template <class F>
void expectError(F&& f, ErrorKind kind, const std::string& message) {
    try {
        f();
        ADD_FAILURE() << "expected TensorError: " << message;
    } catch (const TensorError& e) {
        EXPECT_EQ(errorKindName(e.kind()), errorKindName(kind));
        EXPECT_EQ(std::string(e.what()), message);
    }
}

} // namespace gs::tensor::testing
