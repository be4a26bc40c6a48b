#include "core/trace/ImportProblems.h"

namespace gs::trace {

void ImportProblems::add(std::string_view kind, int64_t line, std::string_view detail) {
    int64_t& n = report_.problems[std::string(kind)];
    ++n;
    ++total_;
    std::string msg = file_ + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + std::string(kind);
    if (!detail.empty()) msg += ": " + std::string(detail.substr(0, 300));
    if (strict_) throw TraceError(msg + " (--strict: any unreadable part is an error)");
    if (n <= kMessagesPerKind) report_.warnings.push_back(std::move(msg));
}

} // namespace gs::trace
