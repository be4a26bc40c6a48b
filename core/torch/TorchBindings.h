#pragma once
// The `torch` modules as seen by scenario code: tensor objects, torch.* functions, Tensor
// methods, torch.nn(.functional), dtypes, devices, grad mode, RNG. Installed into an
// Interpreter by installTorch().
//
// Every operation that touches tensor data goes through ONE choke point, the OpDispatcher: the
// engine's tracer replaces the default dispatcher while it traces a compiled function, so that
// each op is executed for real AND recorded as a graph node (dynamo-semantics §1.2 4.d), and a
// cache hit replays the recorded ops through OpDef::impl. Metadata queries whose answer may be
// symbolic (sizes, numel) and data-dependent ones (bool(), item()) also go through it.
//
// Using the bindings from the engine:
//   TorchContext ctx;                  // owned by the host, outlives nothing of the interpreter's
//   installTorch(interp, ctx);         // torch, torch.nn (+ .functional, .init), torch.cuda ...
//   int mul = ctx.opIndex("operator.mul");   // resolve once; -1 if unknown
//   ctx.callOp(mul, args);             // through ctx.dispatcher (what every binding does)
//   ctx.runImpl(mul, args);            // the real op, bypassing the dispatcher (replay)
// Op names: "torch.<f>" (torch.mul, call_function), "Tensor.<m>" (x.mul(), call_method, target
// "mul"), "operator.<op>" (x * y -> operator.mul; x += y -> operator.iadd; x == y ->
// operator.eq; -x -> operator.neg; x @ y -> operator.matmul), "F.<f>" (torch.nn.functional.<f>),
// "Tensor.__getitem__" / "Tensor.__setitem__" (x[k], x[k] = v; targets operator.getitem /
// operator.setitem), "Tensor.T" / "Tensor.mT" (properties). Reflected operators keep source
// order: 2 * x calls operator.mul(2, x).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/runtime/Dict.h"  // TensorObject::attrs (Ref<Dict> needs the complete type)
#include "core/runtime/Interpreter.h"
#include "core/runtime/Value.h"
#include "core/tensor/Tensor.h"

namespace gs::torch {

struct TorchContext;

// How an op's output shape relates to its inputs, for symbolic shapes while tracing.
enum class ShapeRule : uint8_t {
    Elementwise,   // broadcast of all tensor inputs (binary/unary/ternary pointwise ops)
    Matmul,        // matmul/mm/bmm/linear: inner dimensions must agree
    Reduction,     // drops (or keeps as 1) the reduced dims
    Generic,       // anything else: output dims are matched to input dims by value
    Factory,       // creates a tensor from sizes/values (randn, zeros, arange, tensor, *_like)
    NoTensorOut    // returns a Python value (e.g. allclose) — recorded, never replaced by a proxy
};

// One op. `impl` does the real work on real values (tensors wrapped as TensorObject); it must be
// pure apart from its documented in-place effect, so that a replay can call it again.
struct OpDef {
    std::string name;      // unique key, e.g. "torch.mul", "Tensor.add_", "F.relu"
    std::string target;    // FX-style target printed in graphs: "torch.mul", "add_", "torch.nn.functional.relu"
    bool isMethod = false; // call_method (args[0] is self) vs call_function
    bool inplace = false;  // mutates args[0] and returns it
    bool random = false;   // consumes the RNG (dropout, randn, rand_like ...)
    ShapeRule shape = ShapeRule::Generic;
    runtime::NativeFunction::Fn impl;
    bool autocastLowerPrecision = false;  // on autocast's lower-precision list (TorchAutocast.cpp)
};

// The choke point (see file comment). The default implementation just runs the op.
class OpDispatcher {
public:
    virtual ~OpDispatcher() = default;
    virtual runtime::Value call(int opIndex, const runtime::CallArgs& args);
    // x.size(d) / x.shape[d] (d already wrapped to [0, dim)); a plain int by default.
    virtual runtime::Value sizeAt(const runtime::Value& tensor, int64_t d);
    virtual runtime::Value strideAt(const runtime::Value& tensor, int64_t d);
    virtual runtime::Value numel(const runtime::Value& tensor);
    // bool(tensor) (one element) and tensor.item(): data-dependent; the tracer graph-breaks.
    virtual bool truth(const runtime::Value& tensor);
    virtual runtime::Value item(const runtime::Value& tensor);
    // The context whose ops call() runs (set for TorchContext::defaultDispatcher by installTorch;
    // when null, call() looks the current interpreter's context up).
    TorchContext* owner = nullptr;
};

class TensorObject;
struct TorchState;  // the bindings' private state (op ids, dtype objects...), TorchState.h

// Per-interpreter torch state. Owned by the host (the engine's ScenarioRunner); installTorch
// keeps a pointer to it in the interpreter's torch module.
struct TorchContext {
    runtime::Interpreter* interp = nullptr;
    runtime::Type* tensorType = nullptr;
    runtime::Type* parameterType = nullptr;
    runtime::Type* dtypeType = nullptr;
    runtime::Type* deviceType = nullptr;
    runtime::Type* sizeType = nullptr;       // torch.Size (a tuple-like)
    std::vector<OpDef> ops;
    OpDispatcher defaultDispatcher;
    OpDispatcher* dispatcher = &defaultDispatcher;  // swapped by the tracer

