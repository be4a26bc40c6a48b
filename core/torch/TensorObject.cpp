// TensorObject: the protocol slots of a scenario-visible tensor. Everything that reads or writes
// data goes through the context's dispatcher (ops by index, sizeAt, truth, item), so the tracer
// sees Python operators exactly like explicit calls.
#include <algorithm>

#include "core/torch/TorchBindings.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/torch/TorchState.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::BinOpKind;
using runtime::CallArgs;
using runtime::CmpOpKind;
using runtime::Interpreter;
using runtime::Value;

namespace {

TorchContext& contextOf(TensorObject* t) { return t->ctx ? *t->ctx : torchContext(); }

Value callOp2(TorchContext& ctx, int op, const Value& a, const Value& b) {
    const Value args[2] = {a, b};
    return ctx.callOp(op, CallArgs{std::span<const Value>(args, 2), {}});
}

// Whether `v` can be an operand of a tensor op (a tensor or a number), decided without
// converting it: a tracking proxy (a traced Python int/bool/float, which reports a visible
// builtin type) must reach the op unconverted, since probing it would install a guard or
// specialize a SymInt.
bool isOperandCandidate(const TorchContext& ctx, const Value& v) {
    switch (v.tag()) {
    case runtime::Tag::Bool:
    case runtime::Tag::Int:
    case runtime::Tag::Float: return true;
    case runtime::Tag::Obj: break;
    default: return false;
    }
    if (tensorObj(ctx, v) || asTensorObject(v)) return true;
    runtime::Type* t = v.obj()->visibleType();
    if (!t) t = v.obj()->type();
    const runtime::BuiltinTypes& bt = Interpreter::current().types;
    return t->isSubtypeOf(bt.int_) || t->isSubtypeOf(bt.float_) || runtime::complex::of(v);  // bool is an int subtype
}

// The marks torch._dynamo's mark_* functions (and AOTAutograd, for outputs) leave on a tensor,
// as Python sets: _dynamo_dynamic_indices, _dynamo_weak_dynamic_indices, ... Null: another name.
std::vector<int64_t>* markedIndices(TensorObject* t, const TorchContext& ctx, runtime::Str* name) {
    if (name == ctx.state->dynamicIndicesName) return &t->dynamicIndices;
    std::string_view n = name->view();
    if (!n.starts_with("_dynamo_")) return nullptr;
    if (n == "_dynamo_dynamic_indices") return &t->dynamicIndices;
    if (n == "_dynamo_weak_dynamic_indices") return &t->weakDynamicIndices;
    if (n == "_dynamo_static_indices") return &t->staticIndices;
    if (n == "_dynamo_unbacked_indices") return &t->unbackedIndices;
    return nullptr;
}

} // namespace

bool TensorObject::isParameter() const {
    const TorchContext* c = ctx ? ctx : findTorchContext();
    return c && type()->isSubtypeOf(c->parameterType);
}

std::string TensorObject::repr() {
    std::string r = runGuarded([&] { return tensor.repr(); });
    // torch/nn/parameter.py: 'Parameter containing:\n' + super().__repr__()
    if (isParameter()) return "Parameter containing:\n" + r;
    return r;
}

int TensorObject::truth() { return contextOf(this).dispatcher->truth(Value(this)) ? 1 : 0; }

int64_t TensorObject::len() {
    if (tensor.dim() == 0) Interpreter::current().raise("TypeError", "len() of a 0-d tensor");
    Value n = contextOf(this).dispatcher->sizeAt(Value(this), 0);
    return runtime::ops::toIndex(n);
}

int64_t TensorObject::hash() { return Object::hash(); }

Value TensorObject::iter() {
    // torch/_tensor.py __iter__: iter(self.unbind(0)), with its 0-d error.
    if (tensor.dim() == 0) Interpreter::current().raise("TypeError", "iteration over a 0-d tensor");
    TorchContext& ctx = contextOf(this);
    const Value self(this);
    Value parts = ctx.callOp(ctx.state->ids.unbind, CallArgs{std::span<const Value>(&self, 1), {}});
    return runtime::ops::getIter(parts);
}

Value TensorObject::getItem(const Value& key) {
    TorchContext& ctx = contextOf(this);
    return callOp2(ctx, ctx.state->ids.getitem, Value(this), key);
}

bool TensorObject::setItem(const Value& key, const Value& v) {
    TorchContext& ctx = contextOf(this);
    const Value args[3] = {Value(this), key, v};
    ctx.callOp(ctx.state->ids.setitem, CallArgs{std::span<const Value>(args, 3), {}});
    return true;
}

int TensorObject::contains(const Value& v) {
    TorchContext& ctx = contextOf(this);
    if (!isOperandCandidate(ctx, v))
        Interpreter::current().raise("RuntimeError", "Tensor.__contains__ only supports Tensor or scalar, but you passed in a " +
                                                         runtime::typeName(v) + ".");
    return runtime::ops::truthy(callOp2(ctx, ctx.state->ids.contains, Value(this), v)) ? 1 : 0;
}

Value TensorObject::richCompare(CmpOpKind op, const Value& other) {
    if (op > CmpOpKind::GtE) return {};
    TorchContext& ctx = contextOf(this);
    // Anything that is neither a tensor nor a number: NotImplemented (so `x == None` is False).
    if (!isOperandCandidate(ctx, other)) return {};
    return callOp2(ctx, ctx.state->ids.compare[static_cast<size_t>(op)], Value(this), other);
}

