#pragma once
// How many guards a compile installed, by PyTorch's definition: compilation_metrics.guard_count
// = len(output.guards) (torch/_dynamo/convert_frame.py), the Python-level guards
// (torch._guards.Guard, one per source and GuardBuilder method) including the seven ambient ones
// of OutputGraph.init_ambient_guards: SHAPE_ENV, DETERMINISTIC_ALGORITHMS, GRAD_MODE,
// DEFAULT_DEVICE, GLOBAL_STATE, TORCH_FUNCTION_STATE, AUTOGRAD_SAVED_TENSORS_HOOKS.
// It is not the number of leaves of the printed guard tree: one TENSOR_MATCH guard prints a
// TENSOR_MATCH and a NO_HASATTR leaf, one GLOBAL_STATE leaf checks three Python guards, every
// shape guard belongs to the one SHAPE_ENV guard, and NO_TENSOR_ALIASING is no Python guard.
// The summary, the GUI and the TORCH_TRACE export all count with this class.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

class GuardCount {
public:
    static constexpr int64_t kAmbient = 7;
    // The guard count of an entry: the logged compilation_metrics.guard_count when there is one,
    // else counted from its tree; nullopt when it installed no guards (failed, limit hit).
    static std::optional<int64_t> of(const CompileEntry& c);
    // From a guard tree: the ambient guards plus one per (kind, source) of the other leaves,
    // leaves that belong to another guard left out. Exact for the engine's trees; for a tree
    // read from a log it is an estimate (some Python guards print no leaf).
    static int64_t fromTree(const std::vector<Guard>& tree);
    // compilation_metrics.shape_env_guard_count: the logged value when there is one, else the
    // shape guards the entry's tree prints (LAMBDA_GUARD leaves on sizes, strides and storage
    // offsets, and the SHAPE_ENV range guards). PyTorch counts len(shape_env.guards) before
    // produce_guards drops the redundant ones, so for a log that never said it this can be lower.
    // nullopt when the entry installed no guards.
    static std::optional<int64_t> shapeEnvOf(const CompileEntry& c);
};

} // namespace gs::session
