// unittest's assertEqual on tensors, as torch.testing._internal.common_utils.TestCase does it:
// tensor pairs go through assert_close (dtype-based tolerances, equal_nan=True, shapes and
// dtypes must match, devices need not), a one-element tensor against a Python number is a
// scalar comparison (RelaxedNumberPair: float32 tolerances when a float is involved, exact for
// ints), and a tensor against a list / tuple / other number converts it with torch.as_tensor
// first (no dtype check). Pairs without a tensor are not handled here.
#include <cmath>
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/tensor/Closeness.h"
#include "core/tensor/Factories.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::EqualityResult;
using runtime::Value;
using tensor::Tensor;

namespace {

std::string numberRepr(const tensor::Scalar& s) { return s.repr(); }

std::string diffRepr(double v, bool integral) {
    if (integral && std::isfinite(v)) return std::to_string(static_cast<int64_t>(v));
    return tensor::pythonFloatRepr(v);
}

// torch.testing NumberPair.compare + make_scalar_mismatch_msg.
EqualityResult compareScalars(const tensor::Scalar& actual, const tensor::Scalar& expected) {
    const bool anyFloat = actual.isFloat() || expected.isFloat();
    const double rtol = anyFloat ? 1.3e-6 : 0.0, atol = anyFloat ? 1e-5 : 0.0;
    const double a = actual.toDouble(), e = expected.toDouble();
    if (a == e || (std::isnan(a) && std::isnan(e))) return {EqualityResult::Kind::Equal, {}};
    const double absDiff = std::fabs(a - e);
    if (std::isfinite(absDiff) && absDiff <= atol + rtol * std::fabs(e)) return {EqualityResult::Kind::Equal, {}};
    const bool equality = rtol == 0 && atol == 0;
    const double relDiff = e == 0 ? INFINITY : absDiff / std::fabs(e);
    std::string msg = std::string("Scalars are not ") + (equality ? "equal" : "close") + "!\n\n";
    msg += "Expected " + numberRepr(expected) + " but got " + numberRepr(actual) + ".\n";
    msg += "Absolute difference: " + diffRepr(absDiff, !anyFloat);
    if (!equality) msg += " (up to " + tensor::pythonFloatRepr(atol) + " allowed)";
    msg += "\nRelative difference: " + tensor::pythonFloatRepr(relDiff);
    if (!equality) msg += " (up to " + tensor::pythonFloatRepr(rtol) + " allowed)";
    return {EqualityResult::Kind::NotEqual, msg};
}

EqualityResult fromMessage(const std::optional<std::string>& msg) {
    if (!msg) return {EqualityResult::Kind::Equal, {}};
    return {EqualityResult::Kind::NotEqual, *msg};
}

// A Python value (number, nested list/tuple) as a tensor, like torch.as_tensor.
std::optional<Tensor> asTensor(TorchContext& ctx, const Value& v) {
    tensor::NestedValue data;
    std::function<bool(const Value&, tensor::NestedValue&)> conv = [&](const Value& x, tensor::NestedValue& out) -> bool {
        if (isSequence(ctx, x)) {
            tensor::NestedValue::List items;
            for (const Value& item : sequenceItems(x)) {
                items.emplace_back();
                if (!conv(item, items.back())) return false;
            }
            out = tensor::NestedValue(std::move(items));
            return true;
        }
        if (TensorObject* t = tensorObj(ctx, x)) {
            if (t->tensor.numel() != 1) return false;
            tensor::Scalar s = t->tensor.item();
            out = s.isBool() ? tensor::NestedValue(s.toBool()) : s.isInt() ? tensor::NestedValue(s.toInt()) : tensor::NestedValue(s.toDouble());
            return true;
        }
        tensor::Scalar s;
        if (!scalarOf(x, s)) return false;
        out = s.isBool() ? tensor::NestedValue(s.toBool()) : s.isInt() ? tensor::NestedValue(s.toInt()) : tensor::NestedValue(s.toDouble());
        return true;
    };
    if (!conv(v, data)) return std::nullopt;
    return tensor::tensor(data);
}

EqualityResult compare(TorchContext& ctx, const Value& a, const Value& b) {
    TensorObject* ta = tensorObj(ctx, a);
    TensorObject* tb = tensorObj(ctx, b);
    if (!ta && !tb) return {};
    tensor::AssertCloseOptions options;
    options.equalNan = true;     // common_utils.TestCase.assertEqual(equal_nan=True)
    options.checkDevice = false;  // exact_device=False
    if (ta && tb) return fromMessage(tensor::assertClose(ta->tensor, tb->tensor, options));
    // One side is not a tensor.
    const Value& other = ta ? b : a;
    const Tensor& t = ta ? ta->tensor : tb->tensor;
    tensor::Scalar s;
    if (scalarOf(other, s) && t.numel() == 1) {
        const tensor::Scalar ts = t.item();
        return ta ? compareScalars(ts, s) : compareScalars(s, ts);
    }
    std::optional<Tensor> converted = asTensor(ctx, other);
    if (!converted) return {};
    options.checkDtype = false;
    return fromMessage(ta ? tensor::assertClose(t, *converted, options) : tensor::assertClose(*converted, t, options));
}

} // namespace

void installEqualityHook(runtime::Interpreter& interp, TorchContext& ctx) {
    TorchContext* c = &ctx;
    interp.setEqualityHook([c](const Value& a, const Value& b) -> EqualityResult {
        return runGuarded([&] { return compare(*c, a, b); });
    });
}

} // namespace gs::torch
