#pragma once
// Type changes for a reader (issue 13): "int → Tensor" instead of `___check_type_id(y, 9738560)`.
// The id of a TYPE_MATCH guard means nothing to a user; the types come from the calls (the
// argument descriptions of the call that created the rejecting entry and of the rejected call)
// or, for imported logs, from the `type=<class '…'>` of the entry's GuardManager lines.
#include <string>
#include <utility>

#include "core/session/Session.h"

namespace gs::session {

class TypeNames {
public:
    // "<class 'torch.Tensor'>" -> "Tensor", "<class 'int'>" -> "int"; other text unchanged.
    static std::string shortName(const std::string& pythonType);
    // The type the rejecting entry expected and the type the call passed, for a type-change
    // reason of `r`; empty strings where the session does not say.
    static std::pair<std::string, std::string> change(const Session& s, const Recompile& r, const RecompileReason& reason);
    // "int → Tensor" (or "" when neither type is known).
    static std::string changeText(const Session& s, const Recompile& r, const RecompileReason& reason);
};

} // namespace gs::session
