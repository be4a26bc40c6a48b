#pragma once
// Small helpers for the static report (issue 11 item 4). Pages are written as polyglot XHTML —
// well-formed XML that browsers read as HTML5 — so any XML parser can check them: every element
// is closed, attributes are quoted, and only the XML entities (&amp; &lt; &gt; &quot; &#39;) and
// numeric references are used.
#include <string>
#include <string_view>

namespace gs::report {

class Html {
public:
    // Text or attribute value with &, <, >, " and ' escaped.
    static std::string escape(std::string_view text);
    // <tag attrs>escaped text</tag>
    static std::string element(std::string_view tag, std::string_view text, std::string_view attrs = {});
    // A whole page: doctype, head with the inline style sheet, a top bar, then `body`.
    // `depth` is how many folders below the report root the page is (for links to index.html).
    static std::string page(const std::string& title, const std::string& subtitle, const std::string& body, int depth);
    // A file name that is safe in any file system and URL for a compile id: "0/1" -> "0_1",
    // "!2/0/1" -> "ca2_0_1"; `occurrence` > 0 (ids repeated after torch._dynamo.reset()) adds "-N".
    static std::string compileFileName(std::string_view compileId, int occurrence);
    // The style sheet every page inlines (no file beside it, no network).
    static const char* css();
};

} // namespace gs::report
