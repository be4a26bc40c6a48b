#include "core/store/ValueCodec.h"

#include <charconv>
#include <limits>

namespace gs::store {

std::string ValueCodec::encodeStrings(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) appendString(out, s);
    return out;
}

void ValueCodec::appendString(std::string& out, std::string_view s) {
    char len[24];
    auto [end, ec] = std::to_chars(len, len + sizeof len, s.size());
    (void)ec; // 24 digits hold any size_t
    out.append(len, end);
    out.push_back(':');
    out.append(s);
}

void ValueCodec::appendNumber(std::string& out, int64_t v) {
    char num[24];
    auto [end, ec] = std::to_chars(num, num + sizeof num, v);
    (void)ec;
    appendString(out, std::string_view(num, size_t(end - num)));
}

std::optional<std::vector<std::string>> ValueCodec::decodeStrings(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t colon = s.find(':', i);
        if (colon == std::string_view::npos) return std::nullopt;
        size_t len = 0;
        auto [p, ec] = std::from_chars(s.data() + i, s.data() + colon, len);
        if (ec != std::errc() || p != s.data() + colon || len > s.size() - colon - 1) return std::nullopt;
        out.emplace_back(s.substr(colon + 1, len));
        i = colon + 1 + len;
    }
    return out;
}

std::optional<std::vector<int64_t>> ValueCodec::decodeInt64s(std::string_view s) {
    std::vector<int64_t> out;
    if (s.empty()) return out;
    size_t i = 0;
    while (true) {
        size_t comma = s.find(',', i);
        size_t end = comma == std::string_view::npos ? s.size() : comma;
        int64_t v = 0;
        auto [p, ec] = std::from_chars(s.data() + i, s.data() + end, v);
        if (ec != std::errc() || p != s.data() + end) return std::nullopt;
        out.push_back(v);
        if (comma == std::string_view::npos) return out;
        i = comma + 1;
    }
}

std::optional<std::vector<int>> ValueCodec::decodeInts(std::string_view s) {
    auto wide = decodeInt64s(s);
    if (!wide) return std::nullopt;
    std::vector<int> out;
    out.reserve(wide->size());
    for (int64_t v : *wide) {
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return std::nullopt;
        out.push_back(static_cast<int>(v));
    }
    return out;
}

} // namespace gs::store
