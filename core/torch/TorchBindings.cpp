// The op choke point (default dispatcher), the per-interpreter context registry, the public
// helpers of TorchBindings.h and installTorch(), which assembles the torch modules from the
// other Torch*/Tensor*/Nn* files.
#include "core/torch/TorchBindings.h"

#include <atomic>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "core/torch/TorchDType.h"
#include "core/torch/TorchDevice.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/torch/TorchSize.h"
#include "core/torch/TorchState.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/tensor/ElementLimit.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

// ---- context registry --------------------------------------------------------------------------
// Interpreter -> context. A thread-local cache answers the common case (the same interpreter as
// last time) with two TLS reads; the generation counter invalidates every thread's cache when a
// context is installed or destroyed.
namespace {

std::mutex gRegistryMutex;
std::unordered_map<const Interpreter*, TorchContext*>& registry() {
    static std::unordered_map<const Interpreter*, TorchContext*> r;
    return r;
}
std::atomic<uint64_t> gGeneration{1};

struct ContextCache {
    const Interpreter* interp = nullptr;
    TorchContext* ctx = nullptr;
    uint64_t generation = 0;
};
thread_local ContextCache tCache;

void registerContext(TorchContext& ctx) {
    std::lock_guard lock(gRegistryMutex);
    registry()[ctx.interp] = &ctx;
    gGeneration.fetch_add(1, std::memory_order_release);
}

void unregisterContext(TorchContext& ctx) {
    std::lock_guard lock(gRegistryMutex);
    auto it = registry().find(ctx.interp);
    if (it != registry().end() && it->second == &ctx) registry().erase(it);
    gGeneration.fetch_add(1, std::memory_order_release);
}

} // namespace

TorchContext* findTorchContext() {
    const Interpreter* in = Interpreter::currentOrNull();
    if (!in) return nullptr;
    const uint64_t gen = gGeneration.load(std::memory_order_acquire);
    if (tCache.interp == in && tCache.generation == gen) return tCache.ctx;
    std::lock_guard lock(gRegistryMutex);
    auto it = registry().find(in);
    tCache = {in, it == registry().end() ? nullptr : it->second, gen};
    return tCache.ctx;
}

TorchContext& torchContext() {
    TorchContext* c = findTorchContext();
    if (!c) {
        if (!Interpreter::currentOrNull()) throw std::logic_error("torchContext(): no current interpreter");
        Interpreter::current().raise("RuntimeError", "torch is not installed in this interpreter");
    }
    return *c;
}

// ---- TorchContext --------------------------------------------------------------------------------

TorchContext::TorchContext() = default;

TorchContext::~TorchContext() {
    if (interp) unregisterContext(*this);
}

int TorchContext::opIndex(const std::string& name) const {
    if (!state) return -1;
    auto it = state->opByName.find(name);
    return it == state->opByName.end() ? -1 : it->second;
}

Value TorchContext::wrap(tensor::Tensor t) {
    auto* o = new TensorObject(tensorType, std::move(t));
    o->ctx = this;
    return Value(o);
}

Value TorchContext::dtypeObject(tensor::DType d) const { return Value(state->dtypes[static_cast<size_t>(d)]); }

// ---- default dispatcher --------------------------------------------------------------------------

namespace {

TorchContext& dispatcherContext() { return torchContext(); }

const tensor::Tensor& dispatchedTensor(const Value& v) { return tensorOf(v); }

} // namespace

Value OpDispatcher::call(int opIndex, const CallArgs& args) {
    TorchContext& ctx = owner ? *owner : dispatcherContext();
    return ctx.runImpl(opIndex, args);
}

Value OpDispatcher::sizeAt(const Value& tensor, int64_t d) {
    return Value::integer(dispatchedTensor(tensor).sizes()[static_cast<size_t>(d)]);
}

Value OpDispatcher::strideAt(const Value& tensor, int64_t d) {
    return Value::integer(dispatchedTensor(tensor).strides()[static_cast<size_t>(d)]);
}

Value OpDispatcher::numel(const Value& tensor) { return Value::integer(dispatchedTensor(tensor).numel()); }

