// torch.Size (see TorchSize.h).
#include "core/torch/TorchSize.h"

#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::CmpOpKind;
using runtime::Interpreter;
using runtime::Value;

namespace {

// Lexicographic tuple comparison (CPython tuplerichcompare): first differing item decides.
bool compareSequences(CmpOpKind op, const std::vector<Value>& a, std::span<const Value> b) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && runtime::ops::equals(a[i], b[i]))
        ++i;
    if (i >= a.size() || i >= b.size()) {
        const size_t la = a.size(), lb = b.size();
        switch (op) {
        case CmpOpKind::Eq: return la == lb;
        case CmpOpKind::NotEq: return la != lb;
        case CmpOpKind::Lt: return la < lb;
        case CmpOpKind::LtE: return la <= lb;
        case CmpOpKind::Gt: return la > lb;
        default: return la >= lb;
        }
    }
    if (op == CmpOpKind::Eq) return false;
    if (op == CmpOpKind::NotEq) return true;
    return runtime::ops::compareBool(op, a[i], b[i]);
}

} // namespace

std::string SizeObject::repr() {
    std::string s = "torch.Size([";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += runtime::ops::repr(items[i]);
    }
    return s + "])";
}

Value SizeObject::getItem(const Value& key) {
    Value r = runtime::Tuple::getItem(key);
    // A slice of a Size is a Size (THPSize_subscript).
    if (auto* t = r.dyn<runtime::Tuple>(); t && !r.dyn<SizeObject>())
        return Value(new SizeObject(type(), t->items));
    return r;
}

Value SizeObject::richCompare(CmpOpKind op, const Value& other) {
    if (op > CmpOpKind::GtE) return {};
    // Like tuple: comparable with tuples (and Sizes), not with lists (tuple == list is False).
    auto* t = other.dyn<runtime::Tuple>();
    if (!t) return {};
    return Value::boolean(compareSequences(op, items, t->items));
}

Value SizeObject::binaryOp(runtime::BinOpKind op, const Value& other, bool reflected) {
    // Size + tuple -> Size; tuple + Size -> tuple (only Size overrides __add__).
    if (op == runtime::BinOpKind::Add) {
        auto* t = other.dyn<runtime::Tuple>();
        if (!t) return {};
        std::vector<Value> all;
        const std::vector<Value>& first = reflected ? t->items : items;
        const std::vector<Value>& second = reflected ? items : t->items;
        all.reserve(first.size() + second.size());
        all.insert(all.end(), first.begin(), first.end());
        all.insert(all.end(), second.begin(), second.end());
        if (reflected) return Interpreter::current().newTuple(std::move(all));
        return Value(new SizeObject(type(), std::move(all)));
    }
    return runtime::Tuple::binaryOp(op, other, reflected);
}

Value makeSize(TorchContext& ctx, std::vector<Value> items) { return Value(new SizeObject(ctx.sizeType, std::move(items))); }

Value sizeOfTensor(TorchContext& ctx, const Value& tensor) {
    const int64_t nd = tensorOf(tensor).dim();
    std::vector<Value> items;
    items.reserve(static_cast<size_t>(nd));
    for (int64_t d = 0; d < nd; ++d)
        items.push_back(ctx.dispatcher->sizeAt(tensor, d));
    return makeSize(ctx, std::move(items));
}

void installSize(Interpreter& interp, TorchContext& ctx, runtime::Module* torch) {
    ctx.sizeType = interp.newNativeType("Size", "torch");
    // torch.Size subclasses tuple: isinstance(x.shape, tuple) and tuple's methods (index, count).
    ctx.sizeType->setBases({interp.types.tuple});
    ctx.sizeType->subclassable = false;
    TorchContext* c = &ctx;
    ctx.sizeType->construct = [c](runtime::Type*, const CallArgs& a) -> Value {
        a.expect("Size", 0, 1);
        if (a.size() == 0) return makeSize(*c, {});
        std::vector<Value> items = runtime::ops::toVector(a[0]);
        for (size_t i = 0; i < items.size(); ++i) {
            int64_t v = 0;
            if (items[i].isFloat() || !runtime::ops::tryIndex(items[i], v))
                Interpreter::current().raise("TypeError", "torch.Size() takes an iterable of 'int' (item " +
                                                              std::to_string(i) + " is '" + runtime::typeName(items[i]) + "')");
            if (!items[i].isIntLike() && !items[i].obj()) items[i] = Value::integer(v);
        }
        return makeSize(*c, std::move(items));
    };
    interp.setAttr(Value(torch), "Size", Value(ctx.sizeType));
    // numel(): the product, computed with Python multiplication so symbolic sizes stay symbolic.
    interp.addMethod(ctx.sizeType, "numel", [](const CallArgs& a) -> Value {
        a.expect("numel", 1, 1);
        auto* self = a[0].dyn<runtime::Tuple>();
        if (!self) Interpreter::current().raise("TypeError", "numel() requires a 'torch.Size' object");
        Value n = Value::integer(1);
        for (const Value& v : self->items)
            n = runtime::ops::binary(runtime::BinOpKind::Mult, n, v);
        return n;
    });
}

} // namespace gs::torch
