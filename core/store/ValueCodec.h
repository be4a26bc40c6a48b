#pragma once
// Encodes the short lists inside a record (a tensor's shape, an entry's symbols, a reason's
// failures) into one TEXT column. Strings are length-prefixed ("3:abc0:"), so any content,
// including separators and newlines, round-trips; numbers are comma-separated.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::store {

class ValueCodec {
public:
    static std::string encodeStrings(const std::vector<std::string>& v);
    // Appends one length-prefixed string ("3:abc") as encodeStrings writes each element: lists
    // built field by field, with no vector of copies (a compile's artifact list, issue 11).
    static void appendString(std::string& out, std::string_view s);
    // appendString of the decimal text of `v` (std::to_string's digits).
    static void appendNumber(std::string& out, int64_t v);
    static std::optional<std::vector<std::string>> decodeStrings(std::string_view s);

    template <class Int>
    static std::string encodeInts(const std::vector<Int>& v) {
        std::string out;
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            out += std::to_string(v[i]);
        }
        return out;
    }
    static std::optional<std::vector<int64_t>> decodeInt64s(std::string_view s);
    static std::optional<std::vector<int>> decodeInts(std::string_view s);
};

} // namespace gs::store
