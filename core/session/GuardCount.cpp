#include "core/session/GuardCount.h"

#include <charconv>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/session/GuardDiff.h"

namespace gs::session {
namespace {

// Leaves checked by the ambient guards, or printed for another guard.
bool belongsToAnother(const Guard& g) {
    static const std::set<std::string_view> kinds{"GLOBAL_STATE", "DEFAULT_DEVICE", "TORCH_FUNCTION_MODE_STACK",
                                                  "GRAD_MODE", "DETERMINISTIC_ALGORITHMS", "NO_HASATTR",
                                                  "DYNAMIC_INDICES", "NO_TENSOR_ALIASING"};
    if (kinds.count(g.kind)) return true;
    if (g.kind == "LAMBDA_GUARD")  // shape guards (SHAPE_ENV) and the saved-tensors-hooks guard
        for (std::string_view mark : {".size()", ".stride()", ".storage_offset()", "top_saved_tensors_hooks"})
            if (g.code.find(mark) != std::string::npos) return true;
    return false;
}

bool isShapeGuard(const Guard& g) {
    if (g.kind == "SHAPE_ENV") return true;
    if (g.kind != "LAMBDA_GUARD") return false;
    for (std::string_view mark : {".size()", ".stride()", ".storage_offset()"})
        if (g.code.find(mark) != std::string::npos) return true;
    return false;
}

std::optional<int64_t> loggedCount(const CompileEntry& c, std::string_view name) {
    for (const Metric& m : c.metrics) {
        if (m.name != name) continue;
        int64_t n = 0;
        const char* end = m.json.data() + m.json.size();
        auto [p, ec] = std::from_chars(m.json.data(), end, n);
        if (ec == std::errc() && p == end && n >= 0) return n;
        break;
    }
    return std::nullopt;
}

bool isValueMatch(std::string_view kind) { return kind == "EQUALS_MATCH" || kind == "BOOL_MATCH" || kind == "NONE_MATCH"; }

} // namespace

int64_t GuardCount::fromTree(const std::vector<Guard>& tree) {
    std::set<std::pair<std::string, std::string>> counted;
    std::set<std::string> valueMatched;  // sources with a constant match: their TYPE_MATCH is part of it
    for (const auto& g : tree)
        if (isValueMatch(g.kind)) valueMatched.insert(GuardDiff::matchSource(g));
    for (const auto& g : tree) {
        if (GuardDiff::isManager(g.kind) || belongsToAnother(g)) continue;
        const std::string source = GuardDiff::matchSource(g);
        if (g.kind == "TYPE_MATCH" && valueMatched.count(source)) continue;
        counted.emplace(g.kind, source.empty() ? g.code : source);
    }
    return kAmbient + static_cast<int64_t>(counted.size());
}

std::optional<int64_t> GuardCount::of(const CompileEntry& c) {
    // A logged compile says its count (compilation_metrics.guard_count); trust it over the tree,
    // where some Python guards print no leaf. null (a failed compile) falls through.
    if (auto n = loggedCount(c, "guard_count")) return n;
    if (c.guards.empty()) return std::nullopt;
    return fromTree(c.guards);
}

std::optional<int64_t> GuardCount::shapeEnvOf(const CompileEntry& c) {
    if (auto n = loggedCount(c, "shape_env_guard_count")) return n;
    if (c.guards.empty()) return std::nullopt;
    int64_t n = 0;
    for (const auto& g : c.guards) n += isShapeGuard(g);
    return n;
}

} // namespace gs::session
