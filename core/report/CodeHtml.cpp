#include "core/report/CodeHtml.h"

#include <cctype>
#include <string>
#include <unordered_set>

#include "core/report/Html.h"

namespace gs::report {
namespace {

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string span(const char* cls, std::string_view text) {
    return std::string("<span class=\"") + cls + "\">" + Html::escape(text) + "</span>";
}

} // namespace

std::string CodeHtml::python(std::string_view code) {
    static const std::unordered_set<std::string_view> keywords{
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    std::string out;
    size_t i = 0;
    while (i < code.size()) {
        char c = code[i];
        if (c == '#') {
            size_t e = code.find('\n', i);
            if (e == std::string_view::npos) e = code.size();
            out += span("hl-c", code.substr(i, e - i));
            i = e;
        } else if (c == '\'' || c == '"') {
            size_t j = i + 1;
            while (j < code.size() && code[j] != c && code[j] != '\n') j += code[j] == '\\' ? 2 : 1;
            j = std::min(code.size(), j + 1);
            out += span("hl-s", code.substr(i, j - i));
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c)) && (i == 0 || !identChar(code[i - 1]))) {
            size_t j = i;
            while (j < code.size() && (identChar(code[j]) || code[j] == '.')) ++j;
            out += span("hl-n", code.substr(i, j - i));
            i = j;
        } else if (identStart(c)) {
            size_t j = i;
            while (j < code.size() && identChar(code[j])) ++j;
            std::string_view word = code.substr(i, j - i);
            out += keywords.count(word) ? span("hl-k", word) : Html::escape(word);
            i = j;
        } else {
            out += Html::escape(code.substr(i, 1));
            ++i;
        }
    }
    return out;
}

} // namespace gs::report
