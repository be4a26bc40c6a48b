#include "core/tensor/Factories.h"

#include <cmath>
#include <numeric>

#include "core/tensor/Copy.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {

Tensor finish(Tensor t, const TensorOptions& options) {
    if (options.requiresGrad) {
        if (!isFloating(t.dtype()))
            throwRuntime("Only Tensors of floating point and complex dtype can require gradients");
        t.impl()->requiresGrad = true;
    }
    return t;
}

Generator& genOr(Generator* gen) { return gen ? *gen : Generator::defaultGenerator(); }

// Calls f(T*) for every element of self in row-major order (also through views).
template <class F>
void forEachElement(const Tensor& self, F&& f) {
    if (self.numel() == 0)
        return;
    DimVector bs = self.strides();
    for (auto& s : bs)
        s *= self.itemSize();
    const int64_t* bsp = bs.data();
    detail::forEachRun<1>(self.sizes(), {self.data()}, {bsp}, [&f](std::array<char*, 1> p, std::array<int64_t, 1> st, int64_t n) {
        for (int64_t i = 0; i < n; ++i)
            f(p[0] + i * st[0]);
    });
}

void requireFloating(const Tensor& t, std::string_view kernel) {
    if (!isFloating(t.dtype()))
        throwRuntime("\"" + std::string(kernel) + "\" not implemented for '" + std::string(dtypeShortName(t.dtype())) + "'");
}

struct NestedInfo {
    DimVector shape;
    bool anyFloat = false, allBool = true;
};

void inferNested(const NestedValue& v, size_t depth, NestedInfo& info) {
    if (!v.isList()) {
        if (depth != info.shape.size())
            throwType("not a sequence");
        if (std::holds_alternative<double>(v.value))
            info.anyFloat = true;
        if (!std::holds_alternative<bool>(v.value))
            info.allBool = false;
        return;
    }
    const auto& list = v.list();
    if (depth == info.shape.size()) { // first visit at this depth fixes the size
        info.shape.push_back(static_cast<int64_t>(list.size()));
    } else if (depth > info.shape.size() || info.shape[depth] != static_cast<int64_t>(list.size())) {
        throwValue("expected sequence of length " +
                   std::to_string(depth < info.shape.size() ? info.shape[depth] : 0) + " at dim " +
                   std::to_string(depth) + " (got " + std::to_string(list.size()) + ")");
    }
    for (const auto& item : list)
        inferNested(item, depth + 1, info);
}

void flattenNested(const NestedValue& v, std::vector<Scalar>& out) {
    if (!v.isList()) {
        std::visit([&](const auto& x) {
            using X = std::decay_t<decltype(x)>;
            if constexpr (!std::is_same_v<X, NestedValue::List>)
                out.emplace_back(x);
        }, v.value);
        return;
    }
    for (const auto& item : v.list())
        flattenNested(item, out);
}

} // namespace

Tensor empty(const DimVector& size, const TensorOptions& o) {
    return finish(Tensor::empty(size, o.dtype.value_or(defaultFloatDType()), o.device), o);
}

Tensor zeros(const DimVector& size, const TensorOptions& o) { return empty(size, o); }

Tensor ones(const DimVector& size, const TensorOptions& o) { return full(size, Scalar(int64_t{1}), TensorOptions{o.dtype.value_or(defaultFloatDType()), o.device, o.requiresGrad}); }

Tensor full(const DimVector& size, const Scalar& fill, const TensorOptions& o) {
    DType dt = o.dtype.value_or(fill.isFloat() ? defaultFloatDType() : fill.dtype());
    Tensor t = Tensor::empty(size, dt, o.device, false);
    fill_(t, fill);
    return finish(t, o);
}

Tensor rand(const DimVector& size, const TensorOptions& o, Generator* gen) {
    Tensor t = Tensor::empty(size, o.dtype.value_or(defaultFloatDType()), o.device, false);
    requireFloating(t, "check_uniform_bounds");
    uniform_(t, 0.0, 1.0, gen);
    return finish(t, o);
}

