#pragma once
// Registration of ops and of the Python entry points that call them. Every entry point is a
// native function whose body is `ctx.callOp(index, args)`: the index is resolved here, once, at
// install time.
#include <functional>
#include <string>
#include <string_view>

#include "core/torch/TorchState.h"
#include "core/torch/TorchValues.h"

namespace gs::torch {

// Registers an op and returns its index. The name must be unique (a duplicate is a programming
// error and throws std::logic_error at install time).
int addOp(TorchContext& ctx, OpDef def);

// Shorthands for OpDef fields.
struct OpFlags {
    bool method = false;
    bool inplace = false;
    bool random = false;
};
int addOp(TorchContext& ctx, std::string name, std::string target, ShapeRule shape, OpFlags flags,
          runtime::NativeFunction::Fn impl);

// Python entry points: module.pyName(...) / Tensor.pyName(self, ...) -> callOp(op, args).
void bindFunction(TorchContext& ctx, runtime::Module* m, std::string_view pyName, int op);
void bindMethod(TorchContext& ctx, std::string_view pyName, int op);

// An op implemented by `body(ctx, bound, args)` after binding args to `sig`, with tensor errors
// translated (see guarded()).
template <class Body>
runtime::NativeFunction::Fn sigImpl(TorchContext& ctx, Sig sig, Body body) {
    TorchContext* c = &ctx;
    return guarded([c, sig, body](const runtime::CallArgs& a) -> runtime::Value {
        Bound b = bindArgs(a, sig);
        return body(*c, b, a);
    });
}

// The same signature for the function form (first parameter "input") and the method form
// (first parameter "self").
inline Sig methodSig(Sig s) {
    s.names[0] = "self";
    return s;
}

// The body of an op bound by signature (sigImpl): body(ctx, bound args, raw args).
using OpBody = std::function<runtime::Value(TorchContext&, const Bound&, const runtime::CallArgs&)>;

// torch.<name>(input, ...) and Tensor.<name>(self, ...): two ops sharing one body.
void both(TorchContext& ctx, const std::string& name, ShapeRule rule, const Sig& sig, const OpBody& body);

// A plain (non-op) native function / method with tensor errors translated.
template <class F>
void defineNative(runtime::Interpreter& interp, runtime::Module* m, std::string_view name, F f) {
    interp.defineFunction(m, name, guarded(std::move(f)));
}
template <class F>
void defineNativeMethod(runtime::Interpreter& interp, runtime::Type* t, std::string_view name, F f) {
    interp.addMethod(t, name, guarded(std::move(f)));
}

// The TensorObject of self (args[0]) of a Tensor method.
TensorObject& selfTensor(TorchContext& ctx, const runtime::CallArgs& a, std::string_view fname);

} // namespace gs::torch