bool OpDispatcher::truth(const Value& tensor) {
    const tensor::Tensor& t = dispatchedTensor(tensor);
    if (t.numel() == 0)
        Interpreter::current().raise("RuntimeError", "Boolean value of Tensor with no values is ambiguous");
    if (t.numel() > 1)
        Interpreter::current().raise("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
    return runGuarded([&] { return t.item().toBool(); });
}

Value OpDispatcher::item(const Value& tensor) {
    const tensor::Tensor& t = dispatchedTensor(tensor);
    return runGuarded([&] { return scalarValue(t.item()); });
}

// ---- public helpers ------------------------------------------------------------------------------

Value wrapTensor(tensor::Tensor t) { return torchContext().wrap(std::move(t)); }

Value wrapParameter(tensor::Tensor t, bool requiresGrad) {
    TorchContext& ctx = torchContext();
    // Like Parameter.__new__ (torch/nn/parameter.py): data.detach() shares the storage, then
    // requires_grad_ — a fresh Python object and a leaf.
    tensor::Tensor p = runGuarded([&] { return tensor::detach(t); });
    runGuarded([&] { p.setRequiresGrad(requiresGrad); });
    auto* o = new TensorObject(ctx.parameterType, std::move(p));
    o->ctx = &ctx;
    return Value(o);
}

TensorObject* asTensorObject(const Value& v) {
    runtime::Object* o = v.obj();
    if (!o) return nullptr;
    if (TorchContext* ctx = findTorchContext()) {
        if (o->type() == ctx->tensorType || o->type() == ctx->parameterType) return static_cast<TensorObject*>(o);
        if (ctx->tensorType && o->type()->isSubtypeOf(ctx->tensorType)) return dynamic_cast<TensorObject*>(o);
        return nullptr;
    }
    return dynamic_cast<TensorObject*>(o);
}

bool isTensor(const Value& v) { return asTensorObject(v) != nullptr; }

const tensor::Tensor& tensorOf(const Value& v) {
    if (TensorObject* t = asTensorObject(v)) return t->tensor;
    Interpreter::current().raise("TypeError", "expected Tensor as argument, but got " + runtime::typeName(v));
}

std::string dtypeName(tensor::DType d) { return std::string(tensor::dtypeReprName(d)); }

// ---- registration helpers (TorchOpRegistry.h) ----------------------------------------------------

int addOp(TorchContext& ctx, OpDef def) {
    const int index = static_cast<int>(ctx.ops.size());
    auto [it, fresh] = ctx.state->opByName.emplace(def.name, index);
    if (!fresh) throw std::logic_error("duplicate torch op " + def.name);
    ctx.ops.push_back(std::move(def));
    return index;
}

int addOp(TorchContext& ctx, std::string name, std::string target, ShapeRule shape, OpFlags flags,
          runtime::NativeFunction::Fn impl) {
    OpDef d;
    d.name = std::move(name);
    d.target = std::move(target);
    d.isMethod = flags.method;
    d.inplace = flags.inplace;
    d.random = flags.random;
    d.shape = shape;
    d.impl = std::move(impl);
    return addOp(ctx, std::move(d));
}

void bindFunction(TorchContext& ctx, runtime::Module* m, std::string_view pyName, int op) {
    TorchContext* c = &ctx;
    ctx.interp->defineFunction(m, pyName, [c, op](const CallArgs& a) { return c->callOp(op, a); });
}

void bindMethod(TorchContext& ctx, std::string_view pyName, int op) {
    TorchContext* c = &ctx;
    ctx.interp->addMethod(ctx.tensorType, pyName, [c, op](const CallArgs& a) { return c->callOp(op, a); });
}

void both(TorchContext& ctx, const std::string& name, ShapeRule rule, const Sig& sig, const OpBody& body) {
    bindFunction(ctx, ctx.state->torchModule, name,
                 addOp(ctx, "torch." + name, "torch." + name, rule, {}, sigImpl(ctx, sig, body)));
    bindMethod(ctx, name, addOp(ctx, "Tensor." + name, name, rule, {.method = true}, sigImpl(ctx, methodSig(sig), body)));
}

TensorObject& selfTensor(TorchContext& ctx, const CallArgs& a, std::string_view fname) {
    if (a.pos.empty())
        Interpreter::current().raise("TypeError", "descriptor '" + std::string(fname) +
                                                      "' of 'torch._C.TensorBase' object needs an argument");
    if (TensorObject* t = tensorObj(ctx, a.pos[0])) return *t;
    if (TensorObject* t = asTensorObject(a.pos[0])) return *t;
    Interpreter::current().raise("TypeError", "descriptor '" + std::string(fname) +
                                                  "' requires a 'torch._C.TensorBase' object but received a '" +
                                                  runtime::typeName(a.pos[0]) + "'");
}

// ---- installTorch --------------------------------------------------------------------------------

void installTorch(Interpreter& interp, TorchContext& ctx) {
    // Objects link into the heap of the current interpreter: make `interp` current.
    runtime::InterpreterScope scope(interp);
    if (ctx.interp && ctx.interp != &interp) unregisterContext(ctx);
    ctx.interp = &interp;
    ctx.state = std::make_shared<TorchState>();
    ctx.ops.clear();
    ctx.defaultDispatcher = OpDispatcher();
    ctx.defaultDispatcher.owner = &ctx;
    ctx.dispatcher = &ctx.defaultDispatcher;
    registerContext(ctx);
    // Tensors that allocate beyond the run's element limit fail inside the tensor library with
    // a LimitError, which raiseLimitError turns into the interpreter's LimitExceeded.
    const int64_t limit = interp.limits().maxTensorElements;  // <= 0: no limit
    tensor::ElementLimit::set(limit > 0 ? limit : std::numeric_limits<int64_t>::max());

    TorchState& st = *ctx.state;
    st.torchModule = interp.nativeModule("torch");
    st.dynamicIndicesName = interp.intern("_dynamo_dynamic_indices");
    ctx.tensorType = interp.newNativeType("Tensor", "torch");
    ctx.parameterType = interp.newNativeType("Parameter", "torch.nn.parameter", ctx.tensorType);
    interp.setAttr(Value(st.torchModule), "Tensor", Value(ctx.tensorType));

    installDTypes(interp, ctx, st.torchModule);
    installDevice(interp, ctx, st.torchModule);
    installSize(interp, ctx, st.torchModule);

    st.nnNative = interp.nativeModule("torch._C._nn");
    registerPointwiseOps(ctx);
    registerShapeOps(ctx);
    registerIndexingOps(ctx);
    registerReductionOps(ctx);
    registerFactoryOps(ctx);
    registerNnFunctionalOps(ctx);

    installTensorType(interp, ctx);
    installTensorMethods(interp, ctx);
    installTorchFunctions(interp, ctx);
    installGradMode(interp, ctx);
    installAutocast(interp, ctx);
    installNn(interp, ctx);
    installEqualityHook(interp, ctx);
}

} // namespace gs::torch
