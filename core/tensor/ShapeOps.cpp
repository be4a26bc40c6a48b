#include "core/tensor/ShapeOps.h"

#include <algorithm>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
    if (tensors.empty())
        throwRuntime("torch.cat(): expected a non-empty list of Tensors");
    std::vector<const Tensor*> ptrs;
    for (size_t i = 0; i < tensors.size(); ++i) {
        if (tensors[i].dim() == 0)
            throwRuntime("zero-dimensional tensor (at position " + std::to_string(i) + ") cannot be concatenated");
        ptrs.push_back(&tensors[i]);
    }
    const Device device = checkSameDevice(ptrs);
    DType dtype = tensors[0].dtype();
    for (const Tensor& t : tensors)
        dtype = promoteTypes(dtype, t.dtype());
    // Legacy rule: 1-D empty tensors are skipped whatever the other shapes are.
    auto skipped = [](const Tensor& t) { return t.dim() == 1 && t.numel() == 0; };
    const Tensor* ref = nullptr;
    size_t refIndex = 0;
    for (size_t i = 0; i < tensors.size(); ++i)
        if (!skipped(tensors[i])) {
            ref = &tensors[i];
            refIndex = i;
            break;
        }
    if (!ref) {
        Tensor out = Tensor::empty({0}, dtype, device);
        propagateGrad(out, "CatBackward0", std::span<const Tensor>(tensors));
        return out;
    }
    const int64_t d = wrapDim(dim, ref->dim());
    DimVector shape = ref->sizes();
    int64_t total = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
        const Tensor& t = tensors[i];
        if (skipped(t))
            continue;
        if (t.dim() != ref->dim())
            throwRuntime("Tensors must have same number of dimensions: got " + std::to_string(ref->dim()) + " and " +
                         std::to_string(t.dim()));
        for (int64_t k = 0; k < t.dim(); ++k) {
            if (k == d)
                continue;
            if (t.sizes()[static_cast<size_t>(k)] != shape[static_cast<size_t>(k)])
                throwRuntime("Sizes of tensors must match except in dimension " + std::to_string(d) + ". Expected size " +
                             std::to_string(shape[static_cast<size_t>(k)]) + " but got size " +
                             std::to_string(t.sizes()[static_cast<size_t>(k)]) + " for tensor number " +
                             std::to_string(i) + " in the list.");
        }
        total += t.sizes()[static_cast<size_t>(d)];
    }
    (void)refIndex;
    shape[static_cast<size_t>(d)] = total;
    Tensor out = Tensor::empty(shape, dtype, device, false);
    int64_t offset = 0;
    for (const Tensor& t : tensors) {
        if (skipped(t))
            continue;
        const int64_t len = t.sizes()[static_cast<size_t>(d)];
        detail::copyElements(narrow(out, d, offset, len), t);
        offset += len;
    }
    propagateGrad(out, "CatBackward0", std::span<const Tensor>(tensors));
    return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
    if (tensors.empty())
        throwRuntime("stack expects a non-empty TensorList");
    for (size_t i = 1; i < tensors.size(); ++i)
        if (!(tensors[i].sizes() == tensors[0].sizes()))
            throwRuntime("stack expects each tensor to be equal size, but got " + tensors[0].sizes().str() +
                         " at entry 0 and " + tensors[i].sizes().str() + " at entry " + std::to_string(i));
    const int64_t d = wrapDim(dim, tensors[0].dim() + 1);
    std::vector<Tensor> parts;
    for (const Tensor& t : tensors)
        parts.push_back(unsqueeze(detach(t), d));
    Tensor out = cat(parts, d);
    propagateGrad(out, "StackBackward0", std::span<const Tensor>(tensors));
    return out;
}

Tensor repeat(const Tensor& self, const DimVector& repeats) {
    if (static_cast<int64_t>(repeats.size()) < self.dim())
        throwRuntime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
    for (int64_t r : repeats)
        if (r < 0)
            throwRuntime("Trying to create tensor with negative dimension " + std::to_string(r) + ": " + repeats.str());
    const size_t nd = repeats.size();
    DimVector padded(nd - static_cast<size_t>(self.dim()), 1);
    for (int64_t s : self.sizes())
        padded.push_back(s);
    Tensor src = reshape(detach(self), padded);
    // View [r0, s0, r1, s1, ...] with stride 0 on the repeat dims, copied into the result.
    DimVector viewSizes, viewStrides, outSizes, pairSizes;
    for (size_t i = 0; i < nd; ++i) {
        viewSizes.push_back(repeats[i]);
        viewStrides.push_back(0);
        viewSizes.push_back(padded[i]);
        viewStrides.push_back(src.strides()[i]);
        outSizes.push_back(repeats[i] * padded[i]);
    }
    Tensor out = Tensor::empty(outSizes, self.dtype(), self.device(), false);
    Tensor srcView = Tensor::makeView(src, viewSizes, viewStrides, src.storageOffset());
    detail::copyElements(view(out, viewSizes), srcView);
    propagateGrad(out, "RepeatBackward0", {&self});
    return out;
}

Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index) {
    if (index.dtype() != DType::Int64 && index.dtype() != DType::Int32)
        throwRuntime("index_select(): Expected dtype int32 or int64 for index");
    if (index.dim() > 1)
        throwIndex("index_select(): Index is supposed to be a vector");
    const Tensor* ts[2] = {&self, &index};
    checkSameDevice(ts);
    const int64_t d = wrapDim(dim, self.dim());
    const int64_t size = self.dim() == 0 ? 1 : self.sizes()[static_cast<size_t>(d)];
    const std::vector<int64_t> idx = index.toInts();
    DimVector shape = self.sizes();
    if (self.dim() > 0)
        shape[static_cast<size_t>(d)] = static_cast<int64_t>(idx.size());
    Tensor out = Tensor::empty(shape, self.dtype(), self.device(), false);
    for (size_t k = 0; k < idx.size(); ++k) {
        int64_t i = idx[k];
        if (i < -size || i >= size)
            throwIndex("index out of range in self");
        if (i < 0)
            i += size;
        if (self.dim() == 0)
            detail::copyElements(out, self);
        else
            detail::copyElements(select(out, d, static_cast<int64_t>(k)), select(detach(self), d, i));
    }
    propagateGrad(out, "IndexSelectBackward0", {&self});
    return out;
}

