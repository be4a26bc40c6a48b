#pragma once
// The text of a scenario as lines, and the line edits a fix makes to a copy of it. A fix is a
// concrete edit (issue 13: "a line and its replacement text, or a config line"): a hunk of
// whole lines and the text that replaces them, so a user can read it as a diff and apply it.
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/Ast.h"

namespace gs::advisor {

struct Edit {
    int line = 0;         // first line replaced, 1-based
    int endLine = 0;      // last line replaced (>= line)
    std::string before;   // the text of lines line..endLine, joined with '\n'
    std::string after;    // what replaces them (may hold several lines)
    std::string config;   // a config edit: the config line it sets, e.g. "torch._dynamo.config.x = 1"
    bool operator==(const Edit&) const = default;
};

class ScenarioText {
public:
    explicit ScenarioText(std::string_view text);

    int lineCount() const { return static_cast<int>(lines_.size()); }
    // Line `n` (1-based) without its terminator; "" outside the text.
    const std::string& line(int n) const;
    // Lines first..last joined with '\n'.
    std::string lines(int first, int last) const;
    // The leading spaces/tabs of line `n`.
    std::string indentOf(int n) const;
    // The text a parser location covers (columns are 1-based code points, end exclusive).
    std::string slice(const lang::Loc& loc) const;
    // Byte index in line `n` of code-point column `col` (1-based).
    size_t byteColumn(int n, int col) const;

    // An edit replacing lines first..last with `after`.
    Edit replace(int first, int last, std::string after) const;
    // An edit that keeps line `n` and puts `text` after it (before it when `before` is true).
    Edit insertAround(int n, const std::string& text, bool before) const;

    // The text with `edits` applied. Edits must not overlap and must match the text they
    // replace; throws std::invalid_argument otherwise.
    std::string apply(std::vector<Edit> edits) const;
    // A unified-diff-like rendering of edits ("@@ line N @@", "-old", "+new").
    static std::string diff(const std::vector<Edit>& edits);

private:
    std::vector<std::string> lines_;
    bool finalNewline_ = true;
};

} // namespace gs::advisor
