#include "core/tensor/Reductions.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/tensor/Copy.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

Tensor full_like_value(const Tensor& t, double v);

namespace {

// The input rearranged so each output element reduces one contiguous row of `inner` values.
struct Plan {
    DimVector keptShape;  // output shape with keepdim
    DimVector finalShape; // output shape as requested
    int64_t outer = 1, inner = 1;
    std::vector<double> f; // values when the work type is floating
    std::vector<int64_t> i; // values when integral/bool
    bool floating = false;
};

std::vector<bool> dimMask(const Tensor& x, const DimVector& dims) {
    const int64_t nd = x.dim();
    std::vector<bool> mask(static_cast<size_t>(std::max<int64_t>(nd, 1)), dims.empty());
    if (dims.empty())
        return mask;
    std::vector<bool> seen(mask.size(), false);
    for (int64_t d : dims) {
        const auto w = static_cast<size_t>(wrapDim(d, nd));
        if (seen[w])
            throwRuntime("dim " + std::to_string(w) + " appears multiple times in the list of dims");
        seen[w] = true;
        mask[w] = true;
    }
    return mask;
}

Plan makePlan(const Tensor& x, const std::vector<bool>& mask, bool keepdim, bool floating) {
    Plan p;
    p.floating = floating;
    std::vector<int64_t> order;
    for (int64_t d = 0; d < x.dim(); ++d) {
        const int64_t s = x.sizes()[static_cast<size_t>(d)];
        if (!mask[static_cast<size_t>(d)]) {
            order.push_back(d);
            p.keptShape.push_back(s);
            p.finalShape.push_back(s);
            p.outer *= s;
        } else {
            p.keptShape.push_back(1);
            if (keepdim)
                p.finalShape.push_back(1);
        }
    }
    for (int64_t d = 0; d < x.dim(); ++d)
        if (mask[static_cast<size_t>(d)]) {
            order.push_back(d);
            p.inner *= x.sizes()[static_cast<size_t>(d)];
        }
    // One pass: gather in reduction order and widen to double / int64 at the same time.
    Tensor work = contiguous(permute(detach(x), DimVector(order)));
    const auto n = static_cast<size_t>(work.numel());
    detail::dispatch(work.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        const T* src = work.dataAs<T>();
        WorkMeter meter;
        if (floating) {
            p.f = scratchVector<double>(static_cast<int64_t>(n));
            for (size_t k = 0; k < n; ++k) {
                p.f[k] = static_cast<double>(static_cast<detail::Acc<T>>(src[k]));
                meter.add(1);
            }
        } else {
            p.i = scratchVector<int64_t>(static_cast<int64_t>(n));
            for (size_t k = 0; k < n; ++k) {
                p.i[k] = detail::castValue<int64_t>(src[k]);
                meter.add(1);
            }
        }
    });
    return p;
}

template <class V>
Tensor makeOut(const Plan& p, DType dtype, Device device, const std::vector<V>& values) {
    Tensor out = Tensor::empty(p.finalShape, dtype, device, false);
    detail::dispatch(dtype, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* o = out.dataAs<T>();
        for (size_t k = 0; k < values.size(); ++k)
            o[k] = detail::castValue<T>(values[k]);
    });
    return out;
}

[[noreturn]] void emptyReduction(std::string_view name, const std::vector<bool>& mask, const Tensor& x) {
    for (size_t d = 0; d < mask.size() && static_cast<int64_t>(d) < x.dim(); ++d)
        if (mask[d] && x.sizes()[d] == 0)
            throwIndex(std::string(name) + "(): Expected reduction dim " + std::to_string(d) +
                       " to have non-zero size.");
    throwRuntime(std::string(name) + "(): Expected reduction dim to be specified for input.numel() == 0. Specify "
                 "the reduction dim with the 'dim' argument.");
}

enum class Kind { Sum, Prod, Max, Min };