Tensor randn(const DimVector& size, const TensorOptions& o, Generator* gen) {
    Tensor t = Tensor::empty(size, o.dtype.value_or(defaultFloatDType()), o.device, false);
    if (!isComplex(t.dtype()))
        requireFloating(t, "normal_kernel_cpu");
    normal_(t, 0.0, 1.0, gen);
    return finish(t, o);
}

Tensor randint(int64_t low, int64_t high, const DimVector& size, const TensorOptions& o, Generator* gen) {
    if (low >= high)
        throwRuntime("random_ expects 'from' to be less than 'to', but got from=" + std::to_string(low) +
                     " >= to=" + std::to_string(high));
    Tensor t = Tensor::empty(size, o.dtype.value_or(DType::Int64), o.device, false);
    Generator& g = genOr(gen);
    const uint64_t range = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
    detail::dispatch(t.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        forEachElement(t, [&](char* p) {
            const int64_t v = static_cast<int64_t>(static_cast<uint64_t>(low) + g.nextUint64() % range);
            *reinterpret_cast<T*>(p) = detail::castValue<T>(v);
        });
    });
    return finish(t, o);
}

Tensor randperm(int64_t n, const TensorOptions& o, Generator* gen) {
    if (n < 0)
        throwRuntime("n must be non-negative, got" + std::to_string(n));
    std::vector<int64_t> perm = scratchVector<int64_t>(n);
    std::iota(perm.begin(), perm.end(), 0);
    Generator& g = genOr(gen);
    for (int64_t i = n - 1; i > 0; --i) // Fisher-Yates
        std::swap(perm[static_cast<size_t>(i)], perm[static_cast<size_t>(g.nextUint64() % static_cast<uint64_t>(i + 1))]);
    std::vector<double> values(perm.begin(), perm.end());
    return finish(Tensor::fromData(values, {n}, o.dtype.value_or(DType::Int64), o.device), o);
}

Tensor arange(const Scalar& end, const TensorOptions& o) { return arange(Scalar(int64_t{0}), end, Scalar(int64_t{1}), o); }

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, const TensorOptions& o) {
    const bool anyFloat = start.isFloat() || end.isFloat() || step.isFloat();
    const DType dt = o.dtype.value_or(anyFloat ? defaultFloatDType() : DType::Int64);
    const double s = start.toDouble(), e = end.toDouble(), st = step.toDouble();
    if (st == 0)
        throwRuntime("step must be nonzero");
    if (!std::isfinite(s) || !std::isfinite(e))
        throwRuntime("unsupported range: " + start.repr() + " -> " + end.repr());
    if (!((st > 0 && e >= s) || (st < 0 && e <= s)))
        throwRuntime("upper bound and larger bound inconsistent with step sign");
    double sizeD;
    if (isFloating(dt) || anyFloat)
        sizeD = std::ceil((e - s) / st);
    else // integer arithmetic, as ATen does for integral dtypes
        sizeD = std::ceil(static_cast<double>(end.toInt() - start.toInt()) / static_cast<double>(step.toInt()));
    if (!(sizeD >= 0 && sizeD <= static_cast<double>(std::numeric_limits<int64_t>::max())))
        throwRuntime("invalid size, possible overflow?");
    const auto n = static_cast<int64_t>(sizeD);
    Tensor t = Tensor::empty({n}, dt, o.device, false);
    detail::dispatch(dt, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* out = t.dataAs<T>();
        if (!anyFloat && !isFloating(dt)) {
            for (int64_t i = 0; i < n; ++i)
                out[i] = detail::castValue<T>(start.toInt() + i * step.toInt());
        } else {
            for (int64_t i = 0; i < n; ++i)
                out[i] = detail::castValue<T>(s + static_cast<double>(i) * st);
        }
    });
    return finish(t, o);
}

Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, const TensorOptions& o) {
    if (steps < 0)
        throwRuntime("number of steps must be non-negative");
    const DType dt = o.dtype.value_or(defaultFloatDType());
    Tensor t = Tensor::empty({steps}, dt, o.device, false);
    const double s = start.toDouble(), e = end.toDouble();
    const double step = steps > 1 ? (e - s) / static_cast<double>(steps - 1) : 0.0;
    const int64_t half = steps / 2;
    detail::dispatch(dt, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* out = t.dataAs<T>();
        for (int64_t i = 0; i < steps; ++i) // symmetric from both ends, as ATen's kernel
            out[i] = detail::castValue<T>(i < half ? s + step * static_cast<double>(i)
                                                   : e - step * static_cast<double>(steps - i - 1));
    });
    return finish(t, o);
}

