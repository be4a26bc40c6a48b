// x[key], x[key] = v, `v in x` and x.tolist(): ops whose keys are Python subscripts (ints,
// slices, None, Ellipsis, bools, tensors, lists of ints, and tuples of those).
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/tensor/Factories.h"
#include "core/tensor/Indexing.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/Reductions.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;
using tensor::TensorIndex;

namespace {

[[noreturn]] void raiseBadIndex(const Value& v) {
    Interpreter::current().raise("IndexError", "only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                                               "Variables are valid indices (got " +
                                                   runtime::typeName(v) + ")");
}

std::optional<int64_t> sliceBound(const Value& v) {
    if (v.isNone() || v.isNull()) return std::nullopt;
    return intArg(v);
}

tensor::NestedValue nestedInts(TorchContext& ctx, const Value& v) {
    if (isSequence(ctx, v)) {
        tensor::NestedValue::List items;
        for (const Value& item : sequenceItems(v))
            items.push_back(nestedInts(ctx, item));
        return tensor::NestedValue(std::move(items));
    }
    if (v.isBool()) return tensor::NestedValue(v.asBool());
    int64_t i = 0;
    if (v.isFloat() || !runtime::ops::tryIndex(v, i)) raiseBadIndex(v);
    return tensor::NestedValue(i);
}

TensorIndex indexOf(TorchContext& ctx, const Value& v) {
    Interpreter& in = *ctx.interp;
    switch (v.tag()) {
    case runtime::Tag::Bool: return v.asBool();
    case runtime::Tag::Int: return v.asInt();
    case runtime::Tag::None: return tensor::NoneIndex{};
    case runtime::Tag::Float: raiseBadIndex(v);
    default: break;
    }
    if (TensorObject* t = tensorObj(ctx, v)) return t->tensor;
    if (v.is(in.ellipsis())) return tensor::EllipsisIndex{};
    if (auto* s = v.dyn<runtime::Slice>()) return tensor::SliceIndex{sliceBound(s->start), sliceBound(s->stop), sliceBound(s->step)};
    // A list is an advanced (tensor) index, as in PyTorch.
    if (v.obj() && v.obj()->type() == in.types.list) return tensor::tensor(nestedInts(ctx, v));
    // Proxies for ints (the tracer's), or anything else with __index__.
    runtime::Type* vt = runtime::ops::visibleTypeOf(v);
    if (vt == in.types.bool_) return runtime::ops::truthy(v);
    int64_t i = 0;
    if (vt != in.types.float_ && runtime::ops::tryIndex(v, i)) return i;
    raiseBadIndex(v);
}

std::vector<TensorIndex> indicesOf(TorchContext& ctx, const Value& key) {
    std::vector<TensorIndex> out;
    if (key.obj() && key.obj()->type() == ctx.interp->types.tuple) {
        for (const Value& k : sequenceItems(key))
            out.push_back(indexOf(ctx, k));
    } else {
        out.push_back(indexOf(ctx, key));
    }
    return out;
}

Value tolistOf(const Tensor& t, int64_t dim, int64_t offset, Interpreter& in) {
    if (dim == t.dim()) return scalarValue(t.elementAt(offset));
    std::vector<Value> items;
    const int64_t n = t.sizes()[static_cast<size_t>(dim)];
    int64_t inner = 1;
    for (int64_t d = dim + 1; d < t.dim(); ++d)
        inner *= t.sizes()[static_cast<size_t>(d)];
    items.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        items.push_back(tolistOf(t, dim + 1, offset + i * inner, in));
    return in.newList(std::move(items));
}

} // namespace

void registerIndexingOps(TorchContext& ctx) {
    TorchOpIds& ids = ctx.state->ids;
    TorchContext* c = &ctx;
    // x[key]: operator.getitem(x, key); views for basic indices, copies for tensor indices.
    ids.getitem = addOp(ctx, "Tensor.__getitem__", "operator.getitem", ShapeRule::Generic, {},
                        guarded([c](const CallArgs& a) -> Value {
                            a.expect("__getitem__", 2, 2);
                            const Tensor& self = selfTensor(*c, a, "__getitem__").tensor;
                            return c->wrap(tensor::index(self, indicesOf(*c, a[1])));
                        }));
    bindMethod(ctx, "__getitem__", ids.getitem);
    // x[key] = value: operator.setitem(x, key, value), in place (returns x).
    ids.setitem = addOp(ctx, "Tensor.__setitem__", "operator.setitem", ShapeRule::Generic, {.inplace = true},
                        guarded([c](const CallArgs& a) -> Value {
                            a.expect("__setitem__", 3, 3);
                            const Tensor& self = selfTensor(*c, a, "__setitem__").tensor;
                            std::vector<TensorIndex> idx = indicesOf(*c, a[1]);
                            if (TensorObject* v = tensorObj(*c, a[2])) {
                                tensor::index_put_(self, idx, v->tensor);
                                return a[0];
                            }
                            tensor::Scalar s;
                            if (!scalarOf(a[2], s))
                                Interpreter::current().raise("TypeError", "can't assign a " + runtime::typeName(a[2]) +
                                                                              " to a " + std::string(tensor::legacyTypeName(self)));
                            tensor::index_put_(self, idx, s);
                            return a[0];
                        }));
    bindMethod(ctx, "__setitem__", ids.setitem);
    // `v in x` (torch/_tensor.py __contains__): (x == v).any().item()
    ids.contains = addOp(ctx, "Tensor.__contains__", "operator.contains", ShapeRule::NoTensorOut, {},
                         guarded([c](const CallArgs& a) -> Value {
                             a.expect("__contains__", 2, 2);
                             const Tensor& self = selfTensor(*c, a, "__contains__").tensor;
                             tensor::Operand v = operandArg(*c, a[1], "__contains__", "element");
                             return Value::boolean(tensor::any(tensor::binary(tensor::BinaryOp::Eq, self, v)).item().toBool());
                         }));
    // x.tolist(): nested Python lists (a Python number for a 0-dim tensor).
    ids.tolist = addOp(ctx, "Tensor.tolist", "tolist", ShapeRule::NoTensorOut, {.method = true},
                       guarded([c](const CallArgs& a) -> Value {
                           a.expect("tolist", 1, 1);
                           const Tensor& self = selfTensor(*c, a, "tolist").tensor;
                           return tolistOf(self, 0, 0, *c->interp);
                       }));
    bindMethod(ctx, "tolist", ids.tolist);
}

} // namespace gs::torch
