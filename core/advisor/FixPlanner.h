#pragma once
// Candidate fixes for a scenario's recompiles, derived from the whole picture (every recompile
// group of every compiled function, the inputs that varied, the config the scenario sets) and
// written as concrete edits of its text. Which candidate works is not decided here: FixAdvisor
// re-runs each one. Advice follows PyTorch's documentation of dynamic shapes and recompilation
// (torch.compiler dynamic-shapes pages, torch/_dynamo/decorators.py, dynamo-semantics §3).
#include <string>
#include <vector>

#include "core/advisor/RecompilePicture.h"
#include "core/advisor/ScenarioFacts.h"
#include "core/advisor/ScenarioText.h"
#include "core/session/Session.h"

namespace gs::advisor {

struct FixCandidate {
    std::string frame;                         // the compiled function's name
    session::ReasonCategory category = session::ReasonCategory::Other;
    std::vector<std::string> recompiles;       // the recompile group it addresses
    std::string kind;                          // maybe_mark_dynamic, mark_dynamic, dynamic_true, config, ...
    std::string title;                         // one line: what the edit is
    std::string explanation;                   // what it does and why it should help
    std::vector<Edit> edits;
    bool lesson = false;                       // tried to show what goes wrong (e.g. the first reason alone)
};

// A recompile group the advisor has advice for but no edit it can write.
struct PlanNote {
    std::string frame;
    session::ReasonCategory category = session::ReasonCategory::Other;
    std::vector<std::string> recompiles;
    std::string text;
};

struct Plan {
    std::vector<FixCandidate> candidates;
    std::vector<PlanNote> notes;
};

class FixPlanner {
public:
    static Plan plan(const ScenarioFacts& facts, const std::vector<FramePicture>& pictures);
};

} // namespace gs::advisor
