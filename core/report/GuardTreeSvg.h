#pragma once
// A cache entry's guard tree as an inline SVG picture for the report: laid out left to right by
// Graphviz (core/layout), one box per manager or guard (kind, source, code), guards that
// rejected a later call drawn in red.
#include <set>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::report {

class GuardTreeSvg {
public:
    // `failed`: Guard::id of the guards that failed for some call. Empty string for an empty
    // tree; a short message in place of the picture when the layout fails.
    static std::string render(const std::vector<session::Guard>& guards, const std::set<int>& failed);
};

} // namespace gs::report
