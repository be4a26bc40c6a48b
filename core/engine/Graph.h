#pragma once
// A captured graph (dynamo-semantics §1.2 4.d): the ops a trace recorded, with arguments that
// refer to graph inputs (by source), earlier nodes, symbolic ints or constants, and an output
// template. replay() re-runs the ops on a later call's real values.
#include <memory>
#include <string>
#include <vector>

#include "core/engine/Guards.h"
#include "core/engine/SymExpr.h"
#include "core/engine/ValueMeta.h"
#include "core/runtime/Value.h"
#include "core/session/Session.h"

namespace gs::torch {
struct TorchContext;
}

namespace gs::engine {


struct ArgTemplate {
    enum class Kind : uint8_t { Const, Node, Source, Sym, Tuple, List, Dict };
    Kind kind = Kind::Const;
    runtime::Value constant;        // Const (and Dict keys)
    int index = -1;                 // Node index or Source index
    SymPtr sym;                     // Sym: over symbol slots
    std::vector<ArgTemplate> items; // Tuple / List; Dict: key,value pairs flattened
    // Node (an output tensor): bit d set when dim d is symbolic in the graph — what AOTAutograd
    // copies into the returned tensor's _dynamo_weak_dynamic_indices.
    uint64_t dynamicDims = 0;
};

struct GraphNode {
    enum class Kind : uint8_t { Op, GetItem, SymArith };
    Kind kind = Kind::Op;
    int op = -1;                    // TorchContext::ops index
    std::vector<ArgTemplate> args;
    std::vector<std::pair<runtime::Value, ArgTemplate>> kwargs;  // key: interned Str
    int from = -1;                  // GetItem: node; index in `item`
    int item = 0;
    std::string name;               // FX-style node name (mul, add_1, getitem)
    std::string target;
    bool isMethod = false;
    int segment = 0;                // graph-break segment
    int line = 0;
    std::string shape;              // printed output shape, e.g. [s77, 3]
    std::string dtype;
    std::string stride;             // printed strides, e.g. [3, 1] (ValueMeta)
    std::string device;             // cpu, cuda:0
    Provenance origin;              // the user frame that made the node ("# File:" comment)
};

struct Graph {
    std::vector<int> inputSources;  // tensor inputs (placeholders), by source
    std::vector<ValueMeta> inputMeta;  // annotation of each tensor input, parallel to inputSources
    std::vector<int> symInputs;     // symbol slots that are graph inputs (SymInt placeholders)
    std::vector<GraphNode> nodes;
    ArgTemplate output;
    int segments = 1;
    bool hasGraphBreak = false;     // replay impossible: a hit re-runs the function eagerly
    bool rerunOnHit = false;        // the trace used an unspecialized float: hits re-run the function
    // The trace changed Python state that existed before the call (an attribute, a global, a
    // list or dict, a closure cell): PyTorch replays such side effects after the graph; a hit
    // runs the function instead, so they happen on every call (dynamo-semantics §1.2 step 5).
    bool hasSideEffects = false;

    int opCount(int segment = -1) const;  // CompileCounter's op_count: call nodes
    // Runs the graph on a call. `symVals` are the symbol slot values for the call.
    runtime::Value replay(torch::TorchContext& ctx, const SourceTable& sources, const CallFrame& frame,
                          std::vector<runtime::Value>& cache, const std::vector<int64_t>& symVals) const;
    // Session view: placeholders, nodes, output.
    std::vector<session::GraphNode> describe(const SourceTable& sources, const std::vector<std::string>& symNames) const;
    // GraphModule.print_readable() text, as PyTorch prints it (session::GraphPrinter).
    std::string readable(const SourceTable& sources, const std::vector<std::string>& symNames) const;
};

} // namespace gs::engine
