#include "core/lang/Diagnostic.h"

#include "core/lang/Utf8.h"

#include <algorithm>

namespace gs::lang {

namespace {
constexpr int kTabSize = 8;
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
    // display cell of the (col-1)-th code point on the way.
    std::string shown;
    int cells = 0;
    int caretCells = -1;
    int index = 0; // code points seen
    const std::string_view text = d.lineText;
    for (size_t i = 0; i < text.size();) {
        if (index == d.col - 1) caretCells = cells;
        char32_t cp = utf8::decode(text, i);
        ++index;
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
    if (caretCells < 0) caretCells = cells + std::max(0, d.col - 1 - index);
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