namespace {

void checkMask(const Tensor& mask) {
    if (mask.dtype() != DType::Bool)
        throwRuntime("masked_fill_ only supports boolean masks, but got mask with dtype " +
                     std::string(dtypeShortName(mask.dtype())));
}

void maskedFillInto(const Tensor& out, const Tensor& mask, const Scalar& value) {
    Tensor m = contiguous(expand(mask, out.sizes()));
    const bool* mp = m.dataAs<bool>();
    for (int64_t i = 0; i < out.numel(); ++i)
        if (mp[i])
            out.setElementAt(i, value);
}

} // namespace

Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
    checkMask(mask);
    const Tensor* ts[2] = {&self, &mask};
    checkSameDevice(ts);
    const DimVector shape = broadcastShapes(self.sizes(), mask.sizes());
    Tensor out = Tensor::empty(shape, self.dtype(), self.device(), false);
    detail::copyElements(out, expand(detach(self), shape));
    maskedFillInto(out, mask, value);
    propagateGrad(out, "MaskedFillBackward0", {&self});
    return out;
}

Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
    if (value.dim() != 0)
        throwRuntime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                     std::to_string(value.dim()) + " dimension(s).");
    Tensor out = masked_fill(self, mask, value.item());
    propagateGrad(out, "MaskedFillBackward1", {&self, &value});
    return out;
}

const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Scalar& value) {
    checkInplaceTarget(self);
    checkMask(mask);
    const DimVector shape = broadcastShapes(self.sizes(), mask.sizes());
    if (!(shape == self.sizes()))
        throwRuntime("output with shape " + self.sizes().str() + " doesn't match the broadcast shape " + shape.str());
    maskedFillInto(self, mask, value);
    return self;
}

namespace {

Tensor triangle(const Tensor& self, int64_t diagonal, bool lower) {
    if (self.dim() < 2)
        throwRuntime(std::string(lower ? "tril" : "triu") + ": input tensor must have at least 2 dimensions");
    Tensor out = clone(detach(self));
    const int64_t rows = self.sizes()[static_cast<size_t>(self.dim() - 2)];
    const int64_t cols = self.sizes().back();
    const int64_t mats = rows * cols == 0 ? 0 : self.numel() / (rows * cols);
    for (int64_t b = 0; b < mats; ++b)
        for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j) {
                const bool keep = lower ? (j - i <= diagonal) : (j - i >= diagonal);
                if (!keep)
                    out.setElementAt((b * rows + i) * cols + j, Scalar(int64_t{0}));
            }
    propagateGrad(out, lower ? "TrilBackward0" : "TriuBackward0", {&self});
    return out;
}

} // namespace

Tensor tril(const Tensor& self, int64_t diagonal) { return triangle(self, diagonal, true); }
Tensor triu(const Tensor& self, int64_t diagonal) { return triangle(self, diagonal, false); }

Tensor flip(const Tensor& self, const DimVector& dims) {
    DimVector strides = self.strides();
    int64_t offset = self.storageOffset();
    std::vector<bool> seen(static_cast<size_t>(std::max<int64_t>(self.dim(), 1)), false);
    for (int64_t d : dims) {
        const auto w = static_cast<size_t>(wrapDim(d, self.dim()));
        if (seen[w])
            throwRuntime("dims has duplicates, original flip dims size=" + std::to_string(dims.size()) +
                         ", but unique flip dims size=" + std::to_string(dims.size() - 1));
        seen[w] = true;
        if (self.dim() == 0 || self.sizes()[w] == 0)
            continue;
        offset += (self.sizes()[w] - 1) * strides[w];
        strides[w] = -strides[w];
    }
    Tensor reversed = Tensor::makeView(self, self.sizes(), strides, offset);
    Tensor out = Tensor::empty(self.sizes(), self.dtype(), self.device(), false);
    detail::copyElements(out, reversed);
    propagateGrad(out, "FlipBackward0", {&self});
    return out;
}

Tensor nonzero(const Tensor& self) {
    Tensor b = contiguous(to(detach(self), DType::Bool));
    const bool* p = b.dataAs<bool>();
    std::vector<double> coords;
    int64_t count = 0;
    for (int64_t i = 0; i < b.numel(); ++i) {
        if (!p[i])
            continue;
        ++count;
        int64_t rem = i;
        std::vector<int64_t> c(static_cast<size_t>(self.dim()));
        for (int64_t d = self.dim() - 1; d >= 0; --d) {
            c[static_cast<size_t>(d)] = rem % self.sizes()[static_cast<size_t>(d)];
            rem /= self.sizes()[static_cast<size_t>(d)];
        }
        coords.insert(coords.end(), c.begin(), c.end());
    }
    return Tensor::fromData(coords, {count, self.dim()}, DType::Int64, self.device());
}

} // namespace gs::tensor
