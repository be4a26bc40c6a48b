#pragma once
// Writes a minimal scenario from a recorded run (an imported TORCH_TRACE session, issue 13
// item 3): per compiled function, a function taking the guarded inputs and using each the way
// that installs the same kind of guard, then one call per compile of the log with the sizes,
// dtypes, values, types and object identities that drove each recompile, and the run's config
// where the log has it. Run in the engine it reproduces the same chain (number of compiles,
// category of each recompile), so the fixes of `guardscope-cli fix` can be tried on a model of
// a real run.
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::advisor {

struct Reproduction {
    std::string scenario;            // Python source
    std::vector<std::string> notes;  // what the log had that the scenario does not model
};

class Reproducer {
public:
    static Reproduction reproduce(const session::Session& recorded);
    // "" when `replayed` has the chain of `recorded`: the same number of compiles and the same
    // category (RecompilePicture::categoryOf) for each recompile, in order; else what differs.
    static std::string compareChains(const session::Session& recorded, const session::Session& replayed);
    // The recompile categories of a session, in order ("size_change, size_change, ...").
    static std::vector<session::ReasonCategory> chain(const session::Session& s);
};

} // namespace gs::advisor
