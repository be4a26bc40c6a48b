#pragma once
#include "core/engine/SymExpr.h"
// The guards of one cache entry (dynamo-semantics §2): a flat list of checks in
// TREE_GUARD_MANAGER evaluation order (ambient guards, then per-source managers in first-access
// order, then shape-env guards), plus the tree the user sees (session::Guard nodes).
// check() is the hot path of every call; explain() produces PyTorch's failure wording.
#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/Provenance.h"
#include "core/engine/ShapeEnv.h"
#include "core/engine/Source.h"
#include "core/engine/TorchRelease.h"
#include "core/runtime/Value.h"
#include "core/session/Session.h"
#include "core/tensor/DType.h"
#include "core/tensor/Device.h"

namespace gs::engine {

enum class GuardKind : uint8_t {
    GlobalState, DefaultDevice, TensorMatch, NoHasattr, DynamicIndices, NoTensorAliasing, DuplicateInput,
    BoolMatch, EqualsMatch, NoneMatch, TypeMatch, IdMatch, SequenceLength, ShapeEnv,
    // dynamo-semantics §2.4: what a trace reads through objects
    Hasattr,          // [not] hasattr(P, 'name'): source2 is the attribute's source, `present` expected
    DictContains,     // [not] ___dict_contains(key, P[.__dict__]): `constant` key, `present` expected
    DictKeys,         // list(dict.keys(P)) == [...]: `keys` in order (DICT_KEYS_MATCH)
    ObjectAliasing,   // P is Q for two sources of one object (non-tensor DUPLICATE_INPUT)
    // An unspecialized float input (dynamo-semantics §3.8) compared with a number: `P op c`
    // (`rel`, `constant`); `constant` None: `not math.isnan(P)`. PyTorch's ShapeEnv guards on a
    // float symbol, printed with the shape guards (LAMBDA_GUARD at depth 0).
    FloatCompare
};
const char* guardKindName(GuardKind k);

struct GlobalStateSnapshot {
    bool gradMode = true;
    tensor::DType defaultDtype = tensor::DType::Float32;
    // torch.autocast (cpu and cuda): on/off and the dtype it casts to.
    bool autocastCpu = false, autocastCuda = false;
    tensor::DType autocastCpuDtype = tensor::DType::BFloat16, autocastCudaDtype = tensor::DType::Float16;
    bool operator==(const GlobalStateSnapshot&) const = default;
};

struct GuardCheck {
    GuardKind kind = GuardKind::TensorMatch;
    int source = -1;             // the value checked
    int source2 = -1;            // DuplicateInput: the other source
    int sessionGuard = -1;       // index into GuardSet::tree
    // TENSOR_MATCH
    runtime::Type* tensorType = nullptr;  // also set for NO_HASATTR / DYNAMIC_INDICES
    tensor::DType dtype = tensor::DType::Float32;
    int deviceIndex = -1;        // -1: cpu
    uint8_t deviceType = 0;      // tensor::Device::Type (part of the dispatch key set)
    bool parameter = false;      // the guarded tensor is an nn.Parameter / module parameter
    bool requiresGrad = false;
    std::vector<std::optional<int64_t>> sizes, strides;  // nullopt: dynamic
    std::vector<SymPtr> dimSyms;  // while tracing: each dim's expression (a dynamic dim may get specialized)
    // DynamicIndices: allowed marked dims
    std::vector<int64_t> allowed;
    // BOOL/EQUALS/ID/TYPE
    runtime::Value constant;     // EQUALS/BOOL value; ID_MATCH object (kept alive)
    runtime::Type* type = nullptr;
    int64_t length = 0;          // SEQUENCE_LENGTH
    bool present = false;        // DICT_CONTAINS / HASATTR: the key / attribute is expected to be there
    std::vector<runtime::Value> keys;  // DICT_KEYS_MATCH
    int shapeGuard = -1;         // ShapeEnv: index into GuardSet::shapeGuards
    RelOp rel = RelOp::Eq;       // FloatCompare
    GlobalStateSnapshot global;
    std::string code;            // the code part as printed (with L['x'])
    std::string verbose;         // code part + provenance comment
};

// How symbol slots are read back on a later call.
struct SymbolBinding {
    int source = -1;  // tensor source (size) or int source
    int dim = -1;     // -1: the value itself (int)
};

// Tensors already visited by NO_TENSOR_ALIASING in one evaluation (no heap for small groups).
using AliasSeen = boost::container::small_vector<std::pair<const runtime::Object*, int>, 8>;

class GuardSet {
public:
    std::vector<GuardCheck> checks;            // evaluation order
    std::vector<session::Guard> tree;          // what the GUI/logs show
    std::vector<ProducedGuard> shapeGuards;
    std::vector<SymbolBinding> symbols;        // per ShapeEnv slot
    const SourceTable* sources = nullptr;
    // The release whose failure wording explain() uses (strip_local_scope, type texts, hints).
    TorchRelease release;

    // Fast check. `cache` holds fetched source values for this call (reused by replay).
    bool check(const CallFrame& frame, std::vector<runtime::Value>& cache) const;
    // Slow path: evaluates every check and explains the failures in PyTorch's words
    // (already passed through strip_local_scope). Returns the index of the first failing check.
    struct Explanation {
        int firstFailed = -1;                    // index into checks
        std::vector<int> failed;                 // all failing checks
        std::vector<std::string> reasons;        // one text per failing check
        int evaluated = 0;
    };
    Explanation explain(const CallFrame& frame) const;
    // Values of every symbol slot for this call (for shape guards and replay).
    bool symbolValues(const CallFrame& frame, std::vector<runtime::Value>& cache, std::vector<int64_t>& out) const;

private:
    bool run(const GuardCheck& c, const CallFrame& frame, std::vector<runtime::Value>& cache,
             AliasSeen& aliasSeen, std::vector<int64_t>& symVals, bool& symReady,
             std::string* why) const;
};

GlobalStateSnapshot currentGlobalState();
// The dispatch key set of a tensor on a device, as TENSOR_MATCH prints it.
std::string dispatchKeySetText(tensor::Device::Type type);
// Python's `<class 'int'>` for a value's visible type.
std::string pythonClassRepr(const runtime::Value& v);
// Python-style ids for guard code (stable within a run).
int64_t objectId(const void* p);

} // namespace gs::engine
