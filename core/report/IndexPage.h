#pragma once
// index.html of one session (SessionReport).
#include <string>

#include "core/report/ReportContext.h"

namespace gs::report {

class IndexPage {
public:
    static std::string render(const ReportContext& ctx, int depth);
};

} // namespace gs::report
