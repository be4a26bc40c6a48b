#include "core/tensor/Copy.h"

#include <algorithm>
#include <numeric>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/GradMode.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace detail {

void complexNotImplemented(DType t) {
    throwRuntime("this operation is not implemented for '" + std::string(dtypeShortName(t)) +
                 "' tensors in Guardscope (complex tensors support creation, conversion, + - * /, neg, ==, != "
                 "and printing)");
}

void complexToReal(DType t) {
    throwRuntime("value cannot be converted to type " + std::string(dtypeCppName(t)) + " without overflow");
}

namespace {
// One element at a time through Scalar: complex tensors are rare and small in scenarios.
void copyWithComplex(const Tensor& dst, const Tensor& src, const DimVector& dstB, const DimVector& srcB) {
    const DType dt = dst.dtype(), st = src.dtype();
    forEachRun<2>(dst.sizes(), {dst.data(), src.data()}, {dstB.data(), srcB.data()},
                  [dt, st](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                      for (int64_t i = 0; i < n; ++i) {
                          Scalar v = readScalar(p[1] + i * s[1], st);
                          // complex -> real keeps the real part (PyTorch warns and discards it)
                          if (!isComplex(dt) && v.isComplex()) v = Scalar(v.toDouble());
                          writeScalar(p[0] + i * s[0], dt, v);
                      }
                  });
}
} // namespace

void copyElements(const Tensor& dst, const Tensor& src) {
    if (dst.numel() == 0)
        return;
    const DimVector dstB = [&] {
        DimVector s = dst.strides();
        for (auto& v : s)
            v *= dst.itemSize();
        return s;
    }();
    const DimVector srcB = [&] {
        DimVector s = src.strides();
        for (auto& v : s)
            v *= src.itemSize();
        return s;
    }();
    if (isComplex(dst.dtype()) || isComplex(src.dtype())) {
        copyWithComplex(dst, src, dstB, srcB);
        return;
    }
    dispatch(dst.dtype(), [&](auto dtag) {
        using D = typename decltype(dtag)::type;
        dispatch(src.dtype(), [&](auto stag) {
            using S = typename decltype(stag)::type;
            forEachRun<2>(dst.sizes(), {dst.data(), src.data()}, {dstB.data(), srcB.data()},
                          [](std::array<char*, 2> p, std::array<int64_t, 2> st, int64_t n) {
                              if (st[0] == sizeof(D) && st[1] == sizeof(S)) {
                                  D* o = reinterpret_cast<D*>(p[0]);
                                  const S* in = reinterpret_cast<const S*>(p[1]);
                                  for (int64_t i = 0; i < n; ++i)
                                      o[i] = castValue<D>(in[i]);
                              } else {
                                  for (int64_t i = 0; i < n; ++i)
                                      *reinterpret_cast<D*>(p[0] + i * st[0]) =
                                          castValue<D>(*reinterpret_cast<const S*>(p[1] + i * st[1]));
                              }
                          });
        });
    });
}

} // namespace detail

bool isNonOverlappingAndDense(const Tensor& t) {
    if (t.isContiguous())
        return true;
    const size_t nd = t.sizes().size();
    std::vector<size_t> perm(nd);
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(), [&](size_t a, size_t b) {
        if (t.sizes()[a] < 2)
            return false;
        if (t.sizes()[b] < 2)
            return true;
        return t.strides()[a] < t.strides()[b];
    });
    int64_t expected = 1;
    for (size_t i : perm) {
        const int64_t size = t.sizes()[i];
        if (size == 1)
            continue;
        if (t.strides()[i] != expected)
            return false;
        expected *= size;
    }
    return true;
}

Tensor emptyLike(const Tensor& self, std::optional<DType> dtype, bool zero) {
    const DType dt = dtype.value_or(self.dtype());
    if (self.isContiguous() || !isNonOverlappingAndDense(self))
        return Tensor::empty(self.sizes(), dt, self.device(), zero);
    // Same stride order as self (c10 infer_dense_strides).
    const size_t nd = self.sizes().size();
    std::vector<size_t> perm(nd);
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(), [&](size_t a, size_t b) {
        if (self.strides()[a] != self.strides()[b])
            return self.strides()[a] < self.strides()[b];
        return self.sizes()[a] < self.sizes()[b];
    });
    DimVector strides(nd);
    int64_t next = 1;
    for (size_t i : perm) {
        strides[i] = next;
        next *= std::max<int64_t>(self.sizes()[i], 1);
    }
    Tensor base = Tensor::empty({self.numel()}, dt, self.device(), zero);
    return Tensor::makeView(base, self.sizes(), strides, 0);
}

