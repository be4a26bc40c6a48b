#include "core/tensor/Indexing.h"

#include "core/tensor/Copy.h"
#include "core/tensor/ShapeOps.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

struct Applied {
    Tensor view;                  // after all basic indices
    std::optional<Tensor> adv;    // the tensor index, if any
    int64_t advDim = 0;           // dim of `view` it applies to
};

int64_t consumedDims(const TensorIndex& idx) {
    if (std::holds_alternative<int64_t>(idx) || std::holds_alternative<SliceIndex>(idx))
        return 1;
    if (const Tensor* t = std::get_if<Tensor>(&idx))
        return t->dtype() == DType::Bool ? std::max<int64_t>(t->dim(), 1) : 1;
    return 0;
}

Applied applyBasic(const Tensor& self, const std::vector<TensorIndex>& indices) {
    int64_t specified = 0;
    int ellipses = 0;
    for (const auto& idx : indices) {
        specified += consumedDims(idx);
        if (std::holds_alternative<EllipsisIndex>(idx))
            ++ellipses;
    }
    if (ellipses > 1)
        throwIndex("an index can only have a single ellipsis ('...')");
    if (specified > self.dim()) {
        if (self.dim() == 0 && specified > 0 && !indices.empty() && std::holds_alternative<int64_t>(indices[0]))
            throwIndex("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                       "convert a 0-dim tensor to a number");
        throwIndex("too many indices for tensor of dimension " + std::to_string(self.dim()));
    }
    Applied a;
    Tensor r = self;
    int64_t dim = 0; // current dim of r that the next index applies to
    for (const auto& idx : indices) {
        if (const int64_t* i = std::get_if<int64_t>(&idx)) {
            const int64_t size = r.sizes()[static_cast<size_t>(dim)];
            if (*i < -size || *i >= size)
                throwIndex("index " + std::to_string(*i) + " is out of bounds for dimension " + std::to_string(dim) +
                           " with size " + std::to_string(size));
            r = select(r, dim, *i);
        } else if (const SliceIndex* s = std::get_if<SliceIndex>(&idx)) {
            const int64_t step = s->step.value_or(1);
            if (step <= 0)
                throwValue("step must be greater than zero");
            r = slice(r, dim, s->start, s->stop, step);
            ++dim;
        } else if (std::holds_alternative<NoneIndex>(idx)) {
            r = unsqueeze(r, dim);
            ++dim;
        } else if (std::holds_alternative<EllipsisIndex>(idx)) {
            dim += self.dim() - specified;
        } else if (const bool* b = std::get_if<bool>(&idx)) {
            r = unsqueeze(r, dim);
            if (!*b)
                r = slice(r, dim, 0, 0, 1);
            ++dim;
        } else {
            const Tensor& t = std::get<Tensor>(idx);
            if (a.adv)
                throwRuntime("indexing with more than one tensor index is not supported");
            if (t.dtype() != DType::Bool && t.dtype() != DType::Int64 && t.dtype() != DType::Int32)
                throwIndex("tensors used as indices must be long, int, byte or bool tensors");
            a.adv = t;
            a.advDim = dim;
            dim += consumedDims(idx);
        }
    }
    a.view = r;
    return a;
}

// Long index tensor -> the flat list of positions along dim (wrapped and checked).
std::vector<int64_t> longPositions(const Tensor& idx, int64_t size, int64_t dim) {
    std::vector<int64_t> pos = idx.toInts();
    for (int64_t& p : pos) {
        if (p < -size || p >= size)
            throwIndex("index " + std::to_string(p) + " is out of bounds for dimension " + std::to_string(dim) +
                       " with size " + std::to_string(size));
        if (p < 0)
            p += size;
    }
    return pos;
}

// Bool mask over dims [dim, dim + mask.dim()) -> the dims are flattened and masked.
Tensor flattenForMask(const Tensor& v, const Tensor& mask, int64_t dim) {
    const int64_t md = std::max<int64_t>(mask.dim(), 1);
    Tensor m = mask.dim() == 0 ? unsqueeze(mask, 0) : mask;
    Tensor vv = mask.dim() == 0 ? unsqueeze(v, dim) : v;
    for (int64_t k = 0; k < md; ++k) {
        const int64_t ms = m.sizes()[static_cast<size_t>(k)];
        const int64_t vs = vv.sizes()[static_cast<size_t>(dim + k)];
        if (ms != vs)
            throwIndex("The shape of the mask " + m.sizes().str() + " at index " + std::to_string(k) +
                       " does not match the shape of the indexed tensor " + vv.sizes().str() + " at index " +
                       std::to_string(dim + k));
    }
    return flatten(vv, dim, dim + md - 1);
}

std::vector<int64_t> maskPositions(const Tensor& mask) {
    Tensor m = contiguous(reshape(mask, {-1}));
    std::vector<int64_t> pos;
    for (int64_t i = 0; i < m.numel(); ++i)
        if (m.dataAs<bool>()[i])
            pos.push_back(i);
    return pos;
}

} // namespace

