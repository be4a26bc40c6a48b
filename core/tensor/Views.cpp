#include "core/tensor/Views.h"

#include <algorithm>
#include <numeric>

#include "core/tensor/Copy.h"
#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {

Tensor viewWithGrad(const Tensor& self, DimVector sizes, DimVector strides, int64_t offset, const char* gradFn) {
    Tensor out = Tensor::makeView(self, std::move(sizes), std::move(strides), offset);
    propagateGrad(out, gradFn, {&self});
    return out;
}

} // namespace

Tensor as_strided(const Tensor& self, const DimVector& sizes, const DimVector& strides, std::optional<int64_t> storageOffset) {
    if (sizes.size() != strides.size())
        throwRuntime("mismatch in length of strides and shape");
    const int64_t offset = storageOffset.value_or(self.storageOffset());
    if (offset < 0)
        throwRuntime("Tensor: invalid storage offset " + std::to_string(offset));
    int64_t last = offset;
    bool empty = false;
    for (size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] < 0)
            throwRuntime("Trying to create tensor with negative dimension " + std::to_string(sizes[i]));
        if (strides[i] < 0)
            throwRuntime("as_strided: Negative strides are not supported at the moment, got strides: " + std::to_string(strides[i]));
        if (sizes[i] == 0)
            empty = true;
        else
            last += (sizes[i] - 1) * strides[i];
    }
    const int64_t available = self.storageNbytes() / self.itemSize();
    if (!empty && last >= available)
        throwRuntime("setStorage: sizes " + std::to_string(sizes.size()) + "-d with storage offset " + std::to_string(offset) +
                     " requiring a storage size of " + std::to_string((last + 1) * self.itemSize()) +
                     " are out of bounds for storage of size " + std::to_string(available * self.itemSize()));
    return viewWithGrad(self, sizes, strides, offset, "AsStridedBackward0");
}

std::string legacyTypeName(const Tensor& t) {
    std::string s = t.device().isCuda() ? "torch.cuda." : "torch.";
    return s + std::string(dtypeShortName(t.dtype())) + "Tensor";
}

DimVector inferSize(const DimVector& shape, int64_t numel) {
    DimVector res = shape;
    int64_t newsize = 1;
    int64_t inferDim = -1;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == -1) {
            if (inferDim >= 0)
                throwRuntime("only one dimension can be inferred");
            inferDim = static_cast<int64_t>(d);
        } else if (shape[d] >= 0) {
            newsize *= shape[d];
        } else {
            throwRuntime("invalid shape dimension " + std::to_string(shape[d]));
        }
    }
    if (numel == newsize || (inferDim >= 0 && newsize > 0 && numel % newsize == 0)) {
        if (inferDim >= 0) {
            if (newsize == 0)
                throwRuntime("cannot reshape tensor of 0 elements into shape " + shape.str() +
                             " because the unspecified dimension size -1 can be any value and is ambiguous");
            res[static_cast<size_t>(inferDim)] = numel / newsize;
        }
        return res;
    }
    throwRuntime("shape '" + shape.str() + "' is invalid for input of size " + std::to_string(numel));
}

// at::detail::computeStride (TensorUtils.cpp).
std::optional<DimVector> computeViewStrides(const DimVector& oldShape, const DimVector& oldStrides,
                                            const DimVector& newShape) {
    if (oldShape.empty())
        return DimVector(newShape.size(), 1);
    int64_t numel = 1;
    for (int64_t s : oldShape)
        numel *= s;
    if (numel == 0 && oldShape == newShape)
        return oldStrides;
    DimVector newStrides(newShape.size());
    if (numel == 0) {
        for (int64_t d = static_cast<int64_t>(newShape.size()) - 1; d >= 0; --d) {
            const auto i = static_cast<size_t>(d);
            newStrides[i] = i + 1 == newShape.size() ? 1 : std::max<int64_t>(newShape[i + 1], 1) * newStrides[i + 1];
        }
        return newStrides;
    }
    int64_t viewD = static_cast<int64_t>(newShape.size()) - 1;
    int64_t chunkBaseStride = oldStrides.back();
    int64_t tensorNumel = 1, viewNumel = 1;
    for (int64_t td = static_cast<int64_t>(oldShape.size()) - 1; td >= 0; --td) {
        const auto ti = static_cast<size_t>(td);
        tensorNumel *= oldShape[ti];
        if (td == 0 || (oldShape[ti - 1] != 1 && oldStrides[ti - 1] != tensorNumel * chunkBaseStride)) {
            while (viewD >= 0 && (viewNumel < tensorNumel || newShape[static_cast<size_t>(viewD)] == 1)) {
                newStrides[static_cast<size_t>(viewD)] = viewNumel * chunkBaseStride;
                viewNumel *= newShape[static_cast<size_t>(viewD)];
                --viewD;
            }
            if (viewNumel != tensorNumel)
                return std::nullopt;
            if (td > 0) {
                chunkBaseStride = oldStrides[ti - 1];
                tensorNumel = 1;
                viewNumel = 1;
            }
        }
    }
    if (viewD != -1)
        return std::nullopt;
    return newStrides;
}

