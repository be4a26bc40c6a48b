#pragma once
// What could not be read, counted per kind like tlparse's final stats (torch-trace-format
// §1.3.2 "Robustness rules"). Kinds: no_prefix, bad_json, bad_envelope, md5_mismatch,
// bad_payload, bad_guards, bad_graph, unexpected_payload, bad_string_index, line_too_long,
// payload_too_large, incomplete_compile, rank_conflict. In strict mode the first problem throws TraceError.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/trace/TraceReader.h"

namespace gs::trace {

// One problem as found, not counted yet (ImportProblems in collecting mode).
struct FoundProblem {
    std::string kind;
    int64_t line = 0;
    std::string detail;
};

class ImportProblems {
public:
    ImportProblems(std::string file, bool strict, ImportReport& report) : file_(std::move(file)), strict_(strict), report_(&report) {}
    // Collecting: add() appends to the list given to collectInto() and neither counts nor
    // throws; the owner later passes each to the counting add() in the same order. Lets a
    // record be decoded on another thread (OrderedStage) with its problems reported in place.
    ImportProblems() : strict_(false), report_(nullptr) {}
    void collectInto(std::vector<FoundProblem>* list) { collected_ = list; }

    // Counts one problem; keeps the first few messages of each kind as "file:line: kind: detail".
    void add(std::string_view kind, int64_t line, std::string_view detail);
    int64_t total() const { return total_; }
    // Used when the import already failed: finishing the partial session must not throw again.
    void setStrict(bool strict) { strict_ = strict; }
    const std::string& file() const { return file_; }

    static constexpr int64_t kMessagesPerKind = 20;

private:
    std::string file_;
    bool strict_;
    ImportReport* report_;
    std::vector<FoundProblem>* collected_ = nullptr;
    int64_t total_ = 0;
};

} // namespace gs::trace
