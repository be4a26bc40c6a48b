#pragma once
// The human-readable summary of a session: what `run --summary` and `sessions show ID` print,
// and `sessions diff` for two sessions. Written to be read on a projected screen: one block per
// frame, its cache entries, then each recompile with its reasons and the suggested fix.
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

class SummaryText {
public:
    // The whole summary; counts from s.summary().
    static std::string render(const Session& s);
    // For a session loaded without its calls: the counts are given.
    static std::string render(const Session& withoutCalls, const Summary& summary);

    // Two sessions side by side (e.g. before and after a fix): totals, frames with their
    // compile counts, recompile reasons by category and by text.
    static std::string diff(const Session& a, const Summary& sa, const Session& b, const Summary& sb);

    // Rows into left-aligned columns separated by two spaces; widths count UTF-8 characters.
    // Cells of the last column are not padded.
    static std::string alignColumns(const std::vector<std::vector<std::string>>& rows, const std::string& indent = "");
    // Display width of UTF-8 text (one per code point).
    static size_t width(const std::string& text);
};

} // namespace gs::session
