#pragma once
// The TREE_GUARD_MANAGER text of `dynamo_cpp_guards_str` payloads and TORCH_LOGS=guards
// (torch-trace-format §1.3.5, dynamo-semantics §5.5), both ways:
//
//   TREE_GUARD_MANAGER:
//   +- RootGuardManager
//   | +- GLOBAL_STATE: ___check_global_state()
//   | +- GuardManager: source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)
//   | | +- TENSOR_MATCH: check_tensor(L['x'], ...)  # return x + 1  # t.py:3 in fn
//   Guard latency = 15.88 us
//
// Depth = number of leading "| "; every node becomes a session::Guard in print order with its
// parent (-1 at depth 0). Managers keep "source=…, accessed_by=…" as code and their source;
// a leaf's source is its nearest manager's ("" for root-level guards); the trailing
// "  # <user line>  # <file>:<line> in <fn>" comment gives userCode/file/line.
#include <string>
#include <string_view>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

struct GuardTreeParse {
    std::vector<session::Guard> guards;
    int badLines = 0;                 // lines that are not tree nodes
    std::string firstBadLine;
};

class GuardTreeText {
public:
    static GuardTreeParse parse(std::string_view text);

    // Text that parse() turns back into the same guards (guards must be in tree pre-order, as
    // TREE_GUARD_MANAGER prints them). Starts with a blank line like PyTorch's payload.
    static std::string render(const std::vector<session::Guard>& guards);

    // "<user line>  # <file>:<line> in <fn>" (or only one of the two) → the guard's provenance.
    static void parseProvenance(std::string_view comment, session::Guard& g);
};

} // namespace gs::trace
