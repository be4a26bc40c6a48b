#include "core/advisor/ScenarioText.h"

#include <algorithm>
#include <stdexcept>

namespace gs::advisor {
namespace {

std::vector<std::string> splitLines(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < s.size()) out.emplace_back(s.substr(start));
            break;
        }
        std::string_view l = s.substr(start, nl - start);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        out.emplace_back(l);
        start = nl + 1;
    }
    return out;
}

} // namespace

ScenarioText::ScenarioText(std::string_view text) : lines_(splitLines(text)) {
    finalNewline_ = text.empty() || text.back() == '\n';
}

const std::string& ScenarioText::line(int n) const {
    static const std::string empty;
    if (n < 1 || n > lineCount()) return empty;
    return lines_[static_cast<size_t>(n - 1)];
}

std::string ScenarioText::lines(int first, int last) const {
    std::string out;
    for (int n = first; n <= last; ++n) {
        if (n > first) out += '\n';
        out += line(n);
    }
    return out;
}

std::string ScenarioText::indentOf(int n) const {
    const std::string& l = line(n);
    size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    return l.substr(0, i);
}

size_t ScenarioText::byteColumn(int n, int col) const {
    const std::string& l = line(n);
    size_t i = 0;
    for (int c = 1; c < col && i < l.size(); ++c) {
        unsigned char b = static_cast<unsigned char>(l[i]);
        size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 1;
        i = std::min(l.size(), i + len);
    }
    return i;
}

std::string ScenarioText::slice(const lang::Loc& loc) const {
    int endLine = loc.endLine > 0 ? loc.endLine : loc.line;
    if (loc.line < 1 || endLine < loc.line) return {};
    size_t from = byteColumn(loc.line, loc.col);
    size_t to = byteColumn(endLine, loc.endCol);
    if (loc.line == endLine) return to > from ? line(loc.line).substr(from, to - from) : std::string();
    std::string out = line(loc.line).substr(from);
    for (int n = loc.line + 1; n < endLine; ++n) out.append(1, '\n').append(line(n));
    out.append(1, '\n').append(line(endLine), 0, to);
    return out;
}

Edit ScenarioText::replace(int first, int last, std::string after) const {
    Edit e;
    e.line = first;
    e.endLine = last;
    e.before = lines(first, last);
    e.after = std::move(after);
    return e;
}

Edit ScenarioText::insertAround(int n, const std::string& text, bool before) const {
    const std::string& first = before ? text : line(n);
    const std::string& second = before ? line(n) : text;
    std::string joined;
    joined.reserve(first.size() + second.size() + 1);
    joined.append(first).append(1, '\n').append(second);
    return replace(n, n, std::move(joined));
}

std::string ScenarioText::apply(std::vector<Edit> edits) const {
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.line < b.line; });
    for (size_t i = 0; i < edits.size(); ++i) {
        const Edit& e = edits[i];
        if (e.line < 1 || e.endLine < e.line || e.endLine > lineCount())
            throw std::invalid_argument("edit outside the scenario: lines " + std::to_string(e.line) + "-" + std::to_string(e.endLine));
        if (i > 0 && edits[i - 1].endLine >= e.line)
            throw std::invalid_argument("two edits change line " + std::to_string(e.line));
        if (lines(e.line, e.endLine) != e.before)
            throw std::invalid_argument("line " + std::to_string(e.line) + " is not the text the edit replaces");
    }
    std::string out;
    size_t next = 0;
    int n = 1;
    auto append = [&](const std::string& l) {
        out += l;
        out += '\n';
    };
    while (n <= lineCount()) {
        if (next < edits.size() && edits[next].line == n) {
            const Edit& e = edits[next++];
            if (!e.after.empty()) append(e.after);
            n = e.endLine + 1;
            continue;
        }
        append(line(n));
        ++n;
    }
    if (!finalNewline_ && !out.empty()) out.pop_back();
    return out;
}

std::string ScenarioText::diff(const std::vector<Edit>& edits) {
    std::string out;
    auto prefixed = [&](const std::string& text, char sign) {
        size_t start = 0;
        while (start <= text.size()) {
            size_t nl = text.find('\n', start);
            out += sign;
            out += text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            out += '\n';
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    };
    for (const auto& e : edits) {
        out.append("@@ line ").append(std::to_string(e.line));
        if (e.endLine > e.line) out.append(1, '-').append(std::to_string(e.endLine));
        out.append(" @@\n");
        prefixed(e.before, '-');
        if (!e.after.empty()) prefixed(e.after, '+');
    }
    return out;
}

} // namespace gs::advisor
