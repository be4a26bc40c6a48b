// Tensor methods and properties that do not compute on data: sizes and strides (through the
// dispatcher, whose answers may be symbolic), numel, item (data-dependent, through the
// dispatcher), dtype, device, requires_grad, grad, is_leaf, dim, contiguity, data_ptr ...
#include <string>

#include "core/torch/TorchDevice.h"
#include "core/torch/TorchGradFn.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/torch/TorchSize.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;

namespace {

TensorObject& self(TorchContext& c, const Value& v) {
    if (TensorObject* t = tensorObj(c, v)) return *t;
    if (TensorObject* t = asTensorObject(v)) return *t;
    Interpreter::current().raise("TypeError", "expected a Tensor, got " + runtime::typeName(v));
}

// x.size() / x.size(d): d wrapped like ATen (IndexError "Dimension out of range ...").
Value sizeImpl(TorchContext& c, const CallArgs& a, bool stride) {
    const char* fname = stride ? "stride" : "size";
    static const Sig sizeSig{"size", {"self", "dim"}, 2, 1, 2};
    Sig sig = sizeSig;
    sig.fname = fname;
    Bound b = bindArgs(a, sig);
    TensorObject& t = self(c, b[0]);
    if (b.has(1)) {
        const int64_t d = tensor::wrapDim(intArg(b[1]), t.tensor.dim());
        return stride ? c.dispatcher->strideAt(b[0], d) : c.dispatcher->sizeAt(b[0], d);
    }
    if (!stride) return sizeOfTensor(c, b[0]);
    std::vector<Value> items;
    for (int64_t d = 0; d < t.tensor.dim(); ++d)
        items.push_back(c.dispatcher->strideAt(b[0], d));
    return c.interp->newTuple(std::move(items));
}

// A deterministic stand-in for the address of the first element: equal for views of the same
// element, different storages never collide (storage id in the high bits).
int64_t dataPtr(const Tensor& t) {
    return static_cast<int64_t>((t.storageId() << 32) + static_cast<uint64_t>(t.storageOffset() * t.itemSize()));
}

Value gradOf(TensorObject& t) {
    if (!t.attrs) return Value::none();
    Value g = t.attrs->getStr("grad");
    return g ? g : Value::none();
}

// Explicit dunder calls (x.__add__(y), torch.Tensor.__mul__): the same slots the operators
// use, so they reach the same ops; NotImplemented where the operator would return it.
void installOperatorMethods(Interpreter& interp, TorchContext& ctx) {
    TorchContext* c = &ctx;
    runtime::Type* T = ctx.tensorType;
    using runtime::BinOpKind;
    const std::pair<const char*, BinOpKind> binary[] = {
        {"add", BinOpKind::Add},       {"sub", BinOpKind::Sub},   {"mul", BinOpKind::Mult},
        {"matmul", BinOpKind::MatMult}, {"truediv", BinOpKind::Div}, {"floordiv", BinOpKind::FloorDiv},
        {"mod", BinOpKind::Mod},       {"pow", BinOpKind::Pow},   {"and", BinOpKind::BitAnd},
        {"or", BinOpKind::BitOr},      {"xor", BinOpKind::BitXor},
    };
    auto orNotImplemented = [](Value v) { return v ? v : Interpreter::current().notImplemented(); };
    for (const auto& [n, kind] : binary) {
        const BinOpKind k = kind;
        const std::string name = n;
        defineNativeMethod(interp, T, "__" + name + "__", [c, k, orNotImplemented, name](const CallArgs& a) {
            a.expect("__" + name + "__", 2, 2);
            return orNotImplemented(self(*c, a[0]).binaryOp(k, a[1], false));
        });
        defineNativeMethod(interp, T, "__r" + name + "__", [c, k, orNotImplemented, name](const CallArgs& a) {
            a.expect("__r" + name + "__", 2, 2);
            return orNotImplemented(self(*c, a[0]).binaryOp(k, a[1], true));
        });
        if (k == BinOpKind::MatMult) continue;
        defineNativeMethod(interp, T, "__i" + name + "__", [c, k, orNotImplemented, name](const CallArgs& a) {
            a.expect("__i" + name + "__", 2, 2);
            return orNotImplemented(self(*c, a[0]).inplaceOp(k, a[1]));
        });
    }
    using runtime::CmpOpKind;
    const std::pair<const char*, CmpOpKind> compare[] = {{"eq", CmpOpKind::Eq}, {"ne", CmpOpKind::NotEq},
                                                         {"lt", CmpOpKind::Lt}, {"le", CmpOpKind::LtE},
                                                         {"gt", CmpOpKind::Gt}, {"ge", CmpOpKind::GtE}};
    for (const auto& [n, kind] : compare) {
        const CmpOpKind k = kind;
        const std::string name = std::string("__") + n + "__";
        defineNativeMethod(interp, T, name, [c, k, orNotImplemented, name](const CallArgs& a) {
            a.expect(name, 2, 2);
            return orNotImplemented(self(*c, a[0]).richCompare(k, a[1]));
        });
    }
    using runtime::UnaryOpKind;
    const std::pair<const char*, UnaryOpKind> unary[] = {
        {"__neg__", UnaryOpKind::USub}, {"__pos__", UnaryOpKind::UAdd}, {"__invert__", UnaryOpKind::Invert}};
    for (const auto& [n, kind] : unary) {
        const UnaryOpKind k = kind;
        const std::string name = n;
        defineNativeMethod(interp, T, name, [c, k, name](const CallArgs& a) {
            a.expect(name, 1, 1);
            return self(*c, a[0]).unaryOp(k);
        });
    }
    defineNativeMethod(interp, T, "__bool__", [c](const CallArgs& a) {
        a.expect("__bool__", 1, 1);
        return Value::boolean(self(*c, a[0]).truth() != 0);
    });
    defineNativeMethod(interp, T, "__float__", [c](const CallArgs& a) {
        a.expect("__float__", 1, 1);
        double d = 0;
        self(*c, a[0]).toFloat(d);
        return Value::real(d);
    });
    defineNativeMethod(interp, T, "__int__", [c](const CallArgs& a) {
        a.expect("__int__", 1, 1);
        int64_t i = 0;
        self(*c, a[0]).toInt(i);
        return Value::integer(i);
    });
    defineNativeMethod(interp, T, "__index__", [c](const CallArgs& a) {
        a.expect("__index__", 1, 1);
        int64_t i = 0;
        self(*c, a[0]).toIndex(i);
        return Value::integer(i);
    });
    defineNativeMethod(interp, T, "__iter__", [c](const CallArgs& a) {
        a.expect("__iter__", 1, 1);
        return self(*c, a[0]).iter();
    });
    defineNativeMethod(interp, T, "__contains__", [c](const CallArgs& a) {
        a.expect("__contains__", 2, 2);
        return Value::boolean(self(*c, a[0]).contains(a[1]) != 0);
    });
    defineNativeMethod(interp, T, "__repr__", [c](const CallArgs& a) {
        a.expect("__repr__", 1, 1);
        return Interpreter::current().newStr(self(*c, a[0]).repr());
    });
    defineNativeMethod(interp, T, "__format__", [c](const CallArgs& a) {
        a.expect("__format__", 2, 2);
        auto* spec = a[1].dyn<runtime::Str>();
        if (!spec) Interpreter::current().raise("TypeError", "__format__() argument must be str, not " + runtime::typeName(a[1]));
        return Interpreter::current().newStr(self(*c, a[0]).format(spec->view()));
    });
}

} // namespace