Tensor eye(int64_t n, std::optional<int64_t> m, const TensorOptions& o) {
    if (n < 0)
        throwRuntime("n must be greater or equal to 0, got " + std::to_string(n));
    const int64_t cols = m.value_or(n);
    if (cols < 0)
        throwRuntime("m must be greater or equal to 0, got " + std::to_string(cols));
    Tensor t = Tensor::empty({n, cols}, o.dtype.value_or(defaultFloatDType()), o.device, true);
    for (int64_t i = 0; i < std::min(n, cols); ++i)
        t.setElementAt(i * cols + i, Scalar(int64_t{1}));
    return finish(t, o);
}

Tensor scalar_tensor(const Scalar& value, const TensorOptions& o) {
    DType dt = o.dtype.value_or(defaultFloatDType()); // torch.scalar_tensor defaults to float
    Tensor t = Tensor::empty({}, dt, o.device, false);
    fill_(t, value);
    return finish(t, o);
}

Tensor tensor(const NestedValue& data, const TensorOptions& o) {
    NestedInfo info;
    inferNested(data, 0, info);
    std::vector<Scalar> flat;
    flattenNested(data, flat);
    DType dt;
    if (o.dtype)
        dt = *o.dtype;
    else if (flat.empty() || info.anyFloat)
        dt = defaultFloatDType();
    else
        dt = info.allBool ? DType::Bool : DType::Int64;
    Tensor t = Tensor::empty(info.shape, dt, o.device, false);
    detail::dispatch(dt, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* out = t.dataAs<T>();
        for (size_t i = 0; i < flat.size(); ++i)
            out[i] = detail::fromScalar<T>(flat[i]);
    });
    return finish(t, o);
}

Tensor fromNested(const NestedValue& data, const TensorOptions& options) { return tensor(data, options); }

Tensor Tensor::fromNested(const NestedValue& data, std::optional<DType> dtype, Device device) {
    return tensor(data, TensorOptions{dtype, device, false});
}

Tensor empty_like(const Tensor& t, std::optional<DType> dtype) { return emptyLike(t, dtype, true); }
Tensor zeros_like(const Tensor& t, std::optional<DType> dtype) { return emptyLike(t, dtype, true); }
Tensor ones_like(const Tensor& t, std::optional<DType> dtype) { return full_like(t, Scalar(int64_t{1}), dtype); }

Tensor full_like(const Tensor& t, const Scalar& fill, std::optional<DType> dtype) {
    Tensor out = emptyLike(t, dtype, false);
    fill_(out, fill);
    return out;
}

Tensor rand_like(const Tensor& t, std::optional<DType> dtype, Generator* gen) {
    Tensor out = emptyLike(t, dtype, false);
    requireFloating(out, "check_uniform_bounds");
    return uniform_(out, 0.0, 1.0, gen);
}

Tensor randn_like(const Tensor& t, std::optional<DType> dtype, Generator* gen) {
    Tensor out = emptyLike(t, dtype, false);
    requireFloating(out, "normal_kernel_cpu");
    return normal_(out, 0.0, 1.0, gen);
}

