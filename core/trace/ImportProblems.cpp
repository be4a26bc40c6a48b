#include "core/trace/ImportProblems.h"

namespace gs::trace {

void ImportProblems::add(std::string_view kind, int64_t line, std::string_view detail) {
    if (!report_) {
        if (collected_) collected_->push_back(FoundProblem{std::string(kind), line, std::string(detail)});
        return;
    }
    int64_t& n = report_->problems[std::string(kind)];
    ++n;
    ++total_;
    // built with append: GCC 12 warns falsely (-Wrestrict) on chained operator+ in Release
    std::string msg = file_;
    if (line > 0) msg.append(":").append(std::to_string(line));
    msg.append(": ").append(kind);
    if (!detail.empty()) msg.append(": ").append(detail.substr(0, 300));
    if (strict_) throw TraceError(msg + " (--strict: any unreadable part is an error)");
    if (n <= kMessagesPerKind) report_->warnings.push_back(std::move(msg));
}

} // namespace gs::trace
