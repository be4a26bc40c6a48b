// x.grad_fn objects (see TorchGradFn.h).
#include "core/torch/TorchGradFn.h"

#include <cstdio>

#include "core/torch/TorchState.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Value;

std::string GradFnObject::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(this));
    return std::string("<") + name + buf;
}

Value gradFnOf(TorchContext& ctx, const tensor::Tensor& t) {
    const char* fn = t.gradFn();
    if (!fn) return Value::none();
    return Value(new GradFnObject(ctx.state->gradFnType, fn));
}

void installGradFn(runtime::Interpreter& interp, TorchContext& ctx) {
    runtime::Type* t = interp.newNativeType("Node", "torch.autograd.graph");
    t->subclassable = false;
    ctx.state->gradFnType = t;
    interp.addMethod(t, "name", [](const CallArgs& a) -> Value {
        a.expect("name", 1, 1);
        auto* g = a[0].dyn<GradFnObject>();
        if (!g) runtime::Interpreter::current().raise("TypeError", "name() requires a grad_fn node");
        return runtime::Interpreter::current().newStr(g->name);
    });
}

} // namespace gs::torch