Tensor reduceSimple(const Tensor& x, const DimVector& dims, bool keepdim, DType outType, Kind kind, const char* grad,
                    std::string_view name) {
    const std::vector<bool> mask = dimMask(x, dims);
    const bool floating = isFloating(x.dtype()) || isFloating(outType);
    Plan p = makePlan(x, mask, keepdim, floating);
    if ((kind == Kind::Max || kind == Kind::Min) && p.inner == 0 && p.outer > 0)
        emptyReduction(name, mask, x);
    Tensor out;
    if (floating) {
        std::vector<double> r = scratchVector<double>(p.outer);
        WorkMeter meter;
        for (int64_t o = 0; o < p.outer; ++o) {
            meter.add(p.inner + 1);
            const double* row = p.f.data() + o * p.inner;
            double acc = kind == Kind::Sum ? 0.0 : kind == Kind::Prod ? 1.0 : row[0];
            for (int64_t k = 0; k < p.inner; ++k) {
                const double v = row[k];
                switch (kind) {
                case Kind::Sum: acc += v; break;
                case Kind::Prod: acc *= v; break;
                case Kind::Max: acc = (std::isnan(acc) || std::isnan(v)) ? std::numeric_limits<double>::quiet_NaN() : std::max(acc, v); break;
                case Kind::Min: acc = (std::isnan(acc) || std::isnan(v)) ? std::numeric_limits<double>::quiet_NaN() : std::min(acc, v); break;
                }
            }
            r[static_cast<size_t>(o)] = acc;
        }
        out = makeOut(p, outType, x.device(), r);
    } else {
        std::vector<int64_t> r = scratchVector<int64_t>(p.outer);
        WorkMeter meter;
        for (int64_t o = 0; o < p.outer; ++o) {
            meter.add(p.inner + 1);
            const int64_t* row = p.i.data() + o * p.inner;
            uint64_t acc = kind == Kind::Sum ? 0 : kind == Kind::Prod ? 1 : static_cast<uint64_t>(row[0]);
            int64_t best = p.inner > 0 ? row[0] : 0;
            for (int64_t k = 0; k < p.inner; ++k) {
                switch (kind) { // unsigned: wraps like ATen instead of overflowing
                case Kind::Sum: acc += static_cast<uint64_t>(row[k]); break;
                case Kind::Prod: acc *= static_cast<uint64_t>(row[k]); break;
                case Kind::Max: best = std::max(best, row[k]); break;
                case Kind::Min: best = std::min(best, row[k]); break;
                }
            }
            r[static_cast<size_t>(o)] = (kind == Kind::Max || kind == Kind::Min) ? best : static_cast<int64_t>(acc);
        }
        out = makeOut(p, outType, x.device(), r);
    }
    propagateGrad(out, grad, {&x});
    return out;
}

DType sumType(const Tensor& x, std::optional<DType> dtype) {
    if (dtype)
        return *dtype;
    return isIntegral(x.dtype(), true) ? DType::Int64 : x.dtype();
}

DType meanType(const Tensor& x, std::optional<DType> dtype) {
    const DType t = dtype.value_or(x.dtype());
    if (!isFloating(t))
        throwRuntime(std::string("mean(): could not infer output dtype. ") +
                     (dtype ? "Optional dtype" : "Input dtype") +
                     " must be either a floating point or complex dtype. Got: " + std::string(dtypeShortName(t)));
    return t;
}

