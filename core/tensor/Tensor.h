#pragma once
// Tensor: a handle to a TensorImpl (like at::Tensor). Copying the handle does not copy data and
// keeps object identity: `identity()` is what Python's `is` compares, `storageId()` what
// aliasing checks compare. Ops are free functions (Ops.h) so the engine can record each one.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/tensor/DType.h"
#include "core/tensor/Device.h"
#include "core/tensor/DimVector.h"
#include "core/tensor/Scalar.h"
#include "core/tensor/TensorImpl.h"

namespace gs::tensor {

struct NestedValue;

// Wraps a possibly negative dim into [0, ndim); 0-dim tensors accept -1 and 0 (PyTorch's
// wrap_scalar). Throws IndexError "Dimension out of range (expected to be in range of [-1, 0],
// but got 1)".
int64_t wrapDim(int64_t dim, int64_t ndim);

class Tensor {
public:
    Tensor() = default;
    explicit Tensor(Ref<TensorImpl> impl) : impl_(std::move(impl)) {}

    // A fresh contiguous tensor. Checks negative sizes, overflow and the ElementLimit. Memory is
    // zero-filled unless zero=false (for op results that overwrite every element).
    static Tensor empty(const DimVector& sizes, DType dtype, Device device = {}, bool zero = true);
    // A view of `base`'s storage with new geometry (same dtype, device; no grad metadata).
    static Tensor makeView(const Tensor& base, DimVector sizes, DimVector strides, int64_t offset);
    // Values given as doubles, converted to dtype (ints truncate, bools are value != 0).
    static Tensor fromData(std::span<const double> values, const DimVector& sizes, DType dtype = DType::Float32,
                           Device device = {});
    // torch.tensor(nested list): see tensor() in Factories.h for the inference rules.
    static Tensor fromNested(const NestedValue& data, std::optional<DType> dtype = std::nullopt, Device device = {});

    bool defined() const { return static_cast<bool>(impl_); }
    TensorImpl* impl() const { return impl_.get(); }

    const DimVector& sizes() const { return impl_->sizes; }
    const DimVector& strides() const { return impl_->strides; }
    int64_t dim() const { return static_cast<int64_t>(impl_->sizes.size()); }
    int64_t numel() const { return impl_->numel; }
    int64_t size(int64_t d) const { return impl_->sizes[static_cast<size_t>(wrapDim(d, dim()))]; }
    int64_t stride(int64_t d) const { return impl_->strides[static_cast<size_t>(wrapDim(d, dim()))]; }
    int64_t storageOffset() const { return impl_->offset; }
    DType dtype() const { return impl_->dtype; }
    Device device() const { return impl_->device; }
    int64_t itemSize() const { return gs::tensor::itemSize(impl_->dtype); }
    bool isContiguous() const { return impl_->contiguous; }
    bool isFloatingPoint() const { return isFloating(impl_->dtype); }

    // Object identity (Python `is`) and storage identity (aliasing).
    const void* identity() const { return impl_.get(); }
    bool is(const Tensor& other) const { return impl_.get() == other.impl_.get(); }
    uint64_t storageId() const { return impl_->storage->id(); }
    bool sharesStorage(const Tensor& other) const { return impl_->storage.get() == other.impl_->storage.get(); }
    int64_t storageNbytes() const { return impl_->storage->nbytes(); }
    // Address of the first element (data_ptr()).
    char* data() const { return impl_->storage->data() + impl_->offset * itemSize(); }
    template <class T>
    T* dataAs() const { return reinterpret_cast<T*>(data()); }

    // Autograd metadata only (GradMode.h).
    bool requiresGrad() const { return impl_->requiresGrad; }
    // requires_grad_(): only floating tensors may require grad; on a non-leaf, clearing it errors.
    const Tensor& setRequiresGrad(bool value) const;
    bool isLeaf() const { return impl_->gradFn == nullptr; }
    const char* gradFn() const { return impl_->gradFn; }

    // item(): exactly one element, else RuntimeError "a Tensor with 2 elements cannot be
    // converted to Scalar".
    Scalar item() const;
    // Element at a row-major flat index of the logical shape (for tolist and tests).
    Scalar elementAt(int64_t flatIndex) const;
    void setElementAt(int64_t flatIndex, const Scalar& value) const;
    std::vector<double> toDoubles() const;
    std::vector<int64_t> toInts() const;

    // "Tensor(shape=[2, 3], stride=[3, 1], dtype=float32, device=cpu)" plus offset / grad flags.
    std::string describe() const;
    // PyTorch's repr (Formatter.cpp).
    std::string repr() const;

private:
    Ref<TensorImpl> impl_;
};

// Sets requires_grad and grad_fn on an op result when grad mode is on, some input requires grad
// and the result can hold gradients (floating dtype).
void propagateGrad(const Tensor& out, const char* gradFn, std::initializer_list<const Tensor*> inputs);
void propagateGrad(const Tensor& out, const char* gradFn, std::span<const Tensor> inputs);

// bool(tensor): one element only, else RuntimeError "Boolean value of Tensor with more than one
// value is ambiguous".
bool truthValue(const Tensor& t);

// Default contiguous strides for sizes.
DimVector contiguousStrides(const DimVector& sizes);

} // namespace gs::tensor
