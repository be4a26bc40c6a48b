#include "core/tensor/Convolution.h"

#include <string>
#include <vector>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/RunGuard.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

std::string sizesText(const Tensor& t) {
    std::string s = "[";
    for (int64_t d = 0; d < t.dim(); ++d) s += (d ? ", " : "") + std::to_string(t.sizes()[static_cast<size_t>(d)]);
    return s + "]";
}

// One value per spatial dim: a single value applies to all of them.
int64_t at(const DimVector& v, int64_t d, int64_t fallback) {
    if (v.size() == 0) return fallback;
    return v.size() == 1 ? v[0] : v[static_cast<size_t>(d)];
}

// The spatial layout of one convolution, 1-d problems as 2-d ones of height 1.
struct Geometry {
    int64_t n = 1, cin = 0, cout = 0, groups = 1;
    int64_t ih = 1, iw = 1, kh = 1, kw = 1, oh = 1, ow = 1;
    int64_t sh = 1, sw = 1, ph = 0, pw = 0, dh = 1, dw = 1;
};

template <class T>
void convKernel(const T* in, const T* w, const T* bias, T* out, const Geometry& g) {
    using A = detail::Acc<T>;
    const int64_t cinG = g.cin / g.groups, coutG = g.cout / g.groups;
    int64_t work = 0;
    for (int64_t b = 0; b < g.n; ++b)
        for (int64_t oc = 0; oc < g.cout; ++oc) {
            const int64_t group = oc / coutG;
            T* o = out + (b * g.cout + oc) * g.oh * g.ow;
            for (int64_t y = 0; y < g.oh; ++y) {
                if ((work += g.ow * cinG * g.kh * g.kw) >= RunGuard::kBlock) {  // --timeout, Cancel
                    work = 0;
                    RunGuard::poll();
                }
                for (int64_t x = 0; x < g.ow; ++x) {
                    A acc = bias ? static_cast<A>(bias[oc]) : A(0);
                    for (int64_t c = 0; c < cinG; ++c) {
                        const T* plane = in + (b * g.cin + group * cinG + c) * g.ih * g.iw;
                        const T* kern = w + (oc * cinG + c) * g.kh * g.kw;
                        for (int64_t ky = 0; ky < g.kh; ++ky) {
                            const int64_t iy = y * g.sh - g.ph + ky * g.dh;
                            if (iy < 0 || iy >= g.ih) continue;
                            for (int64_t kx = 0; kx < g.kw; ++kx) {
                                const int64_t ix = x * g.sw - g.pw + kx * g.dw;
                                if (ix < 0 || ix >= g.iw) continue;
                                acc += static_cast<A>(plane[iy * g.iw + ix]) * static_cast<A>(kern[ky * g.kw + kx]);
                            }
                        }
                    }
                    o[y * g.ow + x] = detail::castValue<T>(acc);
                }
            }
        }
}

} // namespace