Tensor view(const Tensor& self, const DimVector& shape) {
    DimVector sizes = inferSize(shape, self.numel());
    auto strides = computeViewStrides(self.sizes(), self.strides(), sizes);
    if (!strides)
        throwRuntime("view size is not compatible with input tensor's size and stride (at least one dimension spans "
                     "across two contiguous subspaces). Use .reshape(...) instead.");
    return viewWithGrad(self, std::move(sizes), std::move(*strides), self.storageOffset(), "ViewBackward0");
}

Tensor view_as(const Tensor& self, const Tensor& other) { return view(self, other.sizes()); }

Tensor reshape(const Tensor& self, const DimVector& shape) {
    DimVector sizes = inferSize(shape, self.numel());
    if (auto strides = computeViewStrides(self.sizes(), self.strides(), sizes))
        return viewWithGrad(self, std::move(sizes), std::move(*strides), self.storageOffset(), "ViewBackward0");
    Tensor copy = contiguous(self);
    Tensor out = Tensor::makeView(copy, sizes, contiguousStrides(sizes), 0);
    propagateGrad(out, "UnsafeViewBackward0", {&self});
    return out;
}

Tensor reshape_as(const Tensor& self, const Tensor& other) { return reshape(self, other.sizes()); }

Tensor t(const Tensor& self) {
    if (self.dim() > 2)
        throwRuntime("t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(self.dim()) + "D");
    if (self.dim() < 2)
        return viewWithGrad(self, self.sizes(), self.strides(), self.storageOffset(), "TBackward0");
    return viewWithGrad(self, {self.sizes()[1], self.sizes()[0]}, {self.strides()[1], self.strides()[0]},
                        self.storageOffset(), "TBackward0");
}

Tensor transpose(const Tensor& self, int64_t dim0, int64_t dim1) {
    const auto d0 = static_cast<size_t>(wrapDim(dim0, self.dim()));
    const auto d1 = static_cast<size_t>(wrapDim(dim1, self.dim()));
    DimVector sizes = self.sizes(), strides = self.strides();
    if (self.dim() > 0) {
        std::swap(sizes[d0], sizes[d1]);
        std::swap(strides[d0], strides[d1]);
    }
    return viewWithGrad(self, std::move(sizes), std::move(strides), self.storageOffset(), "TransposeBackward0");
}

Tensor permute(const Tensor& self, const DimVector& dims) {
    const int64_t nd = self.dim();
    if (static_cast<int64_t>(dims.size()) != nd)
        throwRuntime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
                     "desired ordering of dimensions i.e. input.dim() = " + std::to_string(nd) +
                     " is not equal to len(dims) = " + std::to_string(dims.size()));
    DimVector sizes(dims.size()), strides(dims.size());
    std::vector<bool> seen(dims.size(), false);
    for (size_t i = 0; i < dims.size(); ++i) {
        const auto d = static_cast<size_t>(wrapDim(dims[i], nd));
        if (seen[d])
            throwRuntime("permute(): duplicate dims are not allowed.");
        seen[d] = true;
        sizes[i] = self.sizes()[d];
        strides[i] = self.strides()[d];
    }
    return viewWithGrad(self, std::move(sizes), std::move(strides), self.storageOffset(), "PermuteBackward0");
}