ValuesIndices maxMinDim(const Tensor& x, int64_t dim, bool keepdim, bool isMax) {
    const int64_t d = wrapDim(dim, x.dim());
    const std::vector<bool> mask = dimMask(x, {d});
    const bool floating = isFloating(x.dtype());
    Plan p = makePlan(x, mask, keepdim, floating);
    const char* name = isMax ? "max" : "min";
    if (p.inner == 0)
        throwIndex(std::string(name) + "(): Expected reduction dim " + std::to_string(d) + " to have non-zero size.");
    std::vector<double> vals = scratchVector<double>(p.outer);
    std::vector<int64_t> ivals = scratchVector<int64_t>(p.outer), idx = scratchVector<int64_t>(p.outer);
    WorkMeter meter;
    for (int64_t o = 0; o < p.outer; ++o) {
        meter.add(p.inner + 1);
        int64_t bestK = 0;
        for (int64_t k = 1; k < p.inner; ++k) {
            if (floating) {
                const double* row = p.f.data() + o * p.inner;
                if (std::isnan(row[bestK]))
                    break;
                if (std::isnan(row[k]) || (isMax ? row[k] > row[bestK] : row[k] < row[bestK]))
                    bestK = k;
            } else {
                const int64_t* row = p.i.data() + o * p.inner;
                if (isMax ? row[k] > row[bestK] : row[k] < row[bestK])
                    bestK = k;
            }
        }
        idx[static_cast<size_t>(o)] = bestK;
        if (floating)
            vals[static_cast<size_t>(o)] = p.f[static_cast<size_t>(o * p.inner + bestK)];
        else
            ivals[static_cast<size_t>(o)] = p.i[static_cast<size_t>(o * p.inner + bestK)];
    }
    ValuesIndices r;
    r.values = floating ? makeOut(p, x.dtype(), x.device(), vals) : makeOut(p, x.dtype(), x.device(), ivals);
    r.indices = makeOut(p, DType::Int64, x.device(), idx);
    propagateGrad(r.values, isMax ? "MaxBackward0" : "MinBackward0", {&x});
    return r;
}

Tensor argMaxMin(const Tensor& x, std::optional<int64_t> dim, bool keepdim, bool isMax) {
    const char* name = isMax ? "argmax" : "argmin";
    if (!dim) {
        if (x.numel() == 0)
            throwRuntime(std::string(name) + "(): Expected reduction dim to be specified for input.numel() == 0.");
        Tensor flat = reshape(detach(x), {-1});
        Tensor r = maxMinDim(flat, 0, false, isMax).indices;
        if (keepdim)
            return reshape(r, DimVector(static_cast<size_t>(x.dim()), 1));
        return r;
    }
    if (x.dim() > 0 && x.size(*dim) == 0)
        throwIndex(std::string(name) + "(): Expected reduction dim " + std::to_string(wrapDim(*dim, x.dim())) +
                   " to have non-zero size.");
    return maxMinDim(detach(x), *dim, keepdim, isMax).indices;
}

Tensor varImpl(const Tensor& x, std::optional<DimVector> dims, double correction, bool keepdim, bool takeSqrt) {
    if (!isFloating(x.dtype()))
        throwRuntime("std and var only support floating point and complex dtypes");
    const std::vector<bool> mask = dimMask(x, dims.value_or(DimVector{}));
    Plan p = makePlan(x, mask, keepdim, true);
    std::vector<double> r = scratchVector<double>(p.outer);
    WorkMeter meter;
    for (int64_t o = 0; o < p.outer; ++o) {
        meter.add(p.inner + 1);
        const double* row = p.f.data() + o * p.inner;
        double mean = 0;
        for (int64_t k = 0; k < p.inner; ++k)
            mean += row[k];
        mean /= static_cast<double>(p.inner);
        double m2 = 0;
        for (int64_t k = 0; k < p.inner; ++k)
            m2 += (row[k] - mean) * (row[k] - mean);
        const double denom = std::max(0.0, static_cast<double>(p.inner) - correction);
        const double v = m2 / denom;
        r[static_cast<size_t>(o)] = takeSqrt ? std::sqrt(v) : v;
    }
    Tensor out = makeOut(p, x.dtype(), x.device(), r);
    propagateGrad(out, takeSqrt ? "StdBackward0" : "VarBackward0", {&x});
    return out;
}

Tensor allAny(const Tensor& x, std::optional<int64_t> dim, bool keepdim, bool isAll) {
    DimVector dims;
    if (dim)
        dims.push_back(wrapDim(*dim, x.dim()));
    const std::vector<bool> mask = dimMask(x, dims);
    Tensor b = to(detach(x), DType::Bool);
    Plan p = makePlan(b, mask, dim ? keepdim : false, false);
    std::vector<int64_t> r = scratchVector<int64_t>(p.outer);
    WorkMeter meter;
    for (int64_t o = 0; o < p.outer; ++o) {
        meter.add(p.inner + 1);
        bool acc = isAll;
        for (int64_t k = 0; k < p.inner; ++k) {
            const bool v = p.i[static_cast<size_t>(o * p.inner + k)] != 0;
            acc = isAll ? (acc && v) : (acc || v);
        }
        r[static_cast<size_t>(o)] = acc;
    }
    return makeOut(p, DType::Bool, x.device(), r);
}

