#pragma once
// The static HTML report of recorded sessions (issue 11 item 4): what a user sends a teammate.
// One session: index.html (summary, why it recompiled, recompile chains with fixes, where the
// compiles come from, config, tests, log) and compile/<id>.html per compile (reasons, fix,
// guard diff against the entry before, guard tree as SVG, graph as PyTorch prints it, symbols,
// the call, stack, metrics, cache lookups, artifacts). Several sessions (the ranks of a
// TORCH_TRACE folder): index.html with the rank overview and divergences, and each rank's
// pages under rank-<r>/. Every page is one self-contained file: inline CSS and SVG, no scripts,
// no network.
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::report {

struct ReportPage {
    std::string path;  // relative to the report folder, '/'-separated: "index.html", "compile/0_1.html"
    std::string html;
};

class SessionReport {
public:
    // `sessions`: one session, or one per rank (a folder import). Imported sessions carry their
    // records (artifact texts come from them).
    static std::vector<ReportPage> build(const std::vector<session::Session>& sessions);
    // One session's pages with every path under `folder` ("" or "rank-1/"); `depth` = folders
    // below the report root.
    static std::vector<ReportPage> sessionPages(const session::Session& s, const std::string& folder, int depth);
};

} // namespace gs::report