Value TensorObject::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    TorchContext& ctx = contextOf(this);
    const int id = ctx.state->ids.binary[static_cast<size_t>(op)];
    if (id < 0) return {};
    if (!isOperandCandidate(ctx, other)) return {};
    // Reflected (`2 * x`): recorded as operator.mul(2, x), the operands in source order.
    return reflected ? callOp2(ctx, id, other, Value(this)) : callOp2(ctx, id, Value(this), other);
}

Value TensorObject::inplaceOp(BinOpKind op, const Value& other) {
    TorchContext& ctx = contextOf(this);
    const int id = ctx.state->ids.inplace[static_cast<size_t>(op)];
    if (id < 0) return {};
    if (!isOperandCandidate(ctx, other)) return {};
    return callOp2(ctx, id, Value(this), other);
}

Value TensorObject::unaryOp(runtime::UnaryOpKind op) {
    TorchContext& ctx = contextOf(this);
    const TorchOpIds& ids = ctx.state->ids;
    int id = -1;
    switch (op) {
    case runtime::UnaryOpKind::USub: id = ids.neg; break;
    case runtime::UnaryOpKind::UAdd: id = ids.pos; break;
    case runtime::UnaryOpKind::Invert: id = ids.invert; break;
    default: return {};
    }
    const Value self(this);
    return ctx.callOp(id, CallArgs{std::span<const Value>(&self, 1), {}});
}

Value TensorObject::getAttr(runtime::Str* name) {
    TorchContext& ctx = contextOf(this);
    if (std::vector<int64_t>* marks = markedIndices(this, ctx, name)) {
        // torch._dynamo.mark_dynamic sets t._dynamo_dynamic_indices (a set); absent until then.
        if (marks->empty()) return {};
        Interpreter& in = Interpreter::current();
        auto* s = new runtime::SetObject(in.types.set, false);
        Value result(s);
        for (int64_t i : *marks)
            s->add(Value::integer(i));
        return result;
    }
    if (!attrs) return {};
    return attrs->get(Value(name));
}

bool TensorObject::setAttr(runtime::Str* name, const Value& v) {
    TorchContext& ctx = contextOf(this);
    if (std::vector<int64_t>* marks = markedIndices(this, ctx, name)) {
        std::vector<int64_t> dims;
        for (const Value& d : runtime::ops::toVector(v))
            dims.push_back(runtime::ops::toIndex(d));
        std::sort(dims.begin(), dims.end());
        dims.erase(std::unique(dims.begin(), dims.end()), dims.end());
        *marks = std::move(dims);
        return true;
    }
    if (!attrs) attrs = Interpreter::current().newDict();
    attrs->set(Value(name), v);
    return true;
}

bool TensorObject::delAttr(runtime::Str* name) {
    if (std::vector<int64_t>* marks = markedIndices(this, contextOf(this), name)) {
        if (marks->empty()) return false;
        marks->clear();
        return true;
    }
    return attrs && attrs->remove(Value(name));
}

namespace {

// float(x) / int(x): one element (ValueError otherwise, as THPVariable_float_scalar).
Value scalarItem(TensorObject* self) {
    if (self->tensor.numel() != 1)
        Interpreter::current().raise("ValueError", "only one element tensors can be converted to Python scalars");
    return contextOf(self).dispatcher->item(Value(self));
}

} // namespace

bool TensorObject::toFloat(double& out) {
    out = runtime::ops::toDouble(scalarItem(this));
    return true;
}

bool TensorObject::toIndex(int64_t& out) {
    // THPVariable_index: integral dtype (bool included) and a single element.
    if (!tensor::isIntegral(tensor.dtype(), true) || tensor.numel() != 1)
        Interpreter::current().raise("TypeError", "only integer tensors of a single element can be converted to an index");
    out = runtime::ops::toIndex(contextOf(this).dispatcher->item(Value(this)));
    return true;
}

bool TensorObject::toInt(int64_t& out) {
    tensor::Scalar s;
    Value v = scalarItem(this);
    if (!scalarOf(v, s)) out = runtime::ops::toIndex(v);
    else out = s.toInt();
    return true;
}

std::string TensorObject::format(std::string_view spec) {
    // torch/_tensor.py __format__: a 0-dim tensor formats its item.
    if (tensor.dim() == 0) return runtime::ops::format(contextOf(this).dispatcher->item(Value(this)), spec);
    return Object::format(spec);
}

void TensorObject::clearRefs() { attrs = nullptr; }

// ---- construction ------------------------------------------------------------------------------

void installTensorType(Interpreter& interp, TorchContext& ctx) {
    ctx.tensorType->subclassable = false;
    ctx.parameterType->subclassable = false;
    TorchContext* c = &ctx;
    // nn.Parameter(data=None, requires_grad=True): shares data's storage (data.detach()).
    ctx.parameterType->construct = [c](runtime::Type*, const CallArgs& a) -> Value {
        static const Sig sig{"Parameter", {"data", "requires_grad"}, 2, 0, 2};
        Bound b = bindArgs(a, sig);
        const bool rg = b.has(1) ? boolArg(b[1]) : true;
        if (!b.has(0)) return wrapParameter(tensor::Tensor::empty({0}, tensor::defaultFloatDType()), rg);
        return wrapParameter(tensorArg(*c, b[0], "Parameter", "data"), rg);
    };
    interp.setAttr(Value(ctx.state->nnNative), "Parameter", Value(ctx.parameterType));
}

} // namespace gs::torch
