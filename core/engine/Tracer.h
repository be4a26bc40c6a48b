#pragma once
// One trace of a compiled function (dynamo-semantics §1.2 4.d, §2.3, §3): runs the function for
// real through the interpreter while observing it, tags every value with its source, installs
// guards only for what is actually inspected, records tensor ops into a Graph, allocates
// symbols for dynamic sizes and ints, and at the end produces the cache entry's GuardSet.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/engine/DynamoConfig.h"
#include "core/engine/FrameState.h"
#include "core/engine/Graph.h"
#include "core/engine/Guards.h"
#include "core/engine/ShapeEnv.h"
#include "core/engine/Source.h"
#include "core/torch/TorchBindings.h"
#include "core/engine/TrackedScalar.h"
#include "core/runtime/Extension.h"

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
    runtime::Value finish(const runtime::Value& result);
    // Builds the entry's guards (call after finish).
    GuardSet buildGuards(const std::string& funcName);
    bool active = true;

    // --- TraceObserver ---
    void onLoadGlobal(runtime::Dict* globals, std::string_view name, runtime::Value& v) override;
    void onLoadDeref(runtime::Cell* cell, std::string_view name, runtime::Value& v) override;
    void onGetAttr(const runtime::Value& obj, std::string_view name, runtime::Value& result) override;
    void onGetItem(const runtime::Value& container, const runtime::Value& key, runtime::Value& result) override;
    void onIterate(const runtime::Value& container) override;
    void onLen(const runtime::Value& container) override;
    void onFunctionEnter(runtime::Function* fn) override;

    // --- OpDispatcher ---
    runtime::Value call(int opIndex, const runtime::CallArgs& args) override;
    runtime::Value sizeAt(const runtime::Value& tensor, int64_t d) override;
    runtime::Value strideAt(const runtime::Value& tensor, int64_t d) override;
    runtime::Value numel(const runtime::Value& tensor) override;
    bool truth(const runtime::Value& tensor) override;
    runtime::Value item(const runtime::Value& tensor) override;

    // --- proxies call back ---
    runtime::Value useScalar(TrackedScalar* s);                // install guard, give plain value
    runtime::Value symBinary(runtime::BinOpKind op, const SymPtr& a, const SymPtr& b);
    runtime::Value symCompare(runtime::CmpOpKind op, const SymPtr& a, const SymPtr& b);
    SymPtr symOf(const runtime::Value& v);                     // SymInt/int → expr; null otherwise
    void graphBreak(const std::string& reason);

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
    struct TVar {
        ArgTemplate ref;
        std::vector<SymPtr> sizes;
        runtime::Value keep;
        int source = -1;
    };
    struct InstalledGuard {
        GuardCheck check;
        Provenance where;
    };

    runtime::Value wrap(const runtime::Value& v, int source, bool rootLocal);
    void registerObject(const runtime::Value& v, int source);
    int sourceOf(const runtime::Object* o) const;
    TVar& tensorVar(torch::TensorObject* t);
    void realizeInput(torch::TensorObject* t, int source, TVar& var);
    ArgTemplate convertArg(const runtime::Value& v, runtime::Value& real);
    void addGuard(GuardCheck c, int source);
    void guardSequence(int source, const runtime::Value& container);
    void guardType(int source, const runtime::Value& v);
    Provenance where() const;
    std::string nodeName(const std::string& target);
    std::vector<SymPtr> outputSizes(const torch::OpDef& def, const std::vector<runtime::Value>& realArgs,
                                    const runtime::Value& result, const tensor::Tensor& out);
    void registerOutput(const runtime::Value& v, int node, const torch::OpDef& def, const std::vector<runtime::Value>& realArgs);
    ArgTemplate outputTemplate(const runtime::Value& v, runtime::Value& plain);
    runtime::Value makeScalar(TrackedScalar::Kind k, runtime::Value v, int source, SymPtr sym = nullptr);
    void noteSlots(int source, int dim);

    Engine& engine_;
    torch::TorchContext& ctx_;
    runtime::Interpreter& interp_;
    runtime::Function* root_;
    FrameState& frameState_;
    const DynamoConfig& config_;
    bool fullgraph_;
    int segment_ = 0;
    std::unordered_map<const runtime::Object*, int> objSource_;
    std::unordered_map<const runtime::Object*, TVar> tensors_;
    std::vector<runtime::Value> keepAlive_;
    std::vector<InstalledGuard> guards_;
    std::vector<int> guardedSources_;           // sources whose scalar guard is installed
    std::vector<int> sequenceGuarded_;
    std::vector<int> typeGuarded_;
    std::vector<int> aliasGroup_;               // realized tensor sources in the aliasing group
    std::unordered_map<std::string, int> nameCounts_;
    runtime::Value printWrapper_;
};

} // namespace gs::engine