Tensor clone(const Tensor& self) {
    Tensor out = emptyLike(self, std::nullopt, false);
    detail::copyElements(out, self);
    propagateGrad(out, "CloneBackward0", {&self});
    return out;
}

Tensor contiguous(const Tensor& self) {
    if (self.isContiguous())
        return self;
    Tensor out = Tensor::empty(self.sizes(), self.dtype(), self.device(), false);
    detail::copyElements(out, self);
    propagateGrad(out, "CloneBackward0", {&self});
    return out;
}

Tensor to(const Tensor& self, Device device, DType dtype, bool copy) {
    if (!copy && device == self.device() && dtype == self.dtype())
        return self;
    Tensor out = emptyLike(self, dtype, false);
    out.impl()->device = device;
    detail::copyElements(out, self);
    propagateGrad(out, "ToCopyBackward0", {&self});
    return out;
}

Tensor to(const Tensor& self, DType dtype, bool copy) { return to(self, self.device(), dtype, copy); }
Tensor to(const Tensor& self, Device device, bool copy) { return to(self, device, self.dtype(), copy); }

void checkInplaceTarget(const Tensor& self) {
    if (GradMode::isEnabled() && self.requiresGrad() && self.isLeaf())
        throwRuntime("a leaf Variable that requires grad is being used in an in-place operation.");
    for (size_t i = 0; i < self.sizes().size(); ++i) {
        if (self.sizes()[i] > 1 && self.strides()[i] == 0)
            throwRuntime("unsupported operation: more than one element of the written-to tensor refers to a single "
                         "memory location. Please clone() the tensor before performing the operation.");
    }
}

const Tensor& copy_(const Tensor& self, const Tensor& src) {
    checkInplaceTarget(self);
    if (self.is(src))
        return self;
    const DimVector shape = broadcastShapes(self.sizes(), src.sizes());
    if (!(shape == self.sizes()))
        throwRuntime("output with shape " + self.sizes().str() + " doesn't match the broadcast shape " + shape.str());
    Tensor source = src;
    if (src.sharesStorage(self))
        source = clone(detach(src));
    detail::copyElements(self, expand(detach(source), self.sizes()));
    propagateGrad(self, "CopyBackwards", {&src});
    return self;
}

const Tensor& fill_(const Tensor& self, const Scalar& value) {
    checkInplaceTarget(self);
    if (self.numel() == 0)
        return self;
    DimVector bstrides = self.strides();
    for (auto& v : bstrides)
        v *= self.itemSize();
    if (isComplex(self.dtype()) || value.isComplex()) {
        const DType dt = self.dtype();
        detail::forEachRun<1>(self.sizes(), {self.data()}, {bstrides.data()},
                              [dt, &value](std::array<char*, 1> p, std::array<int64_t, 1> st, int64_t n) {
                                  for (int64_t i = 0; i < n; ++i)
                                      detail::writeScalar(p[0] + i * st[0], dt, value);
                              });
        return self;
    }
    detail::dispatch(self.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        const T v = detail::fromScalar<T>(value);
        const int64_t* bs = bstrides.data();
        detail::forEachRun<1>(self.sizes(), {self.data()}, {bs}, [v](std::array<char*, 1> p, std::array<int64_t, 1> st, int64_t n) {
            for (int64_t i = 0; i < n; ++i)
                *reinterpret_cast<T*>(p[0] + i * st[0]) = v;
        });
    });
    return self;
}

const Tensor& fill_(const Tensor& self, const Tensor& value) {
    if (value.dim() != 0)
        throwRuntime("fill_ only supports 0-dimension value tensor but got tensor with " + std::to_string(value.dim()) +
                     " dimensions.");
    fill_(self, value.item());
    propagateGrad(self, "FillBackward1", {&value});
    return self;
}

const Tensor& zero_(const Tensor& self) { return fill_(self, Scalar(int64_t{0})); }

} // namespace gs::tensor