Tensor unsqueeze(const Tensor& self, int64_t dim) {
    const auto d = static_cast<size_t>(wrapDim(dim, self.dim() + 1));
    DimVector sizes = self.sizes(), strides = self.strides();
    const int64_t st = d >= sizes.size() ? 1 : sizes[d] * strides[d];
    sizes.insert(d, 1);
    strides.insert(d, st);
    return viewWithGrad(self, std::move(sizes), std::move(strides), self.storageOffset(), "UnsqueezeBackward0");
}

Tensor squeeze(const Tensor& self) {
    DimVector sizes, strides;
    for (size_t i = 0; i < self.sizes().size(); ++i) {
        if (self.sizes()[i] != 1) {
            sizes.push_back(self.sizes()[i]);
            strides.push_back(self.strides()[i]);
        }
    }
    return viewWithGrad(self, std::move(sizes), std::move(strides), self.storageOffset(), "SqueezeBackward0");
}

Tensor squeeze(const Tensor& self, int64_t dim) {
    const auto d = static_cast<size_t>(wrapDim(dim, self.dim()));
    DimVector sizes = self.sizes(), strides = self.strides();
    if (self.dim() > 0 && sizes[d] == 1) {
        sizes.erase(d);
        strides.erase(d);
    }
    return viewWithGrad(self, std::move(sizes), std::move(strides), self.storageOffset(), "SqueezeBackward1");
}

Tensor expand(const Tensor& self, const DimVector& sizes) {
    const int64_t nd = static_cast<int64_t>(sizes.size());
    if (nd < self.dim())
        throwRuntime("expand(" + legacyTypeName(self) + "{" + self.sizes().str() + "}, size=" + sizes.str() +
                     "): the number of sizes provided (" + std::to_string(nd) +
                     ") must be greater or equal to the number of dimensions in the tensor (" +
                     std::to_string(self.dim()) + ")");
    DimVector outSizes(static_cast<size_t>(nd)), outStrides(static_cast<size_t>(nd));
    for (int64_t i = nd - 1; i >= 0; --i) {
        const int64_t offset = nd - 1 - i;
        const int64_t d = self.dim() - 1 - offset;
        int64_t size = d >= 0 ? self.sizes()[static_cast<size_t>(d)] : 1;
        int64_t stride = d >= 0 ? self.strides()[static_cast<size_t>(d)]
                                : (i + 1 < nd ? outSizes[static_cast<size_t>(i + 1)] * outStrides[static_cast<size_t>(i + 1)] : 1);
        int64_t target = sizes[static_cast<size_t>(i)];
        if (target == -1) {
            if (d < 0)
                throwRuntime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension " +
                             std::to_string(i));
            target = size;
        }
        if (size != target) {
            if (size != 1)
                throwRuntime("The expanded size of the tensor (" + std::to_string(target) +
                             ") must match the existing size (" + std::to_string(size) +
                             ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " + sizes.str() +
                             ".  Tensor sizes: " + self.sizes().str());
            size = target;
            stride = 0;
        }
        if (size < 0)
            throwRuntime("Trying to create tensor with negative dimension " + std::to_string(size) + ": " + sizes.str());
        outSizes[static_cast<size_t>(i)] = size;
        outStrides[static_cast<size_t>(i)] = stride;
    }
    return viewWithGrad(self, std::move(outSizes), std::move(outStrides), self.storageOffset(), "ExpandBackward0");
}

Tensor expand_as(const Tensor& self, const Tensor& other) { return expand(self, other.sizes()); }

Tensor select(const Tensor& self, int64_t dim, int64_t index) {
    if (self.dim() == 0)
        throwIndex("select() cannot be applied to a 0-dim tensor.");
    const auto d = static_cast<size_t>(wrapDim(dim, self.dim()));
    const int64_t size = self.sizes()[d];
    if (index < -size || index >= size)
        throwIndex("select(): index " + std::to_string(index) + " out of range for tensor of size " +
                   self.sizes().str() + " at dimension " + std::to_string(d));
    if (index < 0)
        index += size;
    DimVector sizes = self.sizes(), strides = self.strides();
    const int64_t offset = self.storageOffset() + index * strides[d];
    sizes.erase(d);
    strides.erase(d);
    return viewWithGrad(self, std::move(sizes), std::move(strides), offset, "SelectBackward0");
}