Tensor softmaxImpl(const Tensor& x, int64_t dim, std::optional<DType> dtype, bool logSoftmax) {
    const int64_t d = wrapDim(dim, x.dim());
    Tensor in = dtype ? to(x, *dtype) : x;
    if (!isFloating(in.dtype())) {
        const bool last = x.dim() == 0 || d == x.dim() - 1;
        throwRuntime(std::string("\"") + (logSoftmax ? "log_softmax" : "softmax") + (last ? "_lastdim" : "") +
                     "_kernel_impl\" not implemented for '" + std::string(dtypeShortName(in.dtype())) + "'");
    }
    if (x.dim() == 0) {
        Tensor out = full_like_value(in, logSoftmax ? 0.0 : 1.0);
        propagateGrad(out, logSoftmax ? "LogSoftmaxBackward0" : "SoftmaxBackward0", {&x});
        return out;
    }
    Tensor moved = contiguous(to(movedim(detach(in), d, -1), DType::Float64));
    const int64_t inner = moved.sizes().back();
    const int64_t outer = inner == 0 ? 0 : moved.numel() / inner;
    double* v = moved.dataAs<double>();
    for (int64_t o = 0; o < outer; ++o) {
        double* row = v + o * inner;
        double mx = -std::numeric_limits<double>::infinity();
        for (int64_t k = 0; k < inner; ++k)
            mx = std::max(mx, row[k]);
        double s = 0;
        for (int64_t k = 0; k < inner; ++k)
            s += std::exp(row[k] - mx);
        for (int64_t k = 0; k < inner; ++k)
            row[k] = logSoftmax ? row[k] - mx - std::log(s) : std::exp(row[k] - mx) / s;
    }
    Tensor out = contiguous(to(movedim(moved, -1, d), in.dtype()));
    if (out.sharesStorage(moved))
        out = clone(out);
    out.impl()->requiresGrad = false;
    out.impl()->gradFn = nullptr;
    propagateGrad(out, logSoftmax ? "LogSoftmaxBackward0" : "SoftmaxBackward0", {&x});
    return out;
}

} // namespace

Tensor sum(const Tensor& x, std::optional<DType> dtype) { return reduceSimple(x, {}, false, sumType(x, dtype), Kind::Sum, "SumBackward0", "sum"); }
Tensor sum(const Tensor& x, const DimVector& dims, bool keepdim, std::optional<DType> dtype) {
    return reduceSimple(x, dims, keepdim, sumType(x, dtype), Kind::Sum, "SumBackward1", "sum");
}

Tensor mean(const Tensor& x, std::optional<DType> dtype) { return mean(x, DimVector{}, false, dtype); }
Tensor mean(const Tensor& x, const DimVector& dims, bool keepdim, std::optional<DType> dtype) {
    const DType t = meanType(x, dtype);
    const std::vector<bool> mask = dimMask(x, dims);
    int64_t count = 1;
    for (int64_t d = 0; d < x.dim(); ++d)
        if (mask[static_cast<size_t>(d)])
            count *= x.sizes()[static_cast<size_t>(d)];
    Tensor s = reduceSimple(x, dims, keepdim, DType::Float64, Kind::Sum, nullptr, "mean");
    double* v = s.dataAs<double>();
    for (int64_t k = 0; k < s.numel(); ++k)
        v[k] = count == 0 ? std::numeric_limits<double>::quiet_NaN() : v[k] / static_cast<double>(count);
    Tensor out = to(s, t);
    out.impl()->requiresGrad = false;
    out.impl()->gradFn = nullptr;
    propagateGrad(out, dims.empty() ? "MeanBackward0" : "MeanBackward1", {&x});
    return out;
}

