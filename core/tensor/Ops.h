#pragma once
// Everything core/tensor offers, for the engine's torch binding: include this one header.
#include "core/tensor/Broadcast.h"
#include "core/tensor/Closeness.h"
#include "core/tensor/Copy.h"
#include "core/tensor/DType.h"
#include "core/tensor/Device.h"
#include "core/tensor/ElementLimit.h"
#include "core/tensor/Factories.h"
#include "core/tensor/Formatter.h"
#include "core/tensor/Generator.h"
#include "core/tensor/GradMode.h"
#include "core/tensor/Indexing.h"
#include "core/tensor/LinearAlgebra.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/Reductions.h"
#include "core/tensor/ShapeOps.h"
#include "core/tensor/Tensor.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/TypePromotion.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

// Python operators, for C++ callers and tests (the binding calls the named ops).
inline Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
inline Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
inline Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
inline Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
inline Tensor operator+(const Tensor& a, const Scalar& b) { return add(a, b); }
inline Tensor operator-(const Tensor& a, const Scalar& b) { return sub(a, b); }
inline Tensor operator*(const Tensor& a, const Scalar& b) { return mul(a, b); }
inline Tensor operator/(const Tensor& a, const Scalar& b) { return div(a, b); }
inline Tensor operator+(const Scalar& a, const Tensor& b) { return add(a, b); }
inline Tensor operator-(const Scalar& a, const Tensor& b) { return sub(a, b); }
inline Tensor operator*(const Scalar& a, const Tensor& b) { return mul(a, b); }
inline Tensor operator/(const Scalar& a, const Tensor& b) { return div(a, b); }
inline Tensor operator-(const Tensor& a) { return neg(a); }

} // namespace gs::tensor
