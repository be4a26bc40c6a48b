#include "core/tensor/TypePromotion.h"

#include <optional>

namespace gs::tensor {

namespace {

using Opt = std::optional<DType>;

Opt promoteOpt(Opt a, DType b) { return a ? promoteTypes(*a, b) : b; }

// c10 combine_categories (bool < integral < floating < complex).
Opt combine(Opt higher, Opt lower) {
    if (higher && isComplex(*higher))
        return higher;
    if (lower && isComplex(*lower)) {
        // a floating tensor keeps its precision: float64 tensor * 1j -> complex128
        if (higher && isFloating(*higher))
            return toComplex(*higher);
        return lower;
    }
    if (higher && isFloating(*higher))
        return higher;
    if (higher && (*higher == DType::Bool || (lower && isFloating(*lower))))
        return lower ? promoteTypes(*higher, *lower) : higher;
    if (higher)
        return higher;
    return lower;
}

} // namespace

DType resultType(std::initializer_list<Operand> operands) {
    Opt dimResult, zeroResult, wrappedResult;
    for (const Operand& op : operands) {
        if (op.isScalar()) {
            DType t = op.scalar.dtype();
            if (isFloating(t))
                t = defaultFloatDType();
            else if (isComplex(t))
                t = toComplex(defaultFloatDType());  // the default complex dtype
            wrappedResult = promoteOpt(wrappedResult, t);
        } else if (op.tensor->dim() > 0) {
            dimResult = promoteOpt(dimResult, op.tensor->dtype());
        } else {
            zeroResult = promoteOpt(zeroResult, op.tensor->dtype());
        }
    }
    Opt r = combine(dimResult, combine(zeroResult, wrappedResult));
    return r.value_or(defaultFloatDType());
}

DType resultType(const Tensor& a, const Tensor& b) { return resultType({Operand(a), Operand(b)}); }
DType resultType(const Tensor& a, const Scalar& b) { return resultType({Operand(a), Operand(b)}); }

} // namespace gs::tensor
