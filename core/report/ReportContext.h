#pragma once
// What the pages of one session's report share: the session and the links between its parts
// (which recompile made which compile, which page a compile has, which guards failed).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::report {

struct ReportContext {
    explicit ReportContext(const session::Session& s);

    const session::Session& s;
    std::vector<std::string> pageOf;                 // per compile: "compile/0_1.html" (relative to the session folder)
    std::vector<const session::Recompile*> recompileOf;  // per compile: the recompile that made it, or null
    std::vector<std::set<int>> failedGuards;         // per compile: Guard::id of guards that rejected a call
    std::vector<int> previousOf;                     // per compile: index of the frame's entry before it, or -1

    // Colour of a compile in chains: its first reason's category, blue for a first compile,
    // red for a failure.
    std::string colourOf(size_t compile) const;
    std::string frameLabel(int frameId) const;       // "scale  demo.py:12"
    std::string statusBadge(size_t compile) const;   // <span class="badge ok">ok</span>
};

// One section of a page.
std::string section(const std::string& title, const std::string& body, const std::string& lead = {});

} // namespace gs::report