Tensor slice(const Tensor& self, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end, int64_t step) {
    if (self.dim() == 0)
        throwIndex("slice() cannot be applied to a 0-dim tensor.");
    if (step <= 0)
        throwValue("step must be greater than zero");
    const auto d = static_cast<size_t>(wrapDim(dim, self.dim()));
    const int64_t size = self.sizes()[d];
    int64_t s = start.value_or(0), e = end.value_or(size);
    if (s < 0)
        s += size;
    if (e < 0)
        e += size;
    s = std::clamp<int64_t>(s, 0, size);
    e = std::clamp<int64_t>(e, s, size);
    DimVector sizes = self.sizes(), strides = self.strides();
    const int64_t offset = self.storageOffset() + s * strides[d];
    sizes[d] = (e - s + step - 1) / step;
    strides[d] *= step;
    return viewWithGrad(self, std::move(sizes), std::move(strides), offset, "SliceBackward0");
}

Tensor narrow(const Tensor& self, int64_t dim, int64_t start, int64_t length) {
    if (self.dim() == 0)
        throwRuntime("narrow() cannot be applied to a 0-dim tensor.");
    if (length < 0)
        throwRuntime("narrow(): length must be non-negative.");
    const int64_t size = self.size(dim);
    if (start < -size || start > size)
        throwIndex("start out of range (expected to be in range of [" + std::to_string(-size) + ", " +
                   std::to_string(size) + "], but got " + std::to_string(start) + ")");
    if (start < 0)
        start += size;
    if (start + length > size)
        throwRuntime("start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                     ") exceeds dimension size (" + std::to_string(size) + ").");
    return slice(self, dim, start, start + length, 1);
}

Tensor detach(const Tensor& self) {
    return Tensor::makeView(self, self.sizes(), self.strides(), self.storageOffset());
}

Tensor alias(const Tensor& self) {
    return viewWithGrad(self, self.sizes(), self.strides(), self.storageOffset(), "AliasBackward0");
}

Tensor flatten(const Tensor& self, int64_t startDim, int64_t endDim) {
    const int64_t s = wrapDim(startDim, self.dim()), e = wrapDim(endDim, self.dim());
    if (s > e)
        throwRuntime("flatten() has invalid args: start_dim cannot come after end_dim");
    if (self.dim() == 0)
        return reshape(self, {1});
    if (s == e)
        return self;
    DimVector shape;
    int64_t prod = 1;
    for (int64_t i = 0; i < self.dim(); ++i) {
        if (i < s || i > e) {
            shape.push_back(self.sizes()[static_cast<size_t>(i)]);
        } else {
            prod *= self.sizes()[static_cast<size_t>(i)];
            if (i == e)
                shape.push_back(prod);
        }
    }
    return reshape(self, shape);
}

Tensor unflatten(const Tensor& self, int64_t dim, const DimVector& sizes) {
    const auto d = static_cast<size_t>(wrapDim(dim, self.dim()));
    if (sizes.empty())
        throwRuntime("unflatten: sizes must be non-empty");
    DimVector inferred = inferSize(sizes, self.sizes()[d]);
    DimVector shape;
    for (size_t i = 0; i < self.sizes().size(); ++i) {
        if (i == d)
            for (int64_t s : inferred)
                shape.push_back(s);
        else
            shape.push_back(self.sizes()[i]);
    }
    return view(self, shape);
}