Tensor index(const Tensor& self, const std::vector<TensorIndex>& indices) {
    Applied a = applyBasic(self, indices);
    if (!a.adv)
        return a.view.is(self) ? alias(self) : a.view;
    const Tensor& idx = *a.adv;
    std::vector<double> pos;
    Tensor base;
    DimVector idxShape;
    if (idx.dtype() == DType::Bool) {
        base = flattenForMask(a.view, idx, a.advDim);
        for (int64_t p : maskPositions(idx))
            pos.push_back(static_cast<double>(p));
        idxShape = {static_cast<int64_t>(pos.size())};
    } else {
        base = a.view;
        for (int64_t p : longPositions(idx, base.sizes()[static_cast<size_t>(a.advDim)], a.advDim))
            pos.push_back(static_cast<double>(p));
        idxShape = idx.sizes();
    }
    Tensor flatIdx = Tensor::fromData(pos, {static_cast<int64_t>(pos.size())}, DType::Int64);
    Tensor r = index_select(base, a.advDim, flatIdx);
    DimVector shape;
    for (int64_t d = 0; d < r.dim(); ++d) {
        if (d == a.advDim)
            for (int64_t s : idxShape)
                shape.push_back(s);
        else
            shape.push_back(r.sizes()[static_cast<size_t>(d)]);
    }
    Tensor out = reshape(r, shape);
    if (out.gradFn())
        out.impl()->gradFn = "IndexBackward0";
    return out;
}

const Tensor& index_put_(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value) {
    checkInplaceTarget(self);
    Applied a = applyBasic(detach(self), indices);
    if (!a.adv) {
        copy_(a.view, value);
        return self;
    }
    const Tensor& idx = *a.adv;
    Tensor base;
    std::vector<int64_t> pos;
    if (idx.dtype() == DType::Bool) {
        base = flattenForMask(a.view, idx, a.advDim);
        pos = maskPositions(idx);
    } else {
        base = a.view;
        pos = longPositions(reshape(idx, {-1}), base.sizes()[static_cast<size_t>(a.advDim)], a.advDim);
    }
    // Every selected slice takes the value broadcast to [n, slice...] (row k for position k).
    DimVector sliceShape = base.sizes();
    sliceShape.erase(static_cast<size_t>(a.advDim));
    DimVector target = sliceShape;
    target.insert(static_cast<size_t>(0), static_cast<int64_t>(pos.size()));
    Tensor v = contiguous(expand(value.dim() > static_cast<int64_t>(target.size()) ? reshape(value, target) : value, target));
    if (base.storageId() != self.storageId())
        throwRuntime("index_put_: indexed tensor is not a view of self");
    for (size_t k = 0; k < pos.size(); ++k)
        copy_(select(base, a.advDim, pos[k]), select(v, 0, static_cast<int64_t>(k)));
    return self;
}

const Tensor& index_put_(const Tensor& self, const std::vector<TensorIndex>& indices, const Scalar& value) {
    Tensor v = Tensor::empty({}, self.dtype(), self.device(), false);
    fill_(v, value);
    return index_put_(self, indices, v);
}

} // namespace gs::tensor
