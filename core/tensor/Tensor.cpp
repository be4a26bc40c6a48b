#include "core/tensor/Tensor.h"

#include <limits>

#include "core/tensor/Dispatch.h"
#include "core/tensor/ElementLimit.h"
#include "core/tensor/GradMode.h"
#include "core/tensor/TensorError.h"

namespace gs::tensor {

int64_t wrapDim(int64_t dim, int64_t ndim) {
    const int64_t n = ndim <= 0 ? 1 : ndim;
    if (dim < -n || dim >= n)
        throwIndex("Dimension out of range (expected to be in range of [" + std::to_string(-n) + ", " +
                   std::to_string(n - 1) + "], but got " + std::to_string(dim) + ")");
    return dim < 0 ? dim + n : dim;
}

DimVector contiguousStrides(const DimVector& sizes) {
    DimVector strides(sizes.size());
    int64_t s = 1;
    for (size_t i = sizes.size(); i-- > 0;) {
        strides[i] = s;
        s *= sizes[i] > 1 ? sizes[i] : 1;
    }
    return strides;
}

Tensor Tensor::empty(const DimVector& sizes, DType dtype, Device device, bool zero) {
    if (sizes.size() > detail::kMaxLoopDims)
        throwRuntime("tensor has too many (" + std::to_string(sizes.size()) + ") dims; at most " +
                     std::to_string(detail::kMaxLoopDims) + " are supported");
    int64_t numel = 1;
    bool overflow = false;
    for (int64_t s : sizes) {
        if (s < 0)
            throwRuntime("Trying to create tensor with negative dimension " + std::to_string(s) + ": " + sizes.str());
    }
    for (int64_t s : sizes) {
        if (__builtin_mul_overflow(numel, s, &numel))
            overflow = true;
    }
    const int64_t item = gs::tensor::itemSize(dtype);
    int64_t nbytes = 0;
    if (overflow || __builtin_mul_overflow(numel, item, &nbytes))
        throwRuntime("Storage size calculation overflowed with sizes=" + sizes.str());
    ElementLimit::check(numel);
    auto* impl = new TensorImpl;
    Ref<TensorImpl> ref(impl);
    impl->storage = Storage::allocate(nbytes, zero);
    impl->sizes = sizes;
    impl->strides = contiguousStrides(sizes);
    impl->numel = numel;
    impl->contiguous = true;
    impl->dtype = dtype;
    impl->device = device;
    return Tensor(std::move(ref));
}

Tensor Tensor::makeView(const Tensor& base, DimVector sizes, DimVector strides, int64_t offset) {
    auto* impl = new TensorImpl;
    Ref<TensorImpl> ref(impl);
    impl->storage = base.impl_->storage;
    impl->sizes = std::move(sizes);
    impl->strides = std::move(strides);
    impl->offset = offset;
    impl->dtype = base.impl_->dtype;
    impl->device = base.impl_->device;
    impl->refresh();
    return Tensor(std::move(ref));
}

Tensor Tensor::fromData(std::span<const double> values, const DimVector& sizes, DType dtype, Device device) {
    Tensor t = empty(sizes, dtype, device, false);
    if (static_cast<int64_t>(values.size()) != t.numel())
        throwValue("fromData: " + std::to_string(values.size()) + " values given for shape " + sizes.str());
    detail::dispatch(dtype, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* out = t.dataAs<T>();
        for (size_t i = 0; i < values.size(); ++i)
            out[i] = detail::castValue<T>(values[i]);
    });
    return t;
}

const Tensor& Tensor::setRequiresGrad(bool value) const {
    if (value && !isFloating(impl_->dtype))
        throwRuntime("only Tensors of floating point and complex dtype can require gradients");
    if (!value && impl_->gradFn)
        throwRuntime("you can only change requires_grad flags of leaf variables. If you want to use a computed "
                     "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    impl_->requiresGrad = value;
    return *this;
}

namespace {
int64_t elementOffset(const TensorImpl& impl, int64_t flatIndex) {
    int64_t off = impl.offset;
    for (size_t d = impl.sizes.size(); d-- > 0;) {
        const int64_t s = impl.sizes[d];
        off += (flatIndex % s) * impl.strides[d];
        flatIndex /= s;
    }
    return off;
}
} // namespace

Scalar Tensor::item() const {
    if (numel() != 1)
        throwRuntime("a Tensor with " + std::to_string(numel()) + " elements cannot be converted to Scalar");
    return elementAt(0);
}

Scalar Tensor::elementAt(int64_t flatIndex) const {
    if (flatIndex < 0 || flatIndex >= numel())
        throwIndex("index " + std::to_string(flatIndex) + " is out of bounds for size " + std::to_string(numel()));
    const char* p = impl_->storage->data() + elementOffset(*impl_, flatIndex) * itemSize();
    return detail::readScalar(p, impl_->dtype);
}

void Tensor::setElementAt(int64_t flatIndex, const Scalar& value) const {
    if (flatIndex < 0 || flatIndex >= numel())
        throwIndex("index " + std::to_string(flatIndex) + " is out of bounds for size " + std::to_string(numel()));
    char* p = impl_->storage->data() + elementOffset(*impl_, flatIndex) * itemSize();
    detail::writeScalar(p, impl_->dtype, value);
}

std::vector<double> Tensor::toDoubles() const {
    std::vector<double> out = scratchVector<double>(numel());
    WorkMeter meter;
    for (int64_t i = 0; i < numel(); ++i) {
        out[static_cast<size_t>(i)] = elementAt(i).toDouble();
        meter.add(1);
    }
    return out;
}

std::vector<int64_t> Tensor::toInts() const {
    std::vector<int64_t> out = scratchVector<int64_t>(numel());
    WorkMeter meter;
    for (int64_t i = 0; i < numel(); ++i) {
        out[static_cast<size_t>(i)] = elementAt(i).toInt();
        meter.add(1);
    }
    return out;
}

std::string Tensor::describe() const {
    if (!defined())
        return "Tensor(undefined)";
    std::string s = "Tensor(shape=" + sizes().str() + ", stride=" + strides().str();
    if (storageOffset() != 0)
        s += ", offset=" + std::to_string(storageOffset());
    s += ", dtype=" + std::string(dtypeName(dtype())) + ", device=" + device().str();
    if (requiresGrad())
        s += ", requires_grad=True";
    if (gradFn())
        s += ", grad_fn=" + std::string(gradFn());
    return s + ")";
}

bool truthValue(const Tensor& t) {
    if (t.numel() > 1)
        throwRuntime("Boolean value of Tensor with more than one value is ambiguous");
    if (t.numel() == 0)
        throwRuntime("Boolean value of Tensor with no values is ambiguous");
    return t.item().toBool();
}

void propagateGrad(const Tensor& out, const char* gradFn, std::span<const Tensor> inputs) {
    if (!GradMode::isEnabled() || !isFloating(out.dtype()))
        return;
    for (const Tensor& t : inputs) {
        if (t.defined() && t.requiresGrad()) {
            out.impl()->requiresGrad = true;
            out.impl()->gradFn = gradFn;
            return;
        }
    }
}

void propagateGrad(const Tensor& out, const char* gradFn, std::initializer_list<const Tensor*> inputs) {
    if (!GradMode::isEnabled() || !isFloating(out.dtype()))
        return;
    for (const Tensor* t : inputs) {
        if (t && t->defined() && t->requiresGrad()) {
            out.impl()->requiresGrad = true;
            out.impl()->gradFn = gradFn;
            return;
        }
    }
}

} // namespace gs::tensor
