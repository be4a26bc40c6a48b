// torch.Generator and the global seeding functions (see TorchGenerator.h).
#include "core/torch/TorchGenerator.h"

#include <cstdio>

#include "core/torch/TorchOpRegistry.h"
#include "core/torch/TorchState.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

GeneratorObject::GeneratorObject(runtime::Type* type, bool own) : runtime::Object(type), own_(own) {}

std::string GeneratorObject::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<torch._C.Generator object at %p>", static_cast<void*>(this));
    return buf;
}

tensor::Generator* generatorArg(TorchContext& ctx, const Value& v, std::string_view fname) {
    if (v.isNone() || v.isNull()) return nullptr;
    auto* g = v.dyn<GeneratorObject>();
    if (!g || v.obj()->type() != ctx.state->generatorType)
        Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'generator' must be torch.Generator, not " +
                                                      runtime::typeName(v));
    return &g->generator();
}

namespace {

uint64_t seedArg(const Value& v) {
    // torch accepts any Python int; negative seeds wrap to uint64 as in default_generator.manual_seed.
    return static_cast<uint64_t>(intArg(v));
}

GeneratorObject& selfGen(const CallArgs& a, std::string_view fname) {
    auto* g = a.pos.empty() ? nullptr : a[0].dyn<GeneratorObject>();
    if (!g) Interpreter::current().raise("TypeError", "descriptor '" + std::string(fname) + "' requires a 'torch._C.Generator' object");
    return *g;
}

} // namespace

void installGenerator(Interpreter& interp, TorchContext& ctx) {
    TorchState& st = *ctx.state;
    runtime::Type* t = interp.newNativeType("Generator", "torch._C");
    t->subclassable = false;
    st.generatorType = t;
    t->construct = [](runtime::Type* cls, const CallArgs& a) -> Value {
        static const Sig sig{"Generator", {"device"}, 1, 0, 1};
        Bound b = bindArgs(a, sig);
        (void)b;  // every device's generator is the same CPU stream here
        return Value(new GeneratorObject(cls, true));
    };
    const Value torch(st.torchModule);
    interp.setAttr(torch, "Generator", Value(t));
    auto* dflt = new GeneratorObject(t, false);
    dflt->incref();  // immortal like the dtype objects
    st.defaultGenerator = dflt;
    interp.setAttr(torch, "default_generator", Value(dflt));

    interp.addMethod(t, "manual_seed", guarded([](const CallArgs& a) -> Value {
        a.expect("manual_seed", 2, 2);
        selfGen(a, "manual_seed").generator().manualSeed(seedArg(a[1]));
        return a[0];
    }));
    interp.addMethod(t, "initial_seed", guarded([](const CallArgs& a) -> Value {
        a.expect("initial_seed", 1, 1);
        return Value::integer(static_cast<int64_t>(selfGen(a, "initial_seed").generator().initialSeed()));
    }));
    // seed(): PyTorch draws a non-deterministic seed; a scenario must replay identically, so the
    // new seed comes from the generator's own stream.
    interp.addMethod(t, "seed", guarded([](const CallArgs& a) -> Value {
        a.expect("seed", 1, 1);
        tensor::Generator& g = selfGen(a, "seed").generator();
        const uint64_t s = g.nextUint64() >> 1;
        g.manualSeed(s);
        return Value::integer(static_cast<int64_t>(s));
    }));

    runtime::Module* m = st.torchModule;
    TorchState* stp = &st;
    defineNative(interp, m, "manual_seed", [stp](const CallArgs& a) -> Value {
        a.expect("manual_seed", 1, 1);
        tensor::Generator::defaultGenerator().manualSeed(seedArg(a[0]));
        return Value(stp->defaultGenerator);
    });
    defineNative(interp, m, "initial_seed", [](const CallArgs& a) -> Value {
        a.expect("initial_seed", 0, 0);
        return Value::integer(static_cast<int64_t>(tensor::Generator::defaultGenerator().initialSeed()));
    });
    defineNative(interp, m, "seed", [](const CallArgs& a) -> Value {
        a.expect("seed", 0, 0);
        tensor::Generator& g = tensor::Generator::defaultGenerator();
        const uint64_t s = g.nextUint64() >> 1;
        g.manualSeed(s);
        return Value::integer(static_cast<int64_t>(s));
    });
}

} // namespace gs::torch