Tensor prod(const Tensor& x, std::optional<DType> dtype) { return reduceSimple(x, {}, false, sumType(x, dtype), Kind::Prod, "ProdBackward0", "prod"); }
Tensor prod(const Tensor& x, int64_t dim, bool keepdim, std::optional<DType> dtype) {
    return reduceSimple(x, {dim}, keepdim, sumType(x, dtype), Kind::Prod, "ProdBackward1", "prod");
}

Tensor amax(const Tensor& x, const DimVector& dims, bool keepdim) { return reduceSimple(x, dims, keepdim, x.dtype(), Kind::Max, "AmaxBackward0", "amax"); }
Tensor amin(const Tensor& x, const DimVector& dims, bool keepdim) { return reduceSimple(x, dims, keepdim, x.dtype(), Kind::Min, "AminBackward0", "amin"); }

Tensor max(const Tensor& x) {
    if (x.numel() == 0)
        throwRuntime("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                     "with the 'dim' argument.");
    return reduceSimple(x, {}, false, x.dtype(), Kind::Max, "MaxBackward1", "max");
}
Tensor min(const Tensor& x) {
    if (x.numel() == 0)
        throwRuntime("min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                     "with the 'dim' argument.");
    return reduceSimple(x, {}, false, x.dtype(), Kind::Min, "MinBackward1", "min");
}
ValuesIndices max(const Tensor& x, int64_t dim, bool keepdim) { return maxMinDim(x, dim, keepdim, true); }

ValuesIndices topk(const Tensor& x, int64_t k, int64_t dim, bool largest, bool sorted) {
    (void)sorted;  // results are always sorted (allowed: sorted=False leaves the order unspecified)
    const int64_t d = x.dim() == 0 ? 0 : wrapDim(dim, x.dim());
    const int64_t n = x.dim() == 0 ? 1 : x.size(d);
    if (k < 0 || k > n)
        throwRuntime("selected index k out of range");
    // Rows along `d`: move it last, make it contiguous, and work row by row.
    Tensor moved = x.dim() == 0 ? reshape(detach(x), {1}) : contiguous(movedim(detach(x), d, -1));
    const std::vector<double> data = moved.toDoubles();
    const int64_t rows = n == 0 ? 0 : static_cast<int64_t>(data.size()) / n;
    std::vector<double> vals;
    std::vector<double> idxs;
    std::vector<int64_t> order(static_cast<size_t>(n));
    for (int64_t r = 0; r < rows; ++r) {
        const double* row = data.data() + r * n;
        for (int64_t i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
        // NaN counts as larger than everything, as in ATen.
        auto greater = [&](int64_t a, int64_t b) {
            double va = row[a], vb = row[b];
            if (std::isnan(va) || std::isnan(vb)) return std::isnan(va) && !std::isnan(vb);
            return va > vb;
        };
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return largest ? greater(a, b) : greater(b, a); });
        for (int64_t j = 0; j < k; ++j) {
            vals.push_back(row[order[static_cast<size_t>(j)]]);
            idxs.push_back(static_cast<double>(order[static_cast<size_t>(j)]));
        }
    }
    DimVector outSizes = moved.sizes();
    outSizes[outSizes.size() - 1] = k;
    ValuesIndices r;
    r.values = Tensor::fromData(vals, outSizes, x.dtype(), x.device());
    r.indices = Tensor::fromData(idxs, outSizes, DType::Int64, x.device());
    if (x.dim() == 0) {
        r.values = reshape(r.values, {});
        r.indices = reshape(r.indices, {});
    } else {
        r.values = contiguous(movedim(r.values, -1, d));
        r.indices = contiguous(movedim(r.indices, -1, d));
    }
    propagateGrad(r.values, "TopkBackward0", {&x});
    return r;
}
ValuesIndices min(const Tensor& x, int64_t dim, bool keepdim) { return maxMinDim(x, dim, keepdim, false); }
Tensor argmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim) { return argMaxMin(x, dim, keepdim, true); }
Tensor argmin(const Tensor& x, std::optional<int64_t> dim, bool keepdim) { return argMaxMin(x, dim, keepdim, false); }