Tensor convolution(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, int spatialDims,
                   const ConvParams& p) {
    const std::string name = "conv" + std::to_string(spatialDims) + "d";
    const int64_t batched = spatialDims + 2;
    if (input.dim() != batched && input.dim() != batched - 1)
        throwRuntime("Expected " + std::to_string(batched - 1) + "D (unbatched) or " + std::to_string(batched) +
                     "D (batched) input to " + name + ", but got input of size: " + sizesText(input));
    if (weight.dim() != batched)
        throwRuntime("weight should have at least three dimensions");
    const Tensor* ts[3] = {&input, &weight, bias ? &*bias : &input};
    checkSameDevice(ts);
    if (input.dtype() != weight.dtype())
        throwRuntime("Input type (" + std::string(dtypeCppName(input.dtype())) + ") and weight type (" +
                     std::string(dtypeCppName(weight.dtype())) + ") should be the same");
    if (bias && bias->dtype() != input.dtype())
        throwRuntime("Input type (" + std::string(dtypeCppName(input.dtype())) + ") and bias type (" +
                     std::string(dtypeCppName(bias->dtype())) + ") should be the same");
    if (!isFloating(input.dtype()))
        throwRuntime("\"slow_conv2d_cpu\" not implemented for '" + std::string(dtypeShortName(input.dtype())) + "'");
    const bool unbatched = input.dim() == batched - 1;
    Tensor x = unbatched ? unsqueeze(input, 0) : input;

    Geometry g;
    g.groups = p.groups;
    if (g.groups <= 0) throwRuntime("non-positive groups is not supported");
    g.n = x.sizes()[0];
    g.cin = x.sizes()[1];
    g.cout = weight.sizes()[0];
    const int64_t wcin = weight.sizes()[1];
    if (g.cin != wcin * g.groups)
        throwRuntime("Given groups=" + std::to_string(g.groups) + ", weight of size " + sizesText(weight) + ", expected input" +
                     sizesText(x) + " to have " + std::to_string(wcin * g.groups) + " channels, but got " +
                     std::to_string(g.cin) + " channels instead");
    if (g.cout % g.groups != 0)
        throwRuntime("Given groups=" + std::to_string(g.groups) + ", expected weight to be divisible by " +
                     std::to_string(g.groups) + " at dimension 0, but got weight of size " + sizesText(weight) + " instead");
    if (bias && (bias->dim() != 1 || bias->sizes()[0] != g.cout))
        throwRuntime("Given weight of size " + sizesText(weight) + ", expected bias to be 1-dimensional with " +
                     std::to_string(g.cout) + " elements, but got bias of size " + sizesText(*bias) + " instead");

    int64_t in[2] = {1, 1}, k[2] = {1, 1}, s[2] = {1, 1}, pb[2] = {0, 0}, pa[2] = {0, 0}, d[2] = {1, 1}, o[2] = {1, 1};
    const int64_t off = 2 - spatialDims;  // conv1d fills the width only
    std::string padded, kernel;
    for (int64_t i = 0; i < spatialDims; ++i) {
        const int64_t j = i + off;
        in[j] = x.sizes()[static_cast<size_t>(2 + i)];
        k[j] = weight.sizes()[static_cast<size_t>(2 + i)];
        s[j] = at(p.stride, i, 1);
        d[j] = at(p.dilation, i, 1);
        if (s[j] <= 0) throwRuntime("non-positive stride is not supported");
        if (d[j] <= 0) throwRuntime("dilation should be greater than zero");
        if (p.mode == ConvParams::Padding::Same) {
            if (s[j] != 1) throwRuntime("padding='same' is not supported for strided convolutions");
            const int64_t total = d[j] * (k[j] - 1);
            pb[j] = total / 2;
            pa[j] = total - pb[j];
        } else if (p.mode == ConvParams::Padding::Explicit) {
            pb[j] = pa[j] = at(p.padding, i, 0);
            if (pb[j] < 0) throwRuntime("negative padding is not supported");
        }
        const int64_t span = in[j] + pb[j] + pa[j], reach = d[j] * (k[j] - 1) + 1;
        padded += (i ? " x " : "") + std::to_string(span);
        kernel += (i ? " x " : "") + std::to_string(reach);
        o[j] = span >= reach ? (span - reach) / s[j] + 1 : 0;
    }
    for (int64_t j = 0; j < 2; ++j)
        if (o[j] <= 0)
            throwRuntime("Calculated padded input size per channel: (" + padded + "). Kernel size: (" + kernel +
                         "). Kernel size can't be greater than actual input size");
    g.ih = in[0], g.iw = in[1], g.kh = k[0], g.kw = k[1], g.oh = o[0], g.ow = o[1];
    g.sh = s[0], g.sw = s[1], g.ph = pb[0], g.pw = pb[1], g.dh = d[0], g.dw = d[1];

    DimVector outSizes;
    outSizes.push_back(g.n);
    outSizes.push_back(g.cout);
    if (spatialDims == 2) outSizes.push_back(g.oh);
    outSizes.push_back(g.ow);
    Tensor out = Tensor::empty(outSizes, x.dtype(), x.device(), false);
    Tensor cx = contiguous(detach(x)), cw = contiguous(detach(weight));
    std::optional<Tensor> cb;
    if (bias) cb = contiguous(detach(*bias));
    detail::dispatch(x.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        if constexpr (!std::is_integral_v<T>)
            convKernel<T>(cx.dataAs<T>(), cw.dataAs<T>(), cb ? cb->dataAs<T>() : nullptr, out.dataAs<T>(), g);
    });
    if (bias) propagateGrad(out, "ConvolutionBackward0", {&input, &weight, &*bias});
    else propagateGrad(out, "ConvolutionBackward0", {&input, &weight});
    return unbatched ? squeeze(out, 0) : out;
}

} // namespace gs::tensor
