#pragma once
// "Try this fix" (issue 13, item 2): runs a scenario, plans candidate fixes from its whole
// recompile picture, applies each to a copy, re-runs the copy in the engine and records what
// changed. A fix is recommended only when its re-run proves it: fewer compiles, no new error,
// no new graph break, the same results from every compiled call. Qt-free; the CLI (`fix`) and
// the GUI (Try fix) both use it. Runs the engine on the calling thread.
#include <functional>
#include <string>
#include <vector>

#include "core/advisor/FixPlanner.h"
#include "core/advisor/RecompilePicture.h"
#include "core/advisor/TrialRun.h"

namespace gs::advisor {

struct FixResult {
    FixCandidate fix;
    RunMeasure after;
    std::string fixedSource;
    bool sameResults = false;
    std::string resultsDiff;          // what differs when !sameResults
    std::vector<std::string> problems; // what went wrong, for a user to read
    bool recommended = false;
    int64_t recompilesRemoved = 0;    // before.recompiles - after.recompiles
};

struct FixReport {
    std::string fileName;
    RunMeasure before;
    std::vector<FramePicture> pictures;
    std::vector<FixResult> fixes;     // ranked: recommended first, then by recompiles removed
    std::vector<PlanNote> notes;      // groups with advice but no edit
    int untried = 0;                  // candidates beyond the trial budget
    std::string error;                // the scenario could not be run or planned at all
    const FixResult* best() const;    // the first recommended fix, or null
};

struct AdvisorOptions {
    TrialOptions trial;
    int maxTrials = 24;
    // Progress: (trials done, trials planned, what runs now). Called on the calling thread.
    std::function<void(int, int, const std::string&)> progress;
};

class FixAdvisor {
public:
    static FixReport advise(const std::string& fileName, const std::string& source, const AdvisorOptions& options = {});
};

} // namespace gs::advisor