Tensor var(const Tensor& x, std::optional<DimVector> dims, double correction, bool keepdim) {
    return varImpl(x, std::move(dims), correction, keepdim, false);
}
Tensor std(const Tensor& x, std::optional<DimVector> dims, double correction, bool keepdim) {
    return varImpl(x, std::move(dims), correction, keepdim, true);
}

Tensor norm(const Tensor& x, double p, std::optional<DimVector> dims, bool keepdim) {
    if (!isFloating(x.dtype()))
        throwRuntime("linalg.vector_norm: Expected a floating point or complex tensor as input. Got " +
                     std::string(dtypeShortName(x.dtype())));
    const std::vector<bool> mask = dimMask(x, dims.value_or(DimVector{}));
    Plan pl = makePlan(x, mask, keepdim, true);
    std::vector<double> r = scratchVector<double>(pl.outer);
    WorkMeter meter;
    for (int64_t o = 0; o < pl.outer; ++o) {
        meter.add(pl.inner + 1);
        const double* row = pl.f.data() + o * pl.inner;
        double acc = std::isinf(p) ? (p > 0 ? 0.0 : std::numeric_limits<double>::infinity()) : 0.0;
        for (int64_t k = 0; k < pl.inner; ++k) {
            const double a = std::fabs(row[k]);
            if (std::isinf(p))
                acc = p > 0 ? std::max(acc, a) : std::min(acc, a);
            else if (p == 0)
                acc += a != 0 ? 1.0 : 0.0;
            else
                acc += p == 2 ? a * a : std::pow(a, p);
        }
        if (!std::isinf(p) && p != 0)
            acc = p == 2 ? std::sqrt(acc) : std::pow(acc, 1.0 / p);
        r[static_cast<size_t>(o)] = acc;
    }
    Tensor out = makeOut(pl, x.dtype(), x.device(), r);
    propagateGrad(out, "LinalgVectorNormBackward0", {&x});
    return out;
}

Tensor all(const Tensor& x) { return allAny(x, std::nullopt, false, true); }
Tensor all(const Tensor& x, int64_t dim, bool keepdim) { return allAny(x, dim, keepdim, true); }
Tensor any(const Tensor& x) { return allAny(x, std::nullopt, false, false); }
Tensor any(const Tensor& x, int64_t dim, bool keepdim) { return allAny(x, dim, keepdim, false); }

Tensor logsumexp(const Tensor& x, const DimVector& dims, bool keepdim) {
    Tensor in = isFloating(x.dtype()) ? x : to(x, defaultFloatDType());
    const std::vector<bool> mask = dimMask(in, dims);
    Plan p = makePlan(in, mask, keepdim, true);
    std::vector<double> r = scratchVector<double>(p.outer);
    WorkMeter meter;
    for (int64_t o = 0; o < p.outer; ++o) {
        meter.add(p.inner + 1);
        const double* row = p.f.data() + o * p.inner;
        double mx = -std::numeric_limits<double>::infinity();
        for (int64_t k = 0; k < p.inner; ++k)
            mx = std::max(mx, row[k]);
        if (std::isinf(mx)) {
            r[static_cast<size_t>(o)] = mx;
            continue;
        }
        double s = 0;
        for (int64_t k = 0; k < p.inner; ++k)
            s += std::exp(row[k] - mx);
        r[static_cast<size_t>(o)] = mx + std::log(s);
    }
    Tensor out = makeOut(p, in.dtype(), x.device(), r);
    propagateGrad(out, "LogsumexpBackward0", {&x});
    return out;
}

Tensor softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype) { return softmaxImpl(x, dim, dtype, false); }
Tensor log_softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype) { return softmaxImpl(x, dim, dtype, true); }

Tensor full_like_value(const Tensor& t, double v) {
    Tensor out = Tensor::empty(t.sizes(), t.dtype(), t.device(), false);
    fill_(out, Scalar(v));
    return out;
}

} // namespace gs::tensor
