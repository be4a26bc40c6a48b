#pragma once
// Tensor factories (torch.zeros, randn, arange, tensor, *_like ...) and the random in-place
// fills. Random ones draw from a Generator, the thread's default one unless given.
#include <optional>

#include "core/tensor/Generator.h"
#include "core/tensor/NestedValue.h"
#include "core/tensor/Tensor.h"

namespace gs::tensor {

struct TensorOptions {
    std::optional<DType> dtype; // unset: the factory's inference (default float, int64, ...)
    Device device;
    bool requiresGrad = false;
};

Tensor empty(const DimVector& size, const TensorOptions& options = {}); // zero-filled
Tensor zeros(const DimVector& size, const TensorOptions& options = {});
Tensor ones(const DimVector& size, const TensorOptions& options = {});
// dtype from the fill value when unset: bool -> bool, int -> int64, float -> default.
Tensor full(const DimVector& size, const Scalar& fill, const TensorOptions& options = {});
Tensor rand(const DimVector& size, const TensorOptions& options = {}, Generator* gen = nullptr);
Tensor randn(const DimVector& size, const TensorOptions& options = {}, Generator* gen = nullptr);
// Integers uniform in [low, high); int64 by default.
Tensor randint(int64_t low, int64_t high, const DimVector& size, const TensorOptions& options = {},
               Generator* gen = nullptr);
Tensor randperm(int64_t n, const TensorOptions& options = {}, Generator* gen = nullptr);
Tensor arange(const Scalar& end, const TensorOptions& options = {});
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step = Scalar(int64_t{1}),
              const TensorOptions& options = {});
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, const TensorOptions& options = {});
Tensor eye(int64_t n, std::optional<int64_t> m = std::nullopt, const TensorOptions& options = {});
Tensor scalar_tensor(const Scalar& value, const TensorOptions& options = {});
// torch.tensor(data): shape from the nesting, dtype inferred (all bool -> bool, all int ->
// int64, any float -> default float) unless given.
Tensor tensor(const NestedValue& data, const TensorOptions& options = {});
Tensor fromNested(const NestedValue& data, const TensorOptions& options = {});

// *_like: same shape, dtype and device unless overridden.
Tensor empty_like(const Tensor& t, std::optional<DType> dtype = std::nullopt);
Tensor zeros_like(const Tensor& t, std::optional<DType> dtype = std::nullopt);
Tensor ones_like(const Tensor& t, std::optional<DType> dtype = std::nullopt);
Tensor full_like(const Tensor& t, const Scalar& fill, std::optional<DType> dtype = std::nullopt);
Tensor rand_like(const Tensor& t, std::optional<DType> dtype = std::nullopt, Generator* gen = nullptr);
Tensor randn_like(const Tensor& t, std::optional<DType> dtype = std::nullopt, Generator* gen = nullptr);

// In-place random fills (write through views).
const Tensor& uniform_(const Tensor& self, double from = 0.0, double to = 1.0, Generator* gen = nullptr);
const Tensor& normal_(const Tensor& self, double mean = 0.0, double std = 1.0, Generator* gen = nullptr);
const Tensor& bernoulli_(const Tensor& self, double p = 0.5, Generator* gen = nullptr);
// Each element 1 with probability given by `probabilities` (same dtype as input).
Tensor bernoulli(const Tensor& probabilities, Generator* gen = nullptr);
// F.dropout: zero each element with probability p, scale the rest by 1/(1-p); identity when not training.
Tensor dropout(const Tensor& input, double p = 0.5, bool training = true, Generator* gen = nullptr);

} // namespace gs::tensor
