#pragma once
// A Python number (bool, int, float or complex) as an op operand. In type promotion such an operand is a
// "wrapped number": it only decides the result dtype when it is of a higher category than the
// tensors (c10 ResultTypeState::wrappedResult).
#include <concepts>
#include <cstdint>
#include <string>

#include "core/tensor/DType.h"

namespace gs::tensor {

class Scalar {
public:
    enum class Kind : uint8_t { Bool, Int, Float, Complex };

    Scalar() = default;
    Scalar(bool v) : kind_(Kind::Bool), i_(v ? 1 : 0), d_(v ? 1.0 : 0.0) {} // NOLINT
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    Scalar(T v) : kind_(Kind::Int), i_(static_cast<int64_t>(v)), d_(static_cast<double>(v)) {} // NOLINT
    template <std::floating_point T>
    Scalar(T v) : kind_(Kind::Float), i_(0), d_(static_cast<double>(v)) {} // NOLINT

    static Scalar complex(double re, double im) {
        Scalar s(re);
        s.kind_ = Kind::Complex;
        s.im_ = im;
        return s;
    }

    Kind kind() const { return kind_; }
    bool isComplex() const { return kind_ == Kind::Complex; }
    double imag() const { return im_; }  // 0 unless complex
    bool isBool() const { return kind_ == Kind::Bool; }
    bool isInt() const { return kind_ == Kind::Int; }
    bool isFloat() const { return kind_ == Kind::Float; }
    double toDouble() const { return d_; }  // the real part of a complex
    // Float -> int truncates toward zero (Python int()).
    int64_t toInt() const { return kind_ == Kind::Float || kind_ == Kind::Complex ? static_cast<int64_t>(d_) : i_; }
    bool toBool() const { return kind_ == Kind::Float ? d_ != 0.0 : kind_ == Kind::Complex ? (d_ != 0.0 || im_ != 0.0) : i_ != 0; }
    // The dtype of torch.tensor(value): bool, int64, float64 (the wrapped-number rule then maps
    // float64 to the default dtype).
    DType dtype() const {
        return kind_ == Kind::Bool ? DType::Bool : kind_ == Kind::Int ? DType::Int64 : kind_ == Kind::Complex ? DType::Complex128 : DType::Float64;
    }
    // Python repr: True, 3, 2.5
    std::string repr() const;

    friend bool operator==(const Scalar& a, const Scalar& b) {
        if (a.kind_ != b.kind_) return false;
        if (a.kind_ == Kind::Complex) return a.d_ == b.d_ && a.im_ == b.im_;
        return a.kind_ == Kind::Float ? a.d_ == b.d_ : a.i_ == b.i_;
    }

private:
    Kind kind_ = Kind::Int;
    int64_t i_ = 0;
    double d_ = 0.0;
    double im_ = 0.0;
};

// Python repr() of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
std::string pythonFloatRepr(double v);

} // namespace gs::tensor
