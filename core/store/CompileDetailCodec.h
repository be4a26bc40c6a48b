#pragma once
// Encodes what an imported compile carries beyond the engine's model — its user stack, metrics,
// cache lookups and artifact list (issue 11) — into TEXT columns of `compiles` (schema v7), with
// ValueCodec's length-prefixed lists. Metrics repeat from compile to compile (the whole
// dynamo_config and inductor_config, ~18 KB, in every compilation_metrics): a value equal to the
// previous compile's value of the same field is stored as "=" (a value starting with '=' gets
// another '=' in front, so "=" alone is never a value); one codec instance must therefore see a
// session's compiles in order, when writing and when reading.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/session/Session.h"

namespace gs::store {

class CompileDetailCodec {
public:
    static std::string encodeStack(const std::vector<session::StackFrame>& stack);
    static std::optional<std::vector<session::StackFrame>> decodeStack(std::string_view s);
    static std::string encodeArtifacts(const std::vector<session::Artifact>& artifacts);
    static std::optional<std::vector<session::Artifact>> decodeArtifacts(std::string_view s);
    static std::string encodeCache(const std::vector<session::CacheEvent>& cache);
    static std::optional<std::vector<session::CacheEvent>> decodeCache(std::string_view s);
    // The `inductor` column (schema v11): empty for a compile without any of it.
    static std::string encodeInductor(const session::InductorSummary& s);
    static std::optional<session::InductorSummary> decodeInductor(std::string_view s);

    // Stateful: each call compares with the previous compile's metrics of the same session.
    std::string encodeMetrics(const std::vector<session::Metric>& metrics);
    std::optional<std::vector<session::Metric>> decodeMetrics(std::string_view s);
    void reset() { last_.clear(); }

private:
    std::map<std::string, std::string, std::less<>> last_;
};

} // namespace gs::store