void installTensorMethods(Interpreter& interp, TorchContext& ctx) {
    TorchContext* c = &ctx;
    runtime::Type* T = ctx.tensorType;
    auto method = [&](std::string_view name, auto fn) { defineNativeMethod(interp, T, name, std::move(fn)); };
    auto prop = [&](std::string_view name, auto get) {
        interp.addProperty(T, name, [get](const Value& v) { return runGuarded(get, v); });
    };

    method("size", [c](const CallArgs& a) { return sizeImpl(*c, a, false); });
    method("stride", [c](const CallArgs& a) { return sizeImpl(*c, a, true); });
    prop("shape", [c](const Value& v) { return sizeOfTensor(*c, v); });
    auto numel = [c](const CallArgs& a) {
        a.expect("numel", 1, 1);
        self(*c, a[0]);
        return c->dispatcher->numel(a[0]);
    };
    method("numel", numel);
    method("nelement", numel);
    defineNative(interp, ctx.state->torchModule, "numel", [c](const CallArgs& a) {
        static const Sig sig{"numel", {"input"}, 1, 1, 1};
        Bound b = bindArgs(a, sig);
        tensorArg(*c, b[0], "numel", "input");
        return c->dispatcher->numel(b[0]);
    });
    auto dim = [c](const CallArgs& a) {
        a.expect("dim", 1, 1);
        return Value::integer(self(*c, a[0]).tensor.dim());
    };
    method("dim", dim);
    method("ndimension", dim);
    prop("ndim", [c](const Value& v) { return Value::integer(self(*c, v).tensor.dim()); });
    prop("dtype", [c](const Value& v) { return c->dtypeObject(self(*c, v).tensor.dtype()); });
    prop("device", [c](const Value& v) { return makeDevice(*c, self(*c, v).tensor.device()); });
    prop("is_cuda", [c](const Value& v) { return Value::boolean(self(*c, v).tensor.device().isCuda()); });
    prop("is_meta", [c](const Value& v) { return Value::boolean(self(*c, v).tensor.device().type() == tensor::Device::Type::Meta); });
    prop("is_cpu", [c](const Value& v) { return Value::boolean(self(*c, v).tensor.device().isCpu()); });
    prop("is_leaf", [c](const Value& v) { return Value::boolean(self(*c, v).tensor.isLeaf()); });
    for (const char* n : {"is_sparse", "is_quantized", "is_meta", "is_nested", "is_mkldnn"})
        prop(n, [](const Value&) { return Value::boolean(false); });
    prop("itemsize", [c](const Value& v) { return Value::integer(self(*c, v).tensor.itemSize()); });
    prop("nbytes", [c](const Value& v) {
        const Tensor& t = self(*c, v).tensor;
        return Value::integer(t.numel() * t.itemSize());
    });
    // grad_fn: None for leaves; otherwise a node object naming the backward function.
    installGradFn(interp, ctx);
    prop("grad_fn", [c](const Value& v) { return gradFnOf(*c, self(*c, v).tensor); });
    interp.addProperty(
        T, "requires_grad", [c](const Value& v) { return Value::boolean(self(*c, v).tensor.requiresGrad()); },
        [c](const Value& v, const Value& x) { runGuarded([&] { self(*c, v).tensor.setRequiresGrad(boolArg(x)); }); });
    // .grad: there is no autograd; scenario code may still assign and clear it (zero_grad).
    interp.addProperty(
        T, "grad", [c](const Value& v) { return gradOf(self(*c, v)); },
        [c](const Value& v, const Value& g) {
            TensorObject& t = self(*c, v);
            if (!g.isNone() && !tensorObj(*c, g))
                Interpreter::current().raise("TypeError", "assigned grad expected to be a Tensor or None but got grad of type " +
                                                              runtime::typeName(g));
            if (!t.attrs) t.attrs = Interpreter::current().newDict();
            t.attrs->setStr("grad", g);
        });
    // .data: a detached alias of the same storage; assigning it swaps the tensor behind this
    // Python object (torch's set_data), which Module._apply relies on to keep Parameters.
    interp.addProperty(
        T, "data", [c](const Value& v) { return runGuarded([&] { return c->wrap(tensor::detach(self(*c, v).tensor)); }); },
        [c](const Value& v, const Value& x) {
            TensorObject& t = self(*c, v);
            const Tensor& src = tensorArg(*c, x, "data", "data");
            runGuarded([&] {
                const bool rg = t.tensor.requiresGrad();
                Tensor fresh = tensor::detach(src);
                if (rg && fresh.isFloatingPoint()) fresh.setRequiresGrad(true);
                t.tensor = std::move(fresh);
            });
        });
    // .T / .mT are ops (new views): properties that call them through the dispatcher.
    for (auto [name, id] : {std::pair{"T", ctx.state->ids.opT}, std::pair{"mT", ctx.state->ids.opMT}}) {
        const int op = id;
        interp.addProperty(T, name, [c, op](const Value& v) { return c->callOp(op, CallArgs{std::span<const Value>(&v, 1), {}}); });
    }

    method("item", [c](const CallArgs& a) {
        a.expect("item", 1, 1);
        self(*c, a[0]);
        return c->dispatcher->item(a[0]);
    });
    method("is_contiguous", [c](const CallArgs& a) {
        static const Sig sig{"is_contiguous", {"self", "memory_format"}, 2, 1, 2};
        Bound b = bindArgs(a, sig);
        return Value::boolean(self(*c, b[0]).tensor.isContiguous());
    });
    method("is_floating_point", [c](const CallArgs& a) {
        a.expect("is_floating_point", 1, 1);
        return Value::boolean(self(*c, a[0]).tensor.isFloatingPoint());
    });
    method("is_complex", [c](const CallArgs& a) {
        a.expect("is_complex", 1, 1);
        self(*c, a[0]);
        return Value::boolean(false);
    });
    method("element_size", [c](const CallArgs& a) {
        a.expect("element_size", 1, 1);
        return Value::integer(self(*c, a[0]).tensor.itemSize());
    });
    method("data_ptr", [c](const CallArgs& a) {
        a.expect("data_ptr", 1, 1);
        return Value::integer(dataPtr(self(*c, a[0]).tensor));
    });
    method("storage_offset", [c](const CallArgs& a) {
        a.expect("storage_offset", 1, 1);
        return Value::integer(self(*c, a[0]).tensor.storageOffset());
    });
    method("get_device", [c](const CallArgs& a) {
        a.expect("get_device", 1, 1);
        const tensor::Device d = self(*c, a[0]).tensor.device();
        return Value::integer(d.isCpu() ? -1 : d.index());
    });
    method("requires_grad_", [c](const CallArgs& a) {
        static const Sig sig{"requires_grad_", {"self", "requires_grad"}, 2, 1, 2};
        Bound b = bindArgs(a, sig);
        self(*c, b[0]).tensor.setRequiresGrad(b.has(1) ? boolArg(b[1]) : true);
        return b[0];
    });
    method("retain_grad", [c](const CallArgs& a) {
        a.expect("retain_grad", 1, 1);
        self(*c, a[0]);
        return Value::none();
    });
    method("backward", [](const CallArgs&) -> Value {
        Interpreter::current().raise("NotImplementedError",
                                     "backward() is not available: Guardscope's tensors carry autograd metadata only");
    });
    // x.type(): "torch.FloatTensor"; x.type(dtype): a conversion (the Tensor.to op).
    const int toOp = ctx.opIndex("Tensor.to");
    method("type", [c, toOp](const CallArgs& a) -> Value {
        static const Sig sig{"type", {"self", "dtype", "non_blocking"}, 3, 1, 3};
        Bound b = bindArgs(a, sig);
        const Tensor& t = self(*c, b[0]).tensor;
        if (!b.has(1)) return c->interp->newStr(tensor::legacyTypeName(t));
        const Value args[2] = {b[0], b[1]};
        return c->callOp(toOp, CallArgs{std::span<const Value>(args, 2), {}});
    });
    method("__len__", [c](const CallArgs& a) {
        a.expect("__len__", 1, 1);
        return Value::integer(self(*c, a[0]).len());
    });
    installOperatorMethods(interp, ctx);
}

} // namespace gs::torch
