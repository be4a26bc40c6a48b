#pragma once
// One trace of a compiled function (dynamo-semantics §1.2 4.d, §2.3, §3): runs the function for
// real through the interpreter while observing it, and produces the cache entry's guards, graph
// and symbols. Four roles, four places:
//   - sources (Tracer.cpp): what the function reads (arguments, globals, closure cells,
//     attributes, items) is tagged with its source, L['x'], G['g'], L['self'].training ...;
//   - shapes and symbols (TracerSymbols.cpp): tensor inputs are realized (TENSOR_MATCH,
//     automatic dynamic shapes, symbols for dynamic sizes), ints become SymInts, and the
//     int/bool/float proxies install the guard a use needs;
//   - the graph (GraphRecorder): every tensor op is run for real and recorded as a node;
//   - the guards (GuardRecorder): installed on first inspection, assembled into the GuardSet.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/engine/DynamoConfig.h"
#include "core/engine/FrameState.h"
#include "core/engine/Graph.h"
#include "core/engine/GraphRecorder.h"
#include "core/engine/GuardRecorder.h"
#include "core/engine/Guards.h"
#include "core/engine/ShapeEnv.h"
#include "core/engine/Source.h"
#include "core/engine/TrackedScalar.h"
#include "core/runtime/Extension.h"
#include "core/torch/TorchBindings.h"

namespace gs::engine {

class Engine;

// Raised (as a C++ exception) when a graph break happens under fullgraph=True; the engine turns
// it into torch._dynamo.exc.Unsupported.
struct GraphBreakError {
    std::string reason;
};

class Tracer : public runtime::TraceObserver, public torch::OpDispatcher, public std::enable_shared_from_this<Tracer> {
public:
    Tracer(Engine& engine, runtime::Function* root, FrameState& frameState, const DynamoConfig& config, bool fullgraph);
    ~Tracer() override;

    // Wraps the root call's arguments (sources L['name']) into the call the trace makes.
    // `slots` are the parameters as bindArguments bound them, `fromDefault` which came from a default.
    void wrapArguments(const std::vector<runtime::Value>& slots, const std::vector<bool>& fromDefault,
                       std::vector<runtime::Value>& pos, std::vector<runtime::KwArg>& kw);
    // Builds the output template from the function's result and returns the result with every
    // proxy replaced by its plain value.
    runtime::Value finish(const runtime::Value& result) { return recorder_.finish(result); }
    // Builds the entry's guards (call after finish).
    GuardSet buildGuards() const { return guards_.build(shapeEnv, slotBindings, root_->code->nlocals); }
    bool active = true;

    // --- TraceObserver (Tracer.cpp) ---
    void onLoadGlobal(runtime::Dict* globals, std::string_view name, runtime::Value& v) override;
    void onLoadDeref(runtime::Cell* cell, std::string_view name, runtime::Value& v) override;
    void onGetAttr(const runtime::Value& obj, std::string_view name, runtime::Value& result) override;
    void onGetItem(const runtime::Value& container, const runtime::Value& key, runtime::Value& result) override;
    void onIterate(const runtime::Value& container) override;
    void onLen(const runtime::Value& container) override;
    void onFunctionEnter(runtime::Function* fn) override;
    void onFunctionExit(runtime::Function* fn) override;
    runtime::Value iterateAs(const runtime::Value& container) override;
    void onSpecialMethod(runtime::Type* cls, runtime::Str* name, const runtime::Value& found) override;
    void onContains(const runtime::Value& container, const runtime::Value& item, bool found) override;
    void onUse(const runtime::Value& v) override;
    void onUseItems(const runtime::Value& arg) override;
    void onReadItems(const runtime::Value& container) override;
    void onMissingItem(const runtime::Value& container, const runtime::Value& key) override;
    void onStatement() override;
    runtime::Value lazyFormatHint(const runtime::Value& v) override;
    void onLazyString(const runtime::Value& str, std::span<const runtime::Value> formatted) override;
    void onMutate(const runtime::Value& target) override;
    void onMissingAttr(const runtime::Value& obj, std::string_view name) override;

