// Conversions between scenario values and tensor values (see TorchValues.h).
#include "core/torch/TorchValues.h"

#include <string>

#include "core/torch/TorchDType.h"
#include "core/torch/TorchDevice.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

void raiseTensorError(const tensor::TensorError& e) {
    Interpreter::current().raise(tensor::errorKindName(e.kind()), e.what());
}

void raiseLimitError(const tensor::LimitError& e) {
    Interpreter& in = Interpreter::current();
    in.checkTensorElements(e.elements());  // throws LimitExceeded when the run's limit applies
    in.raise("RuntimeError", e.what());
}

bool scalarOf(const Value& v, tensor::Scalar& out) {
    switch (v.tag()) {
    case runtime::Tag::Bool: out = tensor::Scalar(v.asBool()); return true;
    case runtime::Tag::Int: out = tensor::Scalar(v.asInt()); return true;
    case runtime::Tag::Float: out = tensor::Scalar(v.asFloat()); return true;
    case runtime::Tag::Obj: break;
    default: return false;
    }
    if (runtime::ComplexObject* c = runtime::complex::of(v)) {
        out = tensor::Scalar::complex(c->re, c->im);
        return true;
    }
    // An object: a tracking proxy or an instance of an int/float subclass. Its visible type says
    // which kind of number it stands for; the value comes through the conversion protocol.
    const runtime::BuiltinTypes& bt = Interpreter::current().types;
    runtime::Type* t = runtime::ops::visibleTypeOf(v);
    if (t == bt.bool_) {
        out = tensor::Scalar(runtime::ops::truthy(v));
        return true;
    }
    if (t == bt.int_ || t->isSubtypeOf(bt.int_)) {
        out = tensor::Scalar(runtime::ops::toIndex(v));
        return true;
    }
    if (t == bt.float_ || t->isSubtypeOf(bt.float_)) {
        out = tensor::Scalar(runtime::ops::toDouble(v));
        return true;
    }
    return false;
}

bool operandOf(const TorchContext& ctx, const Value& v, std::optional<tensor::Operand>& out) {
    if (TensorObject* t = tensorObj(ctx, v)) {
        out.emplace(t->tensor);
        return true;
    }
    tensor::Scalar s;
    if (!scalarOf(v, s)) return false;
    out.emplace(s);
    return true;
}

tensor::Operand operandArg(const TorchContext& ctx, const Value& v, std::string_view fname, std::string_view arg) {
    if (TensorObject* t = tensorObj(ctx, v)) return tensor::Operand(t->tensor);
    tensor::Scalar s;
    if (scalarOf(v, s)) return tensor::Operand(s);
    Interpreter::current().raise("TypeError", std::string(fname) + "(): argument '" + std::string(arg) +
                                                  "' must be Tensor or Number, not " + runtime::typeName(v));
}

const tensor::Tensor& tensorArg(const TorchContext& ctx, const Value& v, std::string_view fname, std::string_view arg,
                                int position) {
    if (TensorObject* t = tensorObj(ctx, v)) return t->tensor;
    if (TensorObject* t = asTensorObject(v)) return t->tensor;
    Interpreter::current().raise("TypeError", std::string(fname) + "(): argument '" + std::string(arg) + "' (position " +
                                                  std::to_string(position) + ") must be Tensor, not " +
                                                  runtime::typeName(v));
}

int64_t intArg(const Value& v) {
    if (v.isIntLike()) return v.asInt();
    return runtime::ops::toIndex(v);
}

double floatArg(const Value& v) {
    if (v.isFloat()) return v.asFloat();
    if (v.isIntLike()) return static_cast<double>(v.asInt());
    return runtime::ops::toDouble(v);
}

bool boolArg(const Value& v) {
    if (v.isBool()) return v.asBool();
    return runtime::ops::truthy(v);
}

bool isBoolLike(const Value& v) {
    if (v.isBool()) return true;
    runtime::Object* o = v.obj();
    return o && o->visibleType() == Interpreter::current().types.bool_;
}

bool isSequence(const TorchContext& ctx, const Value& v) {
    runtime::Object* o = v.obj();
    if (!o) return false;
    const runtime::BuiltinTypes& bt = ctx.interp->types;
    if (o->type() == bt.tuple || o->type() == bt.list || o->type() == ctx.sizeType) return true;
    return v.dyn<runtime::Tuple>() != nullptr || v.dyn<runtime::List>() != nullptr;
}

std::span<const Value> sequenceItems(const Value& v) {
    if (auto* t = v.dyn<runtime::Tuple>()) return t->items;
    if (auto* l = v.dyn<runtime::List>()) return l->items;
    return {};
}

namespace {

int64_t sizeItem(const Value& v, std::string_view fname, std::string_view arg, size_t pos, bool fromSequence) {
    if (v.isIntLike()) return v.asInt();
    int64_t out = 0;
    if (!v.isFloat() && runtime::ops::tryIndex(v, out)) return out;
    std::string msg = std::string(fname) + "(): argument '" + std::string(arg) + "' (position 1) must be tuple of ints, ";
    if (fromSequence)
        msg += "but found element of type " + runtime::typeName(v) + " at pos " + std::to_string(pos);
    else
        msg += "not " + runtime::typeName(v);
    Interpreter::current().raise("TypeError", msg);
}

} // namespace

