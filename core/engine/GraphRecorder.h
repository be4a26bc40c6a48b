#pragma once
// The graph half of a trace (dynamo-semantics §1.2 4.d): every tensor op the traced function
// runs goes through the tracer's dispatcher to call(), which runs the op for real on plain
// values and appends a node whose arguments are templates (graph input by source, earlier node,
// symbolic int, constant); outputs get symbolic sizes (§5) so later ops and guards see the
// symbols; finish() turns the function's result into the graph's output template.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/engine/Graph.h"
#include "core/engine/SymExpr.h"
#include "core/runtime/Value.h"
#include "core/torch/TorchBindings.h"

namespace gs::engine {

class Tracer;

// One tensor as the graph sees it: how a node refers to it and its symbolic sizes.
struct TracedTensor {
    ArgTemplate ref;
    std::vector<SymPtr> sizes;
    runtime::Value keep;  // keeps the object (and so its address, the map key) alive
    int source = -1;
};

class GraphRecorder {
public:
    GraphRecorder(Tracer& tracer, Graph& graph, torch::TorchContext& ctx, runtime::Interpreter& interp)
        : tracer_(tracer), graph_(graph), ctx_(ctx), interp_(interp) {}

    // Runs op `opIndex` on the plain values of `args` and records it.
    runtime::Value call(int opIndex, const runtime::CallArgs& args);
    // Python arithmetic on symbolic ints (`n + 1` with n a SymInt) is a node too (§1.5 op_count).
    void addSymArith(const char* target, const SymPtr& a, const SymPtr& b);
    // A graph break: later ops go to a new segment (when the current one has ops).
    void breakSegment();
    // The output template of the function's result; returns the result with every proxy
    // replaced by its plain value.
    runtime::Value finish(const runtime::Value& result);

    TracedTensor* find(const torch::TensorObject* t);
    TracedTensor& add(const torch::TensorObject* t, TracedTensor v);

private:
    ArgTemplate convertArg(const runtime::Value& v, runtime::Value& real);
    std::string nodeName(const std::string& target);
    std::vector<SymPtr> outputSizes(const torch::OpDef& def, const std::vector<runtime::Value>& realArgs,
                                    const tensor::Tensor& out);
    void registerOutput(const runtime::Value& v, int node, const torch::OpDef& def, const std::vector<runtime::Value>& realArgs);
    ArgTemplate outputTemplate(const runtime::Value& v, runtime::Value& plain);

    Tracer& tracer_;
    Graph& graph_;
    torch::TorchContext& ctx_;
    runtime::Interpreter& interp_;
    int segment_ = 0;
    std::unordered_map<const runtime::Object*, TracedTensor> tensors_;
    std::unordered_map<std::string, int> nameCounts_;
    std::vector<SymPtr> callSyms_;      // SymInt arguments of the op being recorded
    // Its arguments that can be sizes, in order (tensors skipped, tuples and lists flattened one
    // level): an int written in the call, or nullopt for a SymInt or anything else.
    std::vector<std::optional<int64_t>> callSizeArgs_;
};

} // namespace gs::engine