    // --- OpDispatcher (ops: GraphRecorder; metadata: TracerSymbols.cpp) ---
    runtime::Value call(int opIndex, const runtime::CallArgs& args) override;
    runtime::Value sizeAt(const runtime::Value& tensor, int64_t d) override;
    runtime::Value strideAt(const runtime::Value& tensor, int64_t d) override;
    runtime::Value numel(const runtime::Value& tensor) override;
    bool truth(const runtime::Value& tensor) override;
    runtime::Value item(const runtime::Value& tensor) override;

    // --- proxies call back (TracerSymbols.cpp) ---
    runtime::Value useScalar(TrackedScalar* s);                // install guard, give plain value
    runtime::Value symBinary(runtime::BinOpKind op, const SymPtr& a, const SymPtr& b);
    runtime::Value symCompare(runtime::CmpOpKind op, const SymPtr& a, const SymPtr& b);
    SymPtr symOf(const runtime::Value& v);                     // SymInt/int → expr; null otherwise
    // Python arithmetic with an unspecialized float (SymFloat, dynamo-semantics §3.8): the result
    // is a SymFloat of the same roots; null when the operands are not numbers.
    runtime::Value symFloatBinary(runtime::BinOpKind op, const runtime::Value& a, const runtime::Value& b);
    // `s op other` where s is an unspecialized float input and other a number: the truth, and
    // the guard that keeps it (`L['y'] != 5.0`, a ShapeEnv guard in PyTorch). Null when it is
    // not such a comparison (the caller specializes the float).
    runtime::Value floatCompare(runtime::CmpOpKind op, TrackedScalar* s, const runtime::Value& other);
    void graphBreak(const std::string& reason);
    void notePythonRng(const runtime::Value& v);

    // --- for the graph recorder ---
    // The graph's view of a tensor; a tensor input is realized (guarded, sized) on first use.
    TracedTensor& tensorVar(torch::TensorObject* t);
    int sourceOf(const runtime::Object* o) const;              // -1: not read from a source
    Provenance where() const { return userFrame(interp_); }   // the user line being traced

    // Results of the trace.
    SourceTable sources;
    ShapeEnv shapeEnv;
    Graph graph;
    std::vector<SymbolBinding> slotBindings;
    std::vector<std::string> dynamicLog;                      // TORCH_LOGS=dynamic lines
    std::vector<std::string> traceSourceLog;                  // TORCH_LOGS=trace_source lines
    std::vector<session::ShapeEvent> shapeEvents;
    std::vector<std::string> graphBreakReasons;
    std::vector<std::string> symbolNames() const;

private:
    std::unordered_map<int, runtime::Value> floatRoots_;  // unspecialized float inputs: source -> value
    std::vector<std::string> floatGuards_;                 // FloatCompare guards installed (their code)
    bool traceSource_ = false;                             // the trace_source artifact is on
    Provenance lastLine_;                                  // the user line trace_source named last
    DimKind automaticDimKind();
    runtime::Value wrap(const runtime::Value& v, int source, bool rootLocal);
    runtime::Value wrapInt(const runtime::Value& v, int source, bool rootLocal);  // TracerSymbols.cpp
    runtime::Value wrapFloat(const runtime::Value& v, int source, bool rootLocal);
    void registerObject(const runtime::Value& v, int source);
    void realizeInput(torch::TensorObject* t, int source, TracedTensor& var);    // TracerSymbols.cpp
    runtime::Value makeScalar(TrackedScalar::Kind k, runtime::Value v, int source, SymPtr sym = nullptr);
    void noteSlots(int source, int dim);