std::vector<Tensor> unbind(const Tensor& self, int64_t dim) {
    if (self.dim() == 0)
        throwIndex("Dimension specified as 0 but tensor has no dimensions");
    const int64_t d = wrapDim(dim, self.dim());
    std::vector<Tensor> out;
    for (int64_t i = 0; i < self.sizes()[static_cast<size_t>(d)]; ++i) {
        Tensor v = select(self, d, i);
        if (v.gradFn())
            v.impl()->gradFn = "UnbindBackward0";
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Tensor> split_with_sizes(const Tensor& self, const DimVector& sizes, int64_t dim) {
    if (self.dim() == 0)
        throwRuntime("split expects at least a 1-dimensional tensor");
    const int64_t d = wrapDim(dim, self.dim());
    const int64_t dimSize = self.sizes()[static_cast<size_t>(d)];
    int64_t sum = 0;
    for (int64_t s : sizes) {
        if (s < 0)
            throwRuntime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=" +
                         sizes.str());
        sum += s;
    }
    if (sum != dimSize)
        throwRuntime("split_with_sizes expects split_sizes to sum exactly to " + std::to_string(dimSize) +
                     " (input tensor's size at dimension " + std::to_string(d) + "), but got split_sizes=" + sizes.str());
    std::vector<Tensor> out;
    int64_t start = 0;
    for (int64_t s : sizes) {
        Tensor v = slice(self, d, start, start + s, 1);
        if (v.gradFn())
            v.impl()->gradFn = "SplitWithSizesBackward0";
        out.push_back(std::move(v));
        start += s;
    }
    return out;
}

std::vector<Tensor> split(const Tensor& self, int64_t splitSize, int64_t dim) {
    if (self.dim() == 0)
        throwRuntime("split expects at least a 1-dimensional tensor");
    if (splitSize < 0)
        throwRuntime("split expects split_size be non-negative, but got split_size=" + std::to_string(splitSize));
    const int64_t d = wrapDim(dim, self.dim());
    const int64_t dimSize = self.sizes()[static_cast<size_t>(d)];
    if (splitSize == 0 && dimSize != 0)
        throwRuntime("split_size can only be 0 if dimension size is 0, but got dimension size of " +
                     std::to_string(dimSize));
    int64_t numSplits = 1;
    if (splitSize != 0)
        numSplits = std::max<int64_t>((dimSize + splitSize - 1) / splitSize, 1);
    std::vector<Tensor> out;
    for (int64_t i = 0; i < numSplits; ++i) {
        const int64_t start = i * splitSize;
        const int64_t len = std::min(splitSize, dimSize - start);
        Tensor v = slice(self, d, start, start + len, 1);
        if (v.gradFn())
            v.impl()->gradFn = "SplitBackward0";
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim) {
    if (self.dim() == 0)
        throwRuntime("chunk expects at least a 1-dimensional tensor");
    if (chunks <= 0)
        throwRuntime("chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
    const int64_t d = wrapDim(dim, self.dim());
    const int64_t dimSize = self.sizes()[static_cast<size_t>(d)];
    const int64_t splitSize = (dimSize + chunks - 1) / chunks;
    if (splitSize == 0 && dimSize == 0) {
        DimVector sizes(static_cast<size_t>(chunks), 0);
        return split_with_sizes(self, sizes, d);
    }
    return split(self, splitSize, d);
}

Tensor movedim(const Tensor& self, int64_t source, int64_t destination) {
    const int64_t nd = self.dim();
    const int64_t s = wrapDim(source, nd), dst = wrapDim(destination, nd);
    if (nd == 0)
        return alias(self);
    std::vector<int64_t> order;
    for (int64_t i = 0; i < nd; ++i)
        if (i != s)
            order.push_back(i);
    order.insert(order.begin() + dst, s);
    Tensor out = permute(self, DimVector(order));
    return out;
}

Tensor diagonal(const Tensor& self, int64_t offset, int64_t dim1, int64_t dim2) {
    const auto d1 = static_cast<size_t>(wrapDim(dim1, self.dim()));
    const auto d2 = static_cast<size_t>(wrapDim(dim2, self.dim()));
    if (d1 == d2)
        throwRuntime("diagonal dimensions cannot be identical " + std::to_string(dim1) + ", " + std::to_string(dim2));
    int64_t len;
    int64_t storageOffset = self.storageOffset();
    if (offset >= 0) {
        len = std::max<int64_t>(std::min(self.sizes()[d1], self.sizes()[d2] - offset), 0);
        if (len > 0)
            storageOffset += offset * self.strides()[d2];
    } else {
        len = std::max<int64_t>(std::min(self.sizes()[d1] + offset, self.sizes()[d2]), 0);
        if (len > 0)
            storageOffset -= offset * self.strides()[d1];
    }
    DimVector sizes, strides;
    for (size_t i = 0; i < self.sizes().size(); ++i) {
        if (i != d1 && i != d2) {
            sizes.push_back(self.sizes()[i]);
            strides.push_back(self.strides()[i]);
        }
    }
    sizes.push_back(len);
    strides.push_back(self.strides()[d1] + self.strides()[d2]);
    return viewWithGrad(self, std::move(sizes), std::move(strides), storageOffset, "DiagonalBackward0");
}

} // namespace gs::tensor