    int opIndex(const std::string& name) const;     // -1 if unknown
    // Runs op `name` through the dispatcher (what every binding does).
    runtime::Value callOp(int opIndex, const runtime::CallArgs& args) { return dispatcher->call(opIndex, args); }
    // torch.autocast: the op runs on its floating inputs cast to the autocast dtype.
    static bool autocastActive();
    runtime::Value runAutocast(const OpDef& def, const runtime::CallArgs& args);
    runtime::Value runImpl(int opIndex, const runtime::CallArgs& args) {
        const OpDef& def = ops[static_cast<size_t>(opIndex)];
        if (def.autocastLowerPrecision && autocastActive()) return runAutocast(def, args);
        return def.impl(args);
    }

    // --- added by the bindings (TorchBindings.cpp) ---
    TorchContext();
    ~TorchContext();
    TorchContext(const TorchContext&) = delete;
    TorchContext& operator=(const TorchContext&) = delete;
    // A new TensorObject of torch.Tensor for a result (what wrapTensor does, without the
    // per-interpreter lookup).
    runtime::Value wrap(tensor::Tensor t);
    // The torch.dtype object of `d` (one per dtype, so `x.dtype is torch.float32`).
    runtime::Value dtypeObject(tensor::DType d) const;
    std::shared_ptr<TorchState> state;  // created by installTorch
};

// A scenario-visible tensor. Identity matters (aliasing guards): one TensorObject per Python
// tensor object; views are new TensorObjects sharing storage.
class TensorObject : public runtime::Object {
public:
    TensorObject(runtime::Type* type, tensor::Tensor t) : runtime::Object(type), tensor(std::move(t)) {}
    tensor::Tensor tensor;
    // The context that made this object (null when created outside the bindings; the slots then
    // look it up with torchContext()).
    TorchContext* ctx = nullptr;
    // torch._dynamo.mark_dynamic / mark_static / mark_unbacked / maybe_mark_dynamic
    // (sticky on the object, dynamo-semantics §3.10). Kept sorted, no duplicates.
    std::vector<int64_t> dynamicIndices;   // _dynamo_dynamic_indices
    std::vector<int64_t> staticIndices;
    std::vector<int64_t> unbackedIndices;
    std::vector<int64_t> weakDynamicIndices;  // maybe_mark_dynamic
    // mark_dynamic(t, d, min=, max=): the dim's allowed sizes (an absent end: nullopt).
    struct DimRange {
        int64_t dim = 0;
        std::optional<int64_t> min, max;
    };
    std::vector<DimRange> dynamicRanges;
    bool isParameter() const;
    // Python-visible attributes set by scenario code (t.foo = 1).
    runtime::Ref<runtime::Dict> attrs;
    // Overrides of runtime::Object protocol slots: repr/str, truth (via dispatcher), len,
    // iter, getItem/setItem (indexing), richCompare, binaryOp/inplaceOp/unaryOp (through ops),
    // hash (identity), getAttr/setAttr (attrs), format.
    std::string repr() override;
    int truth() override;
    int64_t len() override;
    int64_t hash() override;
    runtime::Value iter() override;
    runtime::Value getItem(const runtime::Value& key) override;
    bool setItem(const runtime::Value& key, const runtime::Value& v) override;
    runtime::Value richCompare(runtime::CmpOpKind op, const runtime::Value& other) override;
    runtime::Value binaryOp(runtime::BinOpKind op, const runtime::Value& other, bool reflected) override;
    runtime::Value inplaceOp(runtime::BinOpKind op, const runtime::Value& other) override;
    runtime::Value unaryOp(runtime::UnaryOpKind op) override;
    runtime::Value getAttr(runtime::Str* name) override;
    bool setAttr(runtime::Str* name, const runtime::Value& v) override;
    bool delAttr(runtime::Str* name) override;
    bool toFloat(double& out) override;
    bool toIndex(int64_t& out) override;
    bool toInt(int64_t& out) override;          // int(x): any one-element tensor, truncating
    int contains(const runtime::Value& v) override;  // `v in x` == (x == v).any()
    std::string format(std::string_view spec) override;
    void clearRefs() override;
};

// Helpers for bindings and the engine.
TorchContext& torchContext();                        // of the current interpreter
runtime::Value wrapTensor(tensor::Tensor t);          // new TensorObject (Tensor type)
runtime::Value wrapParameter(tensor::Tensor t, bool requiresGrad = true);
bool isTensor(const runtime::Value& v);               // TensorObject (incl. Parameter)
TensorObject* asTensorObject(const runtime::Value& v);  // null if not a tensor
const tensor::Tensor& tensorOf(const runtime::Value& v);  // raises TypeError if not a tensor
std::string dtypeName(tensor::DType d);              // "torch.float32"

// Installs torch, torch.nn, torch.nn.functional, torch.Tensor & friends into `interp`.
// The engine adds torch.compile, torch._dynamo.* and torch.compiler.* afterwards.
void installTorch(runtime::Interpreter& interp, TorchContext& ctx);

} // namespace gs::torch