    // --- what the trace reads through objects (TracerObjects.cpp, dynamo-semantics §2.4) ---
    // Code of our torch and stdlib preludes is framework code: not guarded (PyTorch does not
    // guard torch.nn.Module's own methods either).
    bool trusted(const runtime::Function* fn) const;
    bool trustedType(const runtime::Type* t) const;
    // CLOSURE_MATCH on a user function read from `source` (hasattr + __code__ identity), or
    // FUNCTION_MATCH (identity) on a native one. Once per source.
    void guardFunction(int source, const runtime::Value& fn);
    // obj.name where obj is a user-class instance read from `source`: attributes found on the
    // class through the MRO are guarded where they were found. False: an instance attribute
    // (the caller wraps it under `source.name`).
    bool classAttribute(int source, const runtime::Value& obj, std::string_view name, runtime::Value& result);
    // Cls.name where Cls (a class read from `source`) is guarded by identity.
    void typeAttribute(int source, std::string_view name, runtime::Value& result);
    // A user class and the source of `type(P)` for an instance P read from a source.
    int typeSourceFor(const runtime::Type* cls);
    // The items of a tracked list/tuple/dict (view), wrapped with their sources; Null if
    // iterating the container itself hands out the same values.
    runtime::Value wrappedItems(const runtime::Value& container);
    // d.get(k[, default]) on a dict read from `source`: the value comes from P[k] (guarded by
    // kind), or its absence is guarded (DICT_CONTAINS).
    runtime::Value dictGet(int source, const runtime::Value& dict, const runtime::Value& method);
    // A str read from a source is guarded when an operation uses it, not when it is read
    // (dynamo-semantics §3.11): pending until then.
    void commitString(const runtime::Object* s);
    // A tensor attribute that TENSOR_MATCH does not cover, read from an input tensor (Tracer.cpp).
    void tensorAttribute(torch::TensorObject* t, std::string_view name, runtime::Value& result);
    // max()/min() of ints where one is a SymInt: a symbolic Max/Min without a guard, or Null
    // when the builtin should run as it is (Tracer.cpp).
    runtime::Value symExtreme(bool isMax, const runtime::CallArgs& a);
    // Every item of a container read from a source, guarded as if read and used: for a native
    // function, an operator or a constructor that reads the items without the item hooks
    // (dict(d), d.copy(), xs.index(v), xs + ys, xs == ys, repr(xs), {**d}). A set is guarded by
    // value as a whole (its items have no position to name them by).
    void useContents(const runtime::Value& container, int depth);
    // The defaults of an inlined function `fn` (read from `source`) that this call used.
    void wrapDefaults(runtime::Function* fn, int source);
    bool isModuleAlias(int a, int b) const;
    // super().name: found in a class after the one whose method is running (MRO of self's type).
    void superAttribute(const runtime::Value& super, std::string_view name, runtime::Value& result);
    // A compiled function (torch.compile's wrapper) read from `source` and inlined: its target
    // is guarded through `source._torchdynamo_orig_callable`.
    void compiledTarget(int source, const runtime::Value& compiled);

    Engine& engine_;
    torch::TorchContext& ctx_;
    runtime::Interpreter& interp_;
    runtime::Function* root_;
    FrameState& frameState_;
    const DynamoConfig& config_;
    bool fullgraph_;
    GuardRecorder guards_;
    GraphRecorder recorder_;
    std::unordered_map<const runtime::Object*, int> objSource_;
    std::vector<runtime::Value> keepAlive_;
    runtime::Value printWrapper_;
    runtime::Value idWrapper_;
    runtime::Value maxWrapper_, minWrapper_;
    std::vector<runtime::Function*> fnStack_;                 // scenario functions being run
    std::vector<int> guardedFunctions_;                       // sources with CLOSURE/FUNCTION_MATCH
    std::vector<int> guardedAbsent_;                          // attribute sources guarded absent
    struct TypeSource {
        int instance = -1;         // a source whose value is an instance of the class
        runtime::Value object;     // that instance
    };
    std::unordered_map<const runtime::Type*, TypeSource> typeSources_;  // user class -> an instance of it
    // A string whose guards wait for its first use: the sources it was read from (EQUALS_MATCH)
    // and the symbolic scalars an f-string formatted into it (specialized on use).
    struct PendingString {
        std::vector<int> sources;
        std::vector<runtime::Value> formatted;
    };
    std::unordered_map<const runtime::Object*, PendingString> pendingStrings_;
};

} // namespace gs::engine
