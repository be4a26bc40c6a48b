// torch.* functions that are not ops: type predicates, default dtype, print options, dtype
// promotion queries, constants, seeding (TorchGenerator.cpp) and the torch.cuda stub (no CUDA
// here: devices are labels, see tensor/Device.h).
#include <cmath>
#include <numbers>
#include <string>

#include "core/torch/TorchDType.h"
#include "core/torch/TorchGenerator.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/tensor/Formatter.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

namespace {

tensor::DType dtypeValue(TorchContext& c, const Value& v, std::string_view fname) {
    auto d = dtypeArg(c, v, fname);
    if (!d) Interpreter::current().raise("TypeError", std::string(fname) + "(): argument must be torch.dtype, not NoneType");
    return *d;
}

} // namespace

void installTorchFunctions(Interpreter& interp, TorchContext& ctx) {
    TorchContext* c = &ctx;
    runtime::Module* m = ctx.state->torchModule;
    const Value mod(m);
    installGenerator(interp, ctx);

    defineNative(interp, m, "is_tensor", [c](const CallArgs& a) {
        a.expect("is_tensor", 1, 1);
        return Value::boolean(asTensorObject(a[0]) != nullptr);
    });
    // torch._check(cond, message=None): raises RuntimeError when cond is False. Its truth is
    // taken as any branch's is, so a symbolic condition installs the guard that keeps it true
    // (a backed size: torch._check(x.size(0) != 3) guards L['x'].size()[0] != 3).
    defineNative(interp, m, "_check", [](const CallArgs& a) {
        runtime::ArgParser p(a, "_check", {"cond", "message"}, 1);
        if (runtime::ops::truthy(p[0])) return Value::none();
        auto& I = Interpreter::current();
        Value msg = p.get(1, Value::none());
        if (!msg.isNone() && msg.isObj() && msg.obj()->callable()) msg = I.call(msg, std::vector<Value>{});
        std::string text = msg.isNone() ? "Expected cond to be True, but got False. (Could this error message be improved? If so, "
                                          "please report an enhancement request to PyTorch.)"
                                        : runtime::ops::str(msg);
        I.raise("RuntimeError", text);
        return Value::none();
    });
    defineNative(interp, m, "is_floating_point", [c](const CallArgs& a) {
        a.expect("is_floating_point", 1, 1);
        return Value::boolean(tensorArg(*c, a[0], "is_floating_point", "input").isFloatingPoint());
    });
    defineNative(interp, m, "is_complex", [c](const CallArgs& a) {
        a.expect("is_complex", 1, 1);
        tensorArg(*c, a[0], "is_complex", "input");
        return Value::boolean(false);
    });
    defineNative(interp, m, "get_default_dtype", [c](const CallArgs& a) {
        a.expect("get_default_dtype", 0, 0);
        return c->dtypeObject(tensor::defaultFloatDType());
    });
    defineNative(interp, m, "set_default_dtype", [c](const CallArgs& a) {
        a.expect("set_default_dtype", 1, 1);
        const tensor::DType d = dtypeValue(*c, a[0], "set_default_dtype");
        if (d != tensor::DType::Float32 && d != tensor::DType::Float64 && d != tensor::DType::Float16 &&
            d != tensor::DType::BFloat16)
            Interpreter::current().raise("TypeError", "only floating-point types are supported as the default type");
        tensor::setDefaultFloatDType(d);
        return Value::none();
    });
    defineNative(interp, m, "promote_types", [c](const CallArgs& a) {
        a.expect("promote_types", 2, 2);
        return c->dtypeObject(tensor::promoteTypes(dtypeValue(*c, a[0], "promote_types"), dtypeValue(*c, a[1], "promote_types")));
    });
    defineNative(interp, m, "can_cast", [c](const CallArgs& a) {
        a.expect("can_cast", 2, 2);
        return Value::boolean(tensor::canCast(dtypeValue(*c, a[0], "can_cast"), dtypeValue(*c, a[1], "can_cast")));
    });
    defineNative(interp, m, "typename", [c](const CallArgs& a) -> Value {
        a.expect("typename", 1, 1);
        if (TensorObject* t = tensorObj(*c, a[0])) return c->interp->newStr(tensor::legacyTypeName(t->tensor));
        runtime::Type* t = runtime::ops::visibleTypeOf(a[0]);
        const std::string mod = t->module == "builtins" ? "" : t->module + ".";
        return c->interp->newStr(mod + t->name());
    });
    // torch.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
    // profile=None, sci_mode=None)
    defineNative(interp, m, "set_printoptions", [](const CallArgs& a) {
        static const Sig sig{"set_printoptions", {"precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"}, 6, 0, 6};
        Bound b = bindArgs(a, sig);
        tensor::PrintOptions& o = tensor::printOptions();
        if (b.has(4)) {
            auto* s = b[4].dyn<runtime::Str>();
            const std::string_view p = s ? s->view() : "";
            if (p == "default") o = tensor::PrintOptions{};
            else if (p == "short") o = tensor::PrintOptions{2, 1000, 2, 80, std::nullopt};
            else if (p == "full") o = tensor::PrintOptions{4, INT64_MAX, 3, 80, std::nullopt};
        }
        if (b.has(0)) o.precision = static_cast<int>(intArg(b[0]));
        if (b.has(1)) o.threshold = intArg(b[1]);
        if (b.has(2)) o.edgeitems = intArg(b[2]);
        if (b.has(3)) o.linewidth = intArg(b[3]);
        if (b.v[5]) o.sciMode = b[5].isNone() ? std::nullopt : std::optional<bool>(boolArg(b[5]));
        return Value::none();
    });

    interp.setAttr(mod, "__version__", interp.newStr("2.6.0"));
    interp.setAttr(mod, "inf", Value::real(INFINITY));
    interp.setAttr(mod, "nan", Value::real(NAN));
    interp.setAttr(mod, "pi", Value::real(std::numbers::pi));
    interp.setAttr(mod, "e", Value::real(std::numbers::e));

    // torch.cuda: no CUDA runtime here; devices named "cuda" are labels only.
    runtime::Module* cuda = interp.nativeModule("torch.cuda");
    defineNative(interp, cuda, "is_available", [](const CallArgs& a) {
        a.expect("is_available", 0, 0);
        return Value::boolean(false);
    });
    defineNative(interp, cuda, "device_count", [](const CallArgs& a) {
        a.expect("device_count", 0, 0);
        return Value::integer(0);
    });
    defineNative(interp, cuda, "manual_seed", [](const CallArgs& a) {
        a.expect("manual_seed", 1, 1);
        intArg(a[0]);
        return Value::none();
    });
    defineNative(interp, cuda, "manual_seed_all", [](const CallArgs& a) {
        a.expect("manual_seed_all", 1, 1);
        intArg(a[0]);
        return Value::none();
    });
}

} // namespace gs::torch
