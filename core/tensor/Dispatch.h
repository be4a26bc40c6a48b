#pragma once
// Internal to core/tensor: dtype dispatch, value casts with PyTorch/x86 semantics, and the
// strided N-operand loop every elementwise kernel runs on (a much smaller TensorIterator).
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>

#include "core/tensor/DType.h"
#include "core/tensor/Half.h"
#include "core/tensor/RunGuard.h"
#include "core/tensor/Scalar.h"

namespace gs::tensor::detail {

template <class T>
struct TypeTag {
    using type = T;
};

// Complex tensors support only the ops written for them (Complex.cpp); every dtype-generic
// kernel reaching one raises this instead of reading its data as reals.
[[noreturn]] void complexNotImplemented(DType t);
// A complex value with an imaginary part stored into a real tensor.
[[noreturn]] void complexToReal(DType t);

template <class F>
decltype(auto) dispatch(DType t, F&& f) {
    switch (t) {
    case DType::Complex64:
    case DType::Complex128: complexNotImplemented(t);
    case DType::Bool: return f(TypeTag<bool>{});
    case DType::Int32: return f(TypeTag<int32_t>{});
    case DType::Int64: return f(TypeTag<int64_t>{});
    case DType::Float16: return f(TypeTag<Half>{});
    case DType::BFloat16: return f(TypeTag<BFloat16>{});
    case DType::Float32: return f(TypeTag<float>{});
    case DType::Float64: break;
    }
    return f(TypeTag<double>{});
}

template <class T>
inline constexpr bool kIsReduced = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

// The type arithmetic is done in: float for the 16-bit floats, else the type itself.
template <class T>
using Acc = std::conditional_t<kIsReduced<T>, float, T>;

template <class T>
constexpr DType dtypeOf() {
    if constexpr (std::is_same_v<T, bool>) return DType::Bool;
    else if constexpr (std::is_same_v<T, int32_t>) return DType::Int32;
    else if constexpr (std::is_same_v<T, int64_t>) return DType::Int64;
    else if constexpr (std::is_same_v<T, Half>) return DType::Float16;
    else if constexpr (std::is_same_v<T, BFloat16>) return DType::BFloat16;
    else if constexpr (std::is_same_v<T, float>) return DType::Float32;
    else return DType::Float64;
}

// static_cast with defined results where C++ has none: NaN and out-of-range floats become the
// integer minimum (what x86 cvtt* produces, so it matches PyTorch on x86).
template <class To, class From>
inline To castValue(From v) {
    if constexpr (std::is_same_v<To, From>) {
        return v;
    } else if constexpr (kIsReduced<From>) {
        return castValue<To>(static_cast<float>(v));
    } else if constexpr (std::is_same_v<To, bool>) {
        return v != From(0);
    } else if constexpr (kIsReduced<To>) {
        return To(static_cast<float>(v));
    } else if constexpr (std::is_integral_v<To> && std::is_floating_point_v<From>) {
        constexpr From lo = static_cast<From>(std::numeric_limits<To>::min());
        if (!(v >= lo && v < -lo))
            return std::numeric_limits<To>::min();
        return static_cast<To>(v);
    } else {
        return static_cast<To>(v);
    }
}

template <class T>
inline Scalar toScalar(T v) {
    if constexpr (std::is_same_v<T, bool>) return Scalar(v);
    else if constexpr (std::is_integral_v<T>) return Scalar(static_cast<int64_t>(v));
    else return Scalar(static_cast<double>(static_cast<Acc<T>>(v)));
}

template <class T>
inline T fromScalar(const Scalar& s) {
    if constexpr (std::is_same_v<T, bool>) return s.toBool();
    else if constexpr (std::is_integral_v<T>) return s.isFloat() ? castValue<T>(s.toDouble()) : static_cast<T>(s.toInt());
    else return castValue<T>(s.toDouble());
}

inline Scalar readScalar(const char* p, DType t) {
    if (t == DType::Complex64) {
        const auto* c = reinterpret_cast<const float*>(p);  // (re, im), as std::complex<float>
        return Scalar::complex(c[0], c[1]);
    }
    if (t == DType::Complex128) {
        const auto* c = reinterpret_cast<const double*>(p);
        return Scalar::complex(c[0], c[1]);
    }
    return dispatch(t, [&](auto tag) {
        using T = typename decltype(tag)::type;
        return toScalar(*reinterpret_cast<const T*>(p));
    });
}

inline void writeScalar(char* p, DType t, const Scalar& s) {
    if (t == DType::Complex64) {
        auto* c = reinterpret_cast<float*>(p);
        c[0] = static_cast<float>(s.toDouble());
        c[1] = static_cast<float>(s.imag());
        return;
    }
    if (t == DType::Complex128) {
        auto* c = reinterpret_cast<double*>(p);
        c[0] = s.toDouble();
        c[1] = s.imag();
        return;
    }
    if (s.isComplex() && s.imag() != 0.0)  // PyTorch: no silent loss of the imaginary part
        complexToReal(t);
    dispatch(t, [&](auto tag) {
        using T = typename decltype(tag)::type;
        *reinterpret_cast<T*>(p) = fromScalar<T>(s);
    });
}

inline constexpr int kMaxLoopDims = 64;

// Calls inner(ptrs, innerByteStrides, n) for each innermost run of `shape`; operand k starts
// at ptrs[k] and moves by byteStrides[k][d] along dim d. Size-1 dims are dropped and adjacent
// dims merged where every operand allows it, so contiguous data becomes one run. The run guard
// is polled about every RunGuard::kBlock elements (long runs are cut into blocks).
template <size_t N, class F>
void forEachRun(std::span<const int64_t> shape, std::array<char*, N> ptrs,
                const std::array<const int64_t*, N>& byteStrides, F&& inner) {
    int64_t sz[kMaxLoopDims];
    int64_t st[N][kMaxLoopDims];
    int nd = 0;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == 0)
            return;
        if (shape[d] == 1)
            continue;
        bool merged = false;
        if (nd > 0) {
            merged = true;
            for (size_t k = 0; k < N; ++k)
                if (st[k][nd - 1] != byteStrides[k][d] * shape[d])
                    merged = false;
        }
        if (merged) {
            sz[nd - 1] *= shape[d];
            for (size_t k = 0; k < N; ++k)
                st[k][nd - 1] = byteStrides[k][d];
        } else {
            sz[nd] = shape[d];
            for (size_t k = 0; k < N; ++k)
                st[k][nd] = byteStrides[k][d];
            ++nd;
        }
    }
    std::array<int64_t, N> innerStride{};
    if (nd == 0) {
        inner(ptrs, innerStride, int64_t{1});
        return;
    }
    for (size_t k = 0; k < N; ++k)
        innerStride[k] = st[k][nd - 1];
    const int64_t n = sz[nd - 1];
    int64_t idx[kMaxLoopDims] = {};
    int64_t sincePoll = 0;
    for (;;) {
        if (n > RunGuard::kBlock) {
            inBlocks<N>(ptrs, innerStride, n, inner);
        } else {
            inner(ptrs, innerStride, n);
            if ((sincePoll += n) >= RunGuard::kBlock) {
                sincePoll = 0;
                RunGuard::poll();
            }
        }
        int d = nd - 2;
        for (; d >= 0; --d) {
            for (size_t k = 0; k < N; ++k)
                ptrs[k] += st[k][d];
            if (++idx[d] < sz[d])
                break;
            for (size_t k = 0; k < N; ++k)
                ptrs[k] -= st[k][d] * sz[d];
            idx[d] = 0;
        }
        if (d < 0)
            return;
    }
}

} // namespace gs::tensor::detail
