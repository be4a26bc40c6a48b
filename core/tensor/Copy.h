#pragma once
// Copies and conversions: clone (preserves a dense layout, like memory_format=preserve),
// contiguous, to(dtype/device), copy_, fill_, zero_.
#include <optional>

#include "core/tensor/Tensor.h"

namespace gs::tensor {

Tensor clone(const Tensor& self);
Tensor contiguous(const Tensor& self);                    // self when already contiguous
Tensor to(const Tensor& self, DType dtype, bool copy = false); // self when nothing changes
Tensor to(const Tensor& self, Device device, bool copy = false);
Tensor to(const Tensor& self, Device device, DType dtype, bool copy = false);
// copy_: src broadcasts to self's shape, any dtype converts; writes through views.
const Tensor& copy_(const Tensor& self, const Tensor& src);
const Tensor& fill_(const Tensor& self, const Scalar& value);
const Tensor& fill_(const Tensor& self, const Tensor& value); // 0-dim value
const Tensor& zero_(const Tensor& self);

// An uninitialised tensor with self's sizes and, when self is non-overlapping and dense, its
// stride order (torch.empty_like with preserve_format).
Tensor emptyLike(const Tensor& self, std::optional<DType> dtype = std::nullopt, bool zero = true);
bool isNonOverlappingAndDense(const Tensor& t);

// Errors for in-place writes into a tensor whose elements overlap (an expanded view), and for a
// leaf that requires grad while grad mode is on (autograd's rule).
void checkInplaceTarget(const Tensor& self);

namespace detail {
// Element-wise cast copy; src must already have dst's sizes (use expand).
void copyElements(const Tensor& dst, const Tensor& src);
} // namespace detail

} // namespace gs::tensor
