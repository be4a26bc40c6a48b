#include "core/tensor/Closeness.h"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Formatter.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

bool closeValue(double a, double b, double rtol, double atol, bool equalNan) {
    if (std::isnan(a) || std::isnan(b))
        return equalNan && std::isnan(a) && std::isnan(b);
    if (a == b)
        return true;
    if (std::isinf(a) || std::isinf(b))
        return false;
    return std::fabs(a - b) <= atol + rtol * std::fabs(b);
}

std::string indexTuple(int64_t flat, const DimVector& shape) {
    if (shape.empty())
        return "()";
    std::vector<int64_t> idx(shape.size());
    for (size_t d = shape.size(); d-- > 0;) {
        idx[d] = flat % shape[d];
        flat /= shape[d];
    }
    std::string s = "(";
    for (size_t i = 0; i < idx.size(); ++i) {
        if (i)
            s += ", ";
        s += std::to_string(idx[i]);
    }
    return s + (idx.size() == 1 ? ",)" : ")");
}

// Python str() of a number as torch.testing prints it (int for integer tensors, float repr otherwise).
std::string numStr(double v, bool integral) {
    if (integral && std::isfinite(v))
        return std::to_string(static_cast<int64_t>(v));
    return pythonFloatRepr(v);
}

std::string diffMsg(const char* type, double diff, const std::string* idx, double tol, bool equality, bool integral) {
    std::string m;
    if (!idx) {
        std::string t = type;
        t[0] = static_cast<char>(std::toupper(t[0]));
        m = t + " difference: " + numStr(diff, integral);
    } else {
        m = std::string("Greatest ") + type + " difference: " + numStr(diff, integral) + " at index " + *idx;
    }
    if (!equality)
        m += " (up to " + pythonFloatRepr(tol) + " allowed)";
    return m + "\n";
}

} // namespace

Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equalNan) {
    if (a.dtype() != b.dtype())
        throwRuntime(std::string(dtypeShortName(a.dtype())) + " did not match " + std::string(dtypeShortName(b.dtype())));
    const Tensor* ts[2] = {&a, &b};
    checkSameDevice(ts);
    if (rtol < 0)
        throwRuntime("rtol must be greater than or equal to zero, but got " + pythonFloatRepr(rtol));
    if (atol < 0)
        throwRuntime("atol must be greater than or equal to zero, but got " + pythonFloatRepr(atol));
    const DimVector shape = broadcastShapes(a.sizes(), b.sizes());
    Tensor ea = expand(detach(a), shape), eb = expand(detach(b), shape);
    Tensor out = Tensor::empty(shape, DType::Bool, a.device(), false);
    bool* o = out.dataAs<bool>();
    for (int64_t i = 0; i < out.numel(); ++i)
        o[i] = closeValue(ea.elementAt(i).toDouble(), eb.elementAt(i).toDouble(), rtol, atol, equalNan);
    return out;
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equalNan) {
    Tensor c = isclose(a, b, rtol, atol, equalNan);
    const bool* p = c.dataAs<bool>();
    for (int64_t i = 0; i < c.numel(); ++i)
        if (!p[i])
            return false;
    return true;
}

bool equal(const Tensor& a, const Tensor& b) {
    const Tensor* ts[2] = {&a, &b};
    checkSameDevice(ts);
    if (!(a.sizes() == b.sizes()))
        return false;
    for (int64_t i = 0; i < a.numel(); ++i) {
        const Scalar x = a.elementAt(i), y = b.elementAt(i);
        if (isFloating(a.dtype()) || isFloating(b.dtype()) ? x.toDouble() != y.toDouble() : x.toInt() != y.toInt())
            return false;
    }
    return true;
}

std::pair<double, double> defaultTolerances(DType dtype) {
    switch (dtype) {
    case DType::Float16: return {1e-3, 1e-5};
    case DType::BFloat16: return {1.6e-2, 1e-5};
    case DType::Float32: return {1.3e-6, 1e-5};
    case DType::Float64: return {1e-7, 1e-7};
    default: return {0.0, 0.0};
    }
}

