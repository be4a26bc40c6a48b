#pragma once
// Writing JSON text the way Python's json.dumps does with default settings (", " and ": "
// separators, ensure_ascii), for the TORCH_TRACE writer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gs::trace {

class JsonText {
public:
    // A JSON string literal; non-ASCII characters as \uXXXX (surrogate pairs above U+FFFF),
    // invalid UTF-8 bytes as U+FFFD.
    static std::string quote(std::string_view s);
    // Shortest text that reads back to the same double (std::to_chars); "NaN"/"Infinity" as Python.
    static std::string number(double v);
    static std::string number(int64_t v) { return std::to_string(v); }
    // Appends the string literal simdjson::minify writes for a string holding `unescaped`: only
    // '"', '\\' and control characters are escaped (\b \t \n \f \r, others as \u00xx), every
    // other byte as is. simdjson's own writer pushes the bytes of a string one by one once it has
    // met the first character to escape (~17 instructions a byte: compilation_metrics'
    // dynamo_config is ~15 KB of escaped quotes); this copies the runs between escapes.
    static void appendMinifiedString(std::string& out, std::string_view unescaped);
    // A list payload as PyTorch writes it (torch/_logging/_internal.py): "[\n" + ",\n".join(items) + "\n]".
    static std::string pythonListPayload(const std::vector<std::string>& jsonItems);
};

} // namespace gs::trace
