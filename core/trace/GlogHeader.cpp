#include "core/trace/GlogHeader.h"

#include <charconv>

namespace gs::trace {
namespace {

bool digitsAt(std::string_view s, size_t pos, size_t n) {
    if (pos + n > s.size()) return false;
    for (size_t i = pos; i < pos + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

std::optional<GlogHeader> GlogHeader::parse(std::string_view s) {
    // Fixed part: "V0718 15:30:01.875000 " (the fraction has 6 digits; accept 1-9)
    if (s.size() < 22) return std::nullopt;
    char lv = s[0];
    if (lv != 'V' && lv != 'I' && lv != 'W' && lv != 'E' && lv != 'C') return std::nullopt;
    if (!digitsAt(s, 1, 4) || s[5] != ' ') return std::nullopt;
    if (!digitsAt(s, 6, 2) || s[8] != ':' || !digitsAt(s, 9, 2) || s[11] != ':' || !digitsAt(s, 12, 2) || s[14] != '.')
        return std::nullopt;
    size_t p = 15;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    if (p == 15 || p - 15 > 9 || p >= s.size() || s[p] != ' ') return std::nullopt;
    GlogHeader h;
    h.level = lv;
    h.date = s.substr(1, 4);
    h.time = s.substr(6, p - 6);
    size_t pidStart = ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    if (p == pidStart || p >= s.size() || s[p] != ' ') return std::nullopt;
    auto [ptr, ec] = std::from_chars(s.data() + pidStart, s.data() + p, h.pid);
    if (ec != std::errc()) h.pid = 0; // longer than int64: keep going, the pid is opaque
    (void)ptr;
    size_t pathStart = ++p;
    size_t close = s.find("] ", pathStart);
    if (close == std::string_view::npos) {
        if (!s.empty() && s.back() == ']') close = s.size() - 1; // empty content
        else return std::nullopt;
    }
    std::string_view loc = s.substr(pathStart, close - pathStart);
    size_t colon = loc.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || !digitsAt(loc, colon + 1, loc.size() - colon - 1) ||
        colon + 1 == loc.size())
        return std::nullopt;
    h.path = loc.substr(0, colon);
    std::from_chars(loc.data() + colon + 1, loc.data() + loc.size(), h.line);
    h.content = close + 2 <= s.size() ? s.substr(close + 2) : std::string_view();
    return h;
}

} // namespace gs::trace
