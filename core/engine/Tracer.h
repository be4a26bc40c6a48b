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

    // Wraps the root call's arguments (sources L['name']). `slots` are the bound parameters.
    void wrapArguments(const runtime::CallArgs& args, const std::vector<bool>& fromDefault,
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
    void graphBreak(const std::string& reason);

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
    std::vector<session::ShapeEvent> shapeEvents;
    std::vector<std::string> graphBreakReasons;
    std::vector<std::string> symbolNames() const;

private:
    std::unordered_map<int, runtime::Value> floatRoots_;  // unspecialized float inputs: source -> value
    DimKind automaticDimKind();
    runtime::Value wrap(const runtime::Value& v, int source, bool rootLocal);
    runtime::Value wrapInt(const runtime::Value& v, int source, bool rootLocal);  // TracerSymbols.cpp
    runtime::Value wrapFloat(const runtime::Value& v, int source, bool rootLocal);
    void registerObject(const runtime::Value& v, int source);
    void realizeInput(torch::TensorObject* t, int source, TracedTensor& var);    // TracerSymbols.cpp
    runtime::Value makeScalar(TrackedScalar::Kind k, runtime::Value v, int source, SymPtr sym = nullptr);
    void noteSlots(int source, int dim);

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
};

} // namespace gs::engine