std::optional<std::string> assertClose(const Tensor& actual, const Tensor& expected, const AssertCloseOptions& o) {
    if (!(actual.sizes() == expected.sizes()))
        return "The values for attribute 'shape' do not match: " + sizeRepr(actual.sizes()) + " != " +
               sizeRepr(expected.sizes()) + ".";
    if (o.checkDevice && actual.device() != expected.device())
        return "The values for attribute 'device' do not match: " + actual.device().str() + " != " +
               expected.device().str() + ".";
    if (o.checkDtype && actual.dtype() != expected.dtype())
        return "The values for attribute 'dtype' do not match: " + std::string(dtypeReprName(actual.dtype())) +
               " != " + std::string(dtypeReprName(expected.dtype())) + ".";
    // Without the dtype check both sides go to their promoted type first (as torch does).
    const DType common = promoteTypes(actual.dtype(), expected.dtype());
    auto [defR, defA] = defaultTolerances(common);
    if (o.rtol.has_value() != o.atol.has_value())
        throwValue("Both 'rtol' and 'atol' must be either specified or omitted, but got no " +
                   std::string(o.rtol ? "atol" : "rtol") + ".");
    const double rtol = o.rtol.value_or(defR), atol = o.atol.value_or(defA);
    const bool integral = !isFloating(common);
    const int64_t n = actual.numel();
    int64_t mismatches = 0;
    double maxAbs = 0, maxRel = 0;
    int64_t maxAbsIdx = 0, maxRelIdx = 0;
    double firstA = 0, firstE = 0;
    for (int64_t i = 0; i < n; ++i) {
        double a = actual.elementAt(i).toDouble(), e = expected.elementAt(i).toDouble();
        if (common == DType::Float32 || common == DType::Float16 || common == DType::BFloat16) {
            a = static_cast<float>(a);
            e = static_cast<float>(e);
        }
        if (closeValue(a, e, rtol, atol, o.equalNan))
            continue;
        if (mismatches == 0) {
            firstA = a;
            firstE = e;
        }
        ++mismatches;
        double absd = std::fabs(a - e);
        double reld = absd / std::fabs(e);
        if (common == DType::Float32 || common == DType::Float16 || common == DType::BFloat16) {
            absd = static_cast<float>(absd); // computed in the tensor's dtype by torch
            reld = static_cast<float>(static_cast<float>(absd) / static_cast<float>(std::fabs(e)));
        } else if (integral) { // int64 difference, true division -> default float dtype
            reld = static_cast<float>(absd / std::fabs(e));
        }
        if (absd > maxAbs || std::isnan(absd) || mismatches == 1) {
            if (!(std::isnan(maxAbs) && mismatches > 1)) {
                maxAbs = absd;
                maxAbsIdx = i;
            }
        }
        if (reld > maxRel || std::isnan(reld) || mismatches == 1) {
            if (!(std::isnan(maxRel) && mismatches > 1)) {
                maxRel = reld;
                maxRelIdx = i;
            }
        }
    }
    if (mismatches == 0)
        return std::nullopt;
    const bool equality = rtol == 0 && atol == 0;
    std::string msg;
    if (actual.dim() == 0) {
        msg = std::string("Scalars are not ") + (equality ? "equal" : "close") + "!\n\n";
        auto show = [&](double v) {
            return common == DType::Bool ? std::string(v != 0 ? "True" : "False") : numStr(v, integral);
        };
        msg += "Expected " + show(firstE) + " but got " + show(firstA) + ".\n";
        const double absd = std::fabs(firstA - firstE);
        const double reld = firstE == 0 ? INFINITY : absd / std::fabs(firstE);
        msg += diffMsg("absolute", absd, nullptr, atol, equality, integral);
        msg += diffMsg("relative", reld, nullptr, rtol, equality, false);
    } else {
        msg = std::string("Tensor-likes are not ") + (equality ? "equal" : "close") + "!\n\n";
        char pct[64];
        std::snprintf(pct, sizeof pct, "%.1f%%", 100.0 * static_cast<double>(mismatches) / static_cast<double>(n));
        msg += "Mismatched elements: " + std::to_string(mismatches) + " / " + std::to_string(n) + " (" + pct + ")\n";
        const std::string ai = indexTuple(maxAbsIdx, actual.sizes()), ri = indexTuple(maxRelIdx, actual.sizes());
        msg += diffMsg("absolute", maxAbs, &ai, atol, equality, integral);
        msg += diffMsg("relative", maxRel, &ri, rtol, equality, false);
    }
    while (!msg.empty() && msg.back() == '\n')
        msg.pop_back();
    return msg;
}

} // namespace gs::tensor
