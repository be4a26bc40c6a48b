#include "core/tensor/Broadcast.h"

#include <algorithm>

#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {
const Tensor* firstTensor(std::span<const Tensor* const> inputs) {
    for (const Tensor* t : inputs)
        if (t)
            return t;
    return nullptr;
}
} // namespace

DimVector broadcastShapes(const DimVector& a, const DimVector& b) {
    if (a == b)
        return a;
    const int64_t na = static_cast<int64_t>(a.size()), nb = static_cast<int64_t>(b.size());
    const int64_t nd = std::max(na, nb);
    DimVector out(static_cast<size_t>(nd));
    for (int64_t i = nd - 1; i >= 0; --i) {
        const int64_t offset = nd - 1 - i;
        const int64_t da = na - 1 - offset, db = nb - 1 - offset;
        const int64_t sa = da >= 0 ? a[static_cast<size_t>(da)] : 1;
        const int64_t sb = db >= 0 ? b[static_cast<size_t>(db)] : 1;
        if (sa != sb && sa != 1 && sb != 1)
            throwRuntime("The size of tensor a (" + std::to_string(sa) + ") must match the size of tensor b (" +
                         std::to_string(sb) + ") at non-singleton dimension " + std::to_string(i));
        out[static_cast<size_t>(i)] = sa == 1 ? sb : sa;
    }
    return out;
}

Device checkSameDevice(std::span<const Tensor* const> tensors) {
    Device common = Device::cpu();
    for (const Tensor* t : tensors)
        if (t && !t->device().isCpu()) {
            common = t->device();
            break;
        }
    for (const Tensor* t : tensors) {
        if (!t)
            continue;
        if (!common.isCpu() && t->device().isCpu() && t->dim() == 0)
            continue;
        if (t->device() != common)
            throwRuntime("Expected all tensors to be on the same device, but found at least two devices, " +
                         common.str() + " and " + t->device().str() + "!");
    }
    return common;
}

DimVector outputStrides(const DimVector& shape, std::span<const Tensor* const> inputs) {
    const size_t nd = shape.size();
    // Fast answer for the common case: the first input already has the full shape and is
    // contiguous, which makes every comparison below strict in favour of row-major order.
    if (const Tensor* first = firstTensor(inputs); first && first->isContiguous() && first->sizes() == shape)
        return contiguousStrides(shape);
    // Operand strides aligned to `shape`, 0 where broadcast (NOTE: [Computing output strides]).
    std::vector<DimVector> st;
    for (const Tensor* t : inputs) {
        if (!t)
            continue;
        DimVector s(nd, 0);
        const size_t off = nd - t->sizes().size();
        for (size_t i = 0; i < t->sizes().size(); ++i)
            s[off + i] = (t->sizes()[i] == 1 && shape[off + i] != 1) ? 0 : t->strides()[i];
        st.push_back(std::move(s));
    }
    auto shouldSwap = [&](size_t d0, size_t d1) -> int {
        for (const DimVector& s : st) {
            const int64_t s0 = s[d0], s1 = s[d1];
            if (s0 == 0 || s1 == 0)
                continue;
            if (s0 < s1)
                return -1;
            if (s0 > s1)
                return 1;
            if (shape[d0] > shape[d1])
                return 1;
        }
        return 0;
    };
    std::vector<size_t> perm(nd);
    for (size_t i = 0; i < nd; ++i)
        perm[i] = nd - 1 - i;
    for (size_t i = 1; i < nd; ++i) {
        size_t d1 = i;
        for (size_t d0 = i; d0-- > 0;) {
            const int c = shouldSwap(perm[d0], perm[d1]);
            if (c > 0) {
                std::swap(perm[d0], perm[d1]);
                d1 = d0;
            } else if (c < 0) {
                break;
            }
        }
    }
    bool inverted = true;
    for (size_t j = 0; j < nd; ++j)
        if (perm[j] != nd - j - 1)
            inverted = false;
    if (inverted)
        return contiguousStrides(shape);
    DimVector strides(nd);
    int64_t next = 1;
    for (size_t j = 0; j < nd; ++j) {
        strides[perm[j]] = next;
        next *= shape[perm[j]];
    }
    return strides;
}

Tensor emptyForElementwise(const DimVector& shape, DType dtype, Device device, std::span<const Tensor* const> inputs) {
    if (const Tensor* first = firstTensor(inputs); first && first->isContiguous() && first->sizes() == shape)
        return Tensor::empty(shape, dtype, device, false);
    DimVector strides = outputStrides(shape, inputs);
    if (strides == contiguousStrides(shape))
        return Tensor::empty(shape, dtype, device, false);
    int64_t numel = 1;
    for (int64_t s : shape)
        numel *= s;
    Tensor base = Tensor::empty({numel}, dtype, device, false);
    return Tensor::makeView(base, shape, std::move(strides), 0);
}

} // namespace gs::tensor
