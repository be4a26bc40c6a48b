#pragma once
// The guards of one trace (dynamo-semantics §2): a check is installed when the traced function
// first inspects a value, at most once per source and kind, with the user line that caused it
// (the provenance comment of the verbose code part); at the end of the trace the checks are
// assembled into the cache entry's GuardSet: the guard-manager tree of §2.1 (one manager per
// source, in first-access order), the ambient guards of §1.3, NO_TENSOR_ALIASING over the
// realized tensor inputs (§2.3) and the shape-env guards (§5).
#include <string>
#include <vector>

#include "core/engine/Guards.h"
#include "core/engine/Provenance.h"
#include "core/engine/ShapeEnv.h"
#include "core/engine/Source.h"
#include "core/runtime/Value.h"

namespace gs::runtime {
class Interpreter;
}

namespace gs::engine {

// The innermost scenario frame on the interpreter's stack (our torch preludes, files named
// "<...>", are framework code and skipped).
Provenance userFrame(const runtime::Interpreter& interp);

class GuardRecorder {
public:
    GuardRecorder(const SourceTable& sources, runtime::Interpreter& interp) : sources_(sources), interp_(interp) {}

    // Installs `c` on `source`, caused by the user line `where`.
    void add(GuardCheck c, int source, const Provenance& where);
    // True the first time a value guard (EQUALS/BOOL/NONE/ID_MATCH) is asked for `source`: the
    // caller then installs it. A source carries at most one.
    bool claimValueGuard(int source);
    // TYPE_MATCH on `source` (once).
    void guardType(int source, const runtime::Value& v, const Provenance& where);
    // TYPE_MATCH + SEQUENCE_LENGTH on a list/tuple `source` (once).
    void guardSequence(int source, const runtime::Value& container, const Provenance& where);
    // DICT_KEYS_MATCH (after the dict's length) on a dict `source` whose keys the trace
    // iterated (once).
    void guardDictKeys(int source, const runtime::Value& dict, const Provenance& where);
    // [not] ___dict_contains(key, ...) on `source` (a dict, or the __dict__ of an instance or a
    // class when `attributeDict`), once per source and key.
    void guardDictContains(int source, const runtime::Value& key, bool present, bool attributeDict, const Provenance& where);
    // ID_MATCH: `source` must be `object` itself (once; a source's value guard).
    void guardIdentity(int source, const runtime::Value& object, const Provenance& where);
    // A realized tensor input that takes part in NO_TENSOR_ALIASING.
    void addAliasCandidate(int source) { aliasGroup_.push_back(source); }

    // The entry's GuardSet. `frameLocals` is the compiled code's local count (closure cells are
    // numbered after the locals in FrameLocalsGuardAccessor).
    GuardSet build(const ShapeEnv& shapeEnv, const std::vector<SymbolBinding>& slotBindings, int frameLocals) const;

private:
    struct Installed {
        GuardCheck check;
        Provenance where;
    };
    const SourceTable& sources_;
    runtime::Interpreter& interp_;
    // GLOBAL_STATE is the state the frame was entered with (PyTorch's GlobalStateGuard is taken
    // before tracing): a function that calls torch.set_grad_enabled(False) still hits when it is
    // entered with grad mode on again (test_misc.py test_grad_state_mutated).
    GlobalStateSnapshot entryState_ = currentGlobalState();
    std::vector<Installed> guards_;
    std::vector<int> valueGuarded_;     // sources whose value guard is installed
    std::vector<int> sequenceGuarded_;
    std::vector<int> typeGuarded_;
    std::vector<int> keysGuarded_;
    std::vector<std::pair<int, std::string>> containsGuarded_;
    std::vector<int> aliasGroup_;       // realized tensor sources in the aliasing group
};

} // namespace gs::engine
