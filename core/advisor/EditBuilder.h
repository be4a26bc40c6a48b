#pragma once
// The mechanics of each kind of fix edit on a scenario's text: mark inputs dynamic before the
// calls, set a torch.compile keyword, set a config option, wrap an argument at the call sites,
// turn `if flag: return a` / `return b` into torch.where. Each returns the edits, or nullopt with
// `why` set when the scenario is not written in a way the edit can be made safely.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/advisor/ScenarioFacts.h"
#include "core/advisor/ScenarioText.h"

namespace gs::advisor {

struct InputMarks {
    std::string param;       // parameter name of the compiled function
    std::vector<int> dims;
};

class EditBuilder {
public:
    explicit EditBuilder(const ScenarioFacts& facts) : facts_(facts) {}

    // `markFn(<arg>, d)` lines before every call of `fn` on `lines`, one per marked dim; an
    // argument that is not a plain variable is first computed into one (keeping the order in
    // which the call evaluated its arguments).
    std::optional<std::vector<Edit>> markInputs(const FunctionInfo& fn, const std::set<int>& lines,
                                                const std::vector<InputMarks>& marks, const std::string& markFn);
    // `key=value` on every torch.compile of `fn` (replacing the value if the keyword is there).
    std::optional<std::vector<Edit>> setCompileKeyword(const FunctionInfo& fn, const std::string& key, const std::string& value);
    // `target = value`: the scenario's own assignment is changed, else a line follows the imports.
    std::optional<std::vector<Edit>> setConfig(const std::string& target, const std::string& value);
    // Argument `param` of every call of `fn` on `lines` becomes prefix + argument + suffix.
    // With `onlyAliased`, only where the argument is a variable another argument also passes.
    std::optional<std::vector<Edit>> wrapArgument(const FunctionInfo& fn, const std::set<int>& lines, const std::string& param,
                                                  const std::string& prefix, const std::string& suffix, bool onlyAliased = false);
    // `if <param>: return A` followed by `return B` (or `else: return B`) in `fn`'s body becomes
    // `return torch.where(<param>, A, B)`.
    std::optional<std::vector<Edit>> branchToWhere(const FunctionInfo& fn, const std::string& param);
    // `self.<attr> = <Call>(...)` in `className`'s methods becomes `self.<attr> = replacement`,
    // when the call's first argument is the constant `onlyIfArg` (e.g. Dropout(0.0)).
    std::optional<std::vector<Edit>> replaceSubmodule(const std::string& className, const std::string& attr,
                                                      const std::string& calleeSuffix, double onlyIfArg,
                                                      const std::string& replacement);

    const std::string& why() const { return why_; }

private:
    // The argument of `site` that binds `param` of `fn`; -1 when none does.
    int argumentFor(const FunctionInfo& fn, const CallSite& site, const std::string& param) const;
    // Rewrites the lines of a statement with some of its argument texts replaced.
    std::string rewriteStatement(const CallSite& site, const std::vector<std::pair<size_t, std::string>>& replacements) const;
    bool fail(std::string why);

    const ScenarioFacts& facts_;
    std::string why_;
};

} // namespace gs::advisor
