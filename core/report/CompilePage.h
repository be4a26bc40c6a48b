#pragma once
// compile/<id>.html of one session's report: everything about one compile on one page — why it
// happened (every reason, the suggested fix), what changed in the guards against the entry
// before it, the guard tree drawn, the graph as PyTorch prints it, the symbols it made, the
// call that caused it, its user stack, metrics, cache lookups and artifacts.
#include <string>
#include <vector>

#include "core/report/ReportContext.h"

namespace gs::report {

struct ReportPage;

class CompilePage {
public:
    // The page of compile `i`, plus one text file per artifact of an imported compile (under
    // `folder` + "artifacts/"), appended to `files`.
    static std::string render(const ReportContext& ctx, size_t i, int depth, const std::string& folder,
                              std::vector<ReportPage>& files);
};

} // namespace gs::report
