#pragma once
// Syntax colouring for the report's code blocks: Python (graphs, generated code, scenario
// lines) and guard trees. A small tokenizer, not a parser: keywords, strings, comments and
// numbers get a class (hl-k, hl-s, hl-c, hl-n); everything is HTML-escaped.
#include <string>
#include <string_view>

namespace gs::report {

class CodeHtml {
public:
    static std::string python(std::string_view code);
};

} // namespace gs::report
