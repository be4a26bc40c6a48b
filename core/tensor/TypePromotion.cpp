#include "core/tensor/TypePromotion.h"

#include <optional>

namespace gs::tensor {

namespace {

using Opt = std::optional<DType>;

Opt promoteOpt(Opt a, DType b) { return a ? promoteTypes(*a, b) : b; }

// c10 combine_categories without complex types.
Opt combine(Opt higher, Opt lower) {
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
