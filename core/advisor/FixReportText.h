#pragma once
// A FixReport for people (`guardscope-cli fix FILE`) and for tools (`--json`, the shape of
// issue 13: {"fixes": [{"recompiles", "category", "edit", "before", "after", "same_results",
// "recommended"}]} plus titles, explanations, problems and every edit).
#include <string>

#include "core/advisor/FixAdvisor.h"

namespace gs::advisor {

class FixReportText {
public:
    // Each recompile group with its candidate fixes ranked, the measured effect and the diff.
    static std::string text(const FixReport& report);
    static std::string json(const FixReport& report);
    // "compiles 2 → 1, recompiles 1 → 0, graph breaks 0 → 0" for one fix.
    static std::string effect(const FixReport& report, const FixResult& fix);
};

} // namespace gs::advisor