const Tensor& uniform_(const Tensor& self, double from, double to, Generator* gen) {
    checkInplaceTarget(self);
    requireFloating(self, "check_uniform_bounds");
    if (from > to)
        throwRuntime("uniform_ expects to return a [from, to) range, but found from=" + pythonFloatRepr(from) +
                     " > to=" + pythonFloatRepr(to));
    Generator& g = genOr(gen);
    detail::dispatch(self.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        if constexpr (std::is_same_v<T, double>)
            forEachElement(self, [&](char* p) { *reinterpret_cast<T*>(p) = from + (to - from) * g.nextDouble(); });
        else
            forEachElement(self, [&](char* p) {
                const float u = g.nextFloat();
                *reinterpret_cast<T*>(p) = detail::castValue<T>(static_cast<float>(from + (to - from) * u));
            });
    });
    return self;
}

const Tensor& normal_(const Tensor& self, double mean, double std, Generator* gen) {
    checkInplaceTarget(self);
    if (!isComplex(self.dtype()))
        requireFloating(self, "normal_kernel_cpu");
    if (std < 0)
        throwRuntime("normal expects std >= 0.0, but found std " + pythonFloatRepr(std));
    Generator& g = genOr(gen);
    if (isComplex(self.dtype())) {
        // PyTorch fills the (re, im) pairs as reals with std / sqrt(2): E|z|^2 = std^2.
        const double s = std / std::sqrt(2.0);
        forEachElement(self, [&](char* p) {
            const double re = mean + s * g.nextNormal();
            const double im = mean + s * g.nextNormal();
            detail::writeScalar(p, self.dtype(), Scalar::complex(re, im));
        });
        return self;
    }
    detail::dispatch(self.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        forEachElement(self, [&](char* p) { *reinterpret_cast<T*>(p) = detail::castValue<T>(mean + std * g.nextNormal()); });
    });
    return self;
}

const Tensor& bernoulli_(const Tensor& self, double p, Generator* gen) {
    checkInplaceTarget(self);
    if (!(p >= 0 && p <= 1))
        throwRuntime("bernoulli_ expects p to be in [0, 1], but got p=" + pythonFloatRepr(p));
    Generator& g = genOr(gen);
    detail::dispatch(self.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        forEachElement(self, [&](char* ptr) { *reinterpret_cast<T*>(ptr) = detail::castValue<T>(g.nextDouble() < p ? 1 : 0); });
    });
    return self;
}

Tensor bernoulli(const Tensor& probabilities, Generator* gen) {
    Generator& g = genOr(gen);
    Tensor out = emptyLike(probabilities, std::nullopt, false);
    const std::vector<double> probs = probabilities.toDoubles();
    for (size_t i = 0; i < probs.size(); ++i) {
        if (!(probs[i] >= 0 && probs[i] <= 1))
            throwRuntime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
        out.setElementAt(static_cast<int64_t>(i), Scalar(g.nextDouble() < probs[i] ? 1.0 : 0.0));
    }
    return out;
}

Tensor dropout(const Tensor& input, double p, bool training, Generator* gen) {
    if (!(p >= 0 && p <= 1))
        throwValue("dropout probability has to be between 0 and 1, but got " + pythonFloatRepr(p));
    if (!training || p == 0)
        return input;
    Tensor out = emptyLike(input, std::nullopt, true);
    if (p < 1) {
        Generator& g = genOr(gen);
        const double scale = 1.0 / (1.0 - p);
        for (int64_t i = 0; i < input.numel(); ++i) {
            const bool keep = g.nextDouble() >= p;
            if (keep)
                out.setElementAt(i, Scalar(input.elementAt(i).toDouble() * scale));
        }
    }
    propagateGrad(out, "NativeDropoutBackward0", {&input});
    return out;
}

} // namespace gs::tensor
