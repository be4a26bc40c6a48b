#pragma once
// Internal to core/tensor: the loops behind elementwise ops. Operands are already in the
// compute dtype; a Python scalar operand is a single value with stride 0. Contiguous runs get
// a tight loop the compiler can vectorise; everything else walks byte strides.
#include <array>

#include "core/tensor/Dispatch.h"
#include "core/tensor/Tensor.h"

namespace gs::tensor::detail {

// A kernel operand: first element and per-dim byte strides aligned to the output shape.
struct KernelArg {
    char* data = nullptr;
    DimVector byteStrides;
    bool dense = false; // contiguous with exactly the output's sizes
};

inline KernelArg tensorArg(const Tensor& t, const DimVector& shape) {
    KernelArg a;
    a.data = t.data();
    const size_t nd = shape.size();
    if (t.isContiguous() && t.sizes() == shape) {
        a.dense = true;
        return a;
    }
    a.byteStrides = DimVector(nd, 0);
    const size_t off = nd - t.sizes().size();
    const int64_t item = t.itemSize();
    for (size_t i = 0; i < t.sizes().size(); ++i)
        a.byteStrides[off + i] = t.sizes()[i] == 1 ? 0 : t.strides()[i] * item;
    return a;
}

inline KernelArg scalarArg(char* value, size_t nd) {
    KernelArg a;
    a.data = value;
    a.byteStrides = DimVector(nd, 0);
    return a;
}

inline void fillDenseStrides(KernelArg& a, const Tensor& out, int64_t item) {
    if (!a.dense)
        return;
    a.byteStrides = out.sizes().empty() ? DimVector() : contiguousStrides(out.sizes());
    for (auto& s : a.byteStrides)
        s *= item;
}

// out[i] = f(a[i], b[i]) with I the input storage type, O the output storage type.
// a and b are the caller's and used up here (their strides may be filled in): no copies per call.
template <class O, class I, class F>
void runBinaryKernel(const Tensor& out, KernelArg& a, KernelArg& b, F f) {
    using A = Acc<I>;
    auto inner = [&f](std::array<char*, 3> p, std::array<int64_t, 3> st, int64_t n) {
        O* o = reinterpret_cast<O*>(p[0]);
        const I* x = reinterpret_cast<const I*>(p[1]);
        const I* y = reinterpret_cast<const I*>(p[2]);
        constexpr int64_t so = sizeof(O), si = sizeof(I);
        if (st[0] == so && st[1] == si && st[2] == si) {
            for (int64_t i = 0; i < n; ++i)
                o[i] = castValue<O>(f(static_cast<A>(x[i]), static_cast<A>(y[i])));
        } else if (st[0] == so && st[1] == si && st[2] == 0) {
            const A yv = static_cast<A>(*y);
            for (int64_t i = 0; i < n; ++i)
                o[i] = castValue<O>(f(static_cast<A>(x[i]), yv));
        } else if (st[0] == so && st[1] == 0 && st[2] == si) {
            const A xv = static_cast<A>(*x);
            for (int64_t i = 0; i < n; ++i)
                o[i] = castValue<O>(f(xv, static_cast<A>(y[i])));
        } else {
            for (int64_t i = 0; i < n; ++i)
                *reinterpret_cast<O*>(p[0] + i * st[0]) =
                    castValue<O>(f(static_cast<A>(*reinterpret_cast<const I*>(p[1] + i * st[1])),
                                   static_cast<A>(*reinterpret_cast<const I*>(p[2] + i * st[2]))));
        }
    };
    const bool aFlat = a.dense || (a.byteStrides.size() == 0) || a.byteStrides == DimVector(a.byteStrides.size(), 0);
    const bool bFlat = b.dense || (b.byteStrides.size() == 0) || b.byteStrides == DimVector(b.byteStrides.size(), 0);
    if (out.isContiguous() && aFlat && bFlat) {
        inBlocks<3>({out.data(), a.data, b.data},
                    {static_cast<int64_t>(sizeof(O)), a.dense ? static_cast<int64_t>(sizeof(I)) : 0,
                     b.dense ? static_cast<int64_t>(sizeof(I)) : 0},
                    out.numel(), inner);
        return;
    }
    fillDenseStrides(a, out, sizeof(I));
    fillDenseStrides(b, out, sizeof(I));
    DimVector os = out.strides();
    for (auto& s : os)
        s *= static_cast<int64_t>(sizeof(O));
    forEachRun<3>(out.sizes(), {out.data(), a.data, b.data}, {os.data(), a.byteStrides.data(), b.byteStrides.data()},
                  inner);
}

template <class O, class I, class F>
void runUnaryKernel(const Tensor& out, KernelArg a, F f) {
    using A = Acc<I>;
    auto inner = [&f](std::array<char*, 2> p, std::array<int64_t, 2> st, int64_t n) {
        if (st[0] == sizeof(O) && st[1] == sizeof(I)) {
            O* o = reinterpret_cast<O*>(p[0]);
            const I* x = reinterpret_cast<const I*>(p[1]);
            for (int64_t i = 0; i < n; ++i)
                o[i] = castValue<O>(f(static_cast<A>(x[i])));
        } else {
            for (int64_t i = 0; i < n; ++i)
                *reinterpret_cast<O*>(p[0] + i * st[0]) =
                    castValue<O>(f(static_cast<A>(*reinterpret_cast<const I*>(p[1] + i * st[1]))));
        }
    };
    if (out.isContiguous() && a.dense) {
        inBlocks<2>({out.data(), a.data}, {static_cast<int64_t>(sizeof(O)), static_cast<int64_t>(sizeof(I))},
                    out.numel(), inner);
        return;
    }
    fillDenseStrides(a, out, sizeof(I));
    DimVector os = out.strides();
    for (auto& s : os)
        s *= static_cast<int64_t>(sizeof(O));
    forEachRun<2>(out.sizes(), {out.data(), a.data}, {os.data(), a.byteStrides.data()}, inner);
}

} // namespace gs::tensor::detail
