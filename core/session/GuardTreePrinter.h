#pragma once
// An entry's guard tree printed the way TORCH_LOGS=guards prints TREE_GUARD_MANAGER
// (dynamo-semantics §5.5, torch-trace-format §1.3.5), one node a line, without the
// "TREE_GUARD_MANAGER:" heading:
//
//   +- RootGuardManager
//   | +- GLOBAL_STATE: ___check_global_state()
//   | +- GuardManager: source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)
//   | | +- TENSOR_MATCH: check_tensor(L['x'], ...)               # return x + 1  # demo/t.py:3
//
// Depth = parent chain (guards in tree pre-order, as Session.h keeps them). A manager prints its
// code ("source=…, accessed_by=…"), or "source=<source>" when it has none; a leaf prints its code
// and its provenance comment "  # <user line>  # <file>:<line>". trace::GuardTreeText::parse
// reads the text back into the same guards. One place knows these rules: the engine's
// CompileEntry::guardsText and the TORCH_TRACE exporter print through here.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

struct GuardTreeStyle {
    // Pad a leaf's code to this column before its comment, as PyTorch does (80); 0: no padding.
    size_t commentColumn = 0;
    // The file as the comment shows it (PyTorch shortens it to the last path components); unset:
    // as stored.
    std::function<std::string(const std::string&)> path;
};

class GuardTreePrinter {
public:
    static std::string print(const std::vector<Guard>& guards, const GuardTreeStyle& style = {});
};

} // namespace gs::session
