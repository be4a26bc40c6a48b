#pragma once
// The whole picture of a session's recompiles, per compiled function: which inputs varied across
// its calls (sizes per dimension, types, values, aliasing) and its recompiles grouped by cause.
// A fix is derived from this, not from the first reason alone (issue 13, item 1): the headline
// `x * y` demo needs both x and y dynamic, although only x is named by the first reason.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::advisor {

struct InputVariation {
    std::string source;                      // L['x']
    std::string name;                        // x, when the source is a top-level local; else ""
    std::set<std::string> kinds, types, dtypes, values;
    std::map<int, std::set<int64_t>> sizes;  // dim -> sizes seen
    std::set<size_t> ranks;
    bool aliased = false;                    // was the same object as another argument in some call
    // Dimensions that took more than one size (rank fixed), in order.
    std::vector<int> varyingDims() const;
    // Whether dim `d` was ever 0 or 1 while it also took other sizes.
    bool fellToZeroOrOne(int d) const;
};

struct RecompileGroup {
    session::ReasonCategory category = session::ReasonCategory::Other;
    std::vector<std::string> recompiles;            // compile ids of the new compiles, in order
    std::set<std::string> sources;                  // stripped reason sources of this category (x, y)
    std::set<std::pair<std::string, int>> dims;     // (stripped source, dim) named by size reasons
    bool limitHit = false;                          // one of them hit the recompile limit
};

struct FramePicture {
    session::Frame frame;                     // the first frame of this code (a reset makes new ids)
    std::vector<int> frameIds;                // every session frame of the same code
    std::vector<InputVariation> inputs;       // in first-seen order
    std::vector<RecompileGroup> groups;       // in order of first recompile
    std::set<int> callLines;                  // scenario lines the function was called from
    int64_t compiles = 0, recompiles = 0;
    const InputVariation* input(const std::string& name) const;
};

class RecompilePicture {
public:
    static std::vector<FramePicture> of(const session::Session& s);
    // The cause of one recompile from all its reasons: 0/1 specialization or duck sizing when
    // any entry failed for it (they explain the others), else the first reason's category.
    static session::ReasonCategory categoryOf(const session::Recompile& r);
    // "L['x']" -> "x"; "" for sources below a top-level local (L['x'].y, G['g']).
    static std::string topLevelName(const std::string& source);
};

} // namespace gs::advisor
