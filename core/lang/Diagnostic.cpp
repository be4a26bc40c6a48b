#include "core/lang/Diagnostic.h"

#include "core/lang/Utf8.h"

#include <algorithm>

namespace gs::lang {

namespace {
constexpr int kTabSize = 8;
constexpr int kBefore = 60;   // code points shown before the column of a long line
constexpr int kWindow = 160;  // code points shown of a long line in all
} // namespace

std::string clipLine(std::string_view line, size_t maxBytes) {
    if (line.size() <= maxBytes) return std::string(line);
    size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;  // not inside a code point
    return std::string(line.substr(0, end)) + " ...";
}

std::string formatDiagnostic(const Diagnostic& d) {
    std::string out = d.file;
    out += ':';
    out += std::to_string(d.line);
    out += ':';
    out += std::to_string(d.col);
    out += ": error: ";
    out += d.message;
    if (d.line <= 0) return out;

    // Render the line (tabs expanded, controls as spaces, bad bytes as U+FFFD) and find the
    // display cell of the (col-1)-th code point on the way. A long line is shown as a window of
    // code points [lo, hi) around the column: a syntax error in a 10 MB one-line file echoes
    // two hundred characters, not 10 MB.
    const int target = std::max(0, d.col - 1);
    const int lo = target > kBefore ? target - kBefore : 0;
    const int hi = lo + kWindow;
    std::string shown;
    int cells = 0;
    int caretCells = -1;
    int index = 0; // code points seen
    const std::string_view text = d.lineText;
    if (lo > 0) {
        shown = "...";
        cells = 3;
    }
    size_t i = 0;
    for (; i < text.size() && index < hi;) {
        if (index == target) caretCells = cells;
        char32_t cp = utf8::decode(text, i);
        ++index;
        if (index <= lo) continue;
        if (cp == '\t') {
            int next = (cells / kTabSize + 1) * kTabSize;
            shown.append(static_cast<size_t>(next - cells), ' ');
            cells = next;
        } else if (cp < 0x20 || cp == 0x7F) {
            shown += ' ';
            ++cells;
        } else {
            utf8::append(shown, cp);
            cells += utf8::displayWidth(cp);
        }
    }
    if (i < text.size()) shown += "...";
    if (caretCells < 0) caretCells = cells + std::max(0, target - index);
    out += '\n';
    out += shown;
    out += '\n';
    out.append(static_cast<size_t>(caretCells), ' ');
    out += '^';
    return out;
}

Diagnostic makeDiagnostic(const SourceFile& file, int line, int col, std::string message) {
    Diagnostic d;
    d.file = file.name;
    d.line = line;
    d.col = col;
    d.message = std::move(message);
    std::string_view text = file.line(line);
    if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // BOM has no column
    d.lineText = std::string(text);
    return d;
}

SyntaxError::SyntaxError(Diagnostic d) : std::runtime_error(formatDiagnostic(d)), diag_(std::move(d)) {}

void throwSyntaxError(const SourceFile& file, int line, int col, std::string message) {
    throw SyntaxError(makeDiagnostic(file, line, col, std::move(message)));
}

} // namespace gs::lang