tensor::DimVector sizesArg(const TorchContext& ctx, std::span<const Value> pos, std::string_view fname,
                           std::string_view arg) {
    tensor::DimVector out;
    if (pos.size() == 1 && isSequence(ctx, pos[0])) {
        std::span<const Value> items = sequenceItems(pos[0]);
        out.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i)
            out.push_back(sizeItem(items[i], fname, arg, i, true));
        return out;
    }
    out.reserve(pos.size());
    for (size_t i = 0; i < pos.size(); ++i)
        out.push_back(sizeItem(pos[i], fname, arg, i, pos.size() > 1));
    return out;
}

tensor::DimVector intListArg(const TorchContext& ctx, const Value& v, std::string_view fname, std::string_view arg) {
    tensor::DimVector out;
    if (isSequence(ctx, v)) {
        std::span<const Value> items = sequenceItems(v);
        for (size_t i = 0; i < items.size(); ++i)
            out.push_back(sizeItem(items[i], fname, arg, i, true));
        return out;
    }
    out.push_back(sizeItem(v, fname, arg, 0, false));
    return out;
}

std::optional<tensor::DType> dtypeArg(const TorchContext& ctx, const Value& v, std::string_view fname) {
    if (v.isNone() || v.isNull()) return std::nullopt;
    runtime::Object* o = v.obj();
    if (o && o->type() == ctx.dtypeType) return static_cast<DTypeObject*>(o)->dtype;
    const runtime::BuiltinTypes& bt = ctx.interp->types;
    if (o == bt.float_) return tensor::DType::Float64;
    if (o == bt.int_) return tensor::DType::Int64;
    if (o == bt.bool_) return tensor::DType::Bool;
    Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'dtype' must be torch.dtype, not " +
                                                  runtime::typeName(v));
}

std::optional<tensor::Device> deviceArg(const TorchContext& ctx, const Value& v, std::string_view fname) {
    if (v.isNone() || v.isNull()) return std::nullopt;
    runtime::Object* o = v.obj();
    if (o && o->type() == ctx.deviceType) return static_cast<DeviceObject*>(o)->device;
    if (auto* s = v.dyn<runtime::Str>()) return tensor::Device::parse(s->view());
    if (v.isInt()) {
        if (v.asInt() < 0)
            Interpreter::current().raise("RuntimeError", "Device index must not be negative");
        return tensor::Device::cuda(static_cast<int16_t>(v.asInt()));
    }
    Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'device' must be torch.device, not " +
                                                  runtime::typeName(v));
}

Bound bindArgs(const CallArgs& a, const Sig& sig, size_t skipPositional) {
    Bound b;
    const size_t npos = a.pos.size() > skipPositional ? a.pos.size() - skipPositional : 0;
    const size_t maxPos = std::min<size_t>(sig.maxPositional, sig.count);
    Interpreter& in = Interpreter::current();
    const std::string f(sig.fname);
    if (npos > maxPos) {
        std::string takes;
        if (sig.required == maxPos)
            takes = std::to_string(maxPos);
        else
            takes = "from " + std::to_string(sig.required) + " to " + std::to_string(maxPos);
        in.raise("TypeError", f + "() takes " + takes + " positional argument" + (maxPos == 1 ? "" : "s") + " but " +
                                  std::to_string(npos) + (npos == 1 ? " was" : " were") + " given");
    }
    for (size_t i = 0; i < npos; ++i)
        b.v[i] = &a.pos[skipPositional + i];
    for (const runtime::KwArg& k : a.kw) {
        std::string_view name = k.name->view();
        size_t j = 0;
        while (j < sig.count && sig.names[j] != name)
            ++j;
        if (j == sig.count)
            in.raise("TypeError", f + "() got an unexpected keyword argument '" + std::string(name) + "'");
        if (b.v[j]) in.raise("TypeError", f + "() got multiple values for argument '" + std::string(name) + "'");
        b.v[j] = &k.value;
    }
    for (size_t i = 0; i < sig.required; ++i)
        if (!b.v[i])
            in.raise("TypeError", f + "() missing 1 required positional argument: '" + std::string(sig.names[i]) + "'");
    return b;
}

Value wrapNew(TorchContext& ctx, tensor::Tensor t) { return ctx.wrap(std::move(t)); }

Value wrapResult(TorchContext& ctx, tensor::Tensor t, const CallArgs& inputs) {
    for (const Value& v : inputs.pos)
        if (TensorObject* o = tensorObj(ctx, v); o && o->tensor.is(t)) return v;
    return ctx.wrap(std::move(t));
}

Value wrapTuple(TorchContext& ctx, std::vector<tensor::Tensor> ts) {
    std::vector<Value> items;
    items.reserve(ts.size());
    for (tensor::Tensor& t : ts)
        items.push_back(ctx.wrap(std::move(t)));
    return ctx.interp->newTuple(std::move(items));
}

Value scalarValue(const tensor::Scalar& s) {
    if (s.isBool()) return Value::boolean(s.toBool());
    if (s.isInt()) return Value::integer(s.toInt());
    if (s.isComplex()) return runtime::complex::make(s.toDouble(), s.imag());
    return Value::real(s.toDouble());
}

} // namespace gs::torch
