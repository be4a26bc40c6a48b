#include "core/trace/JsonText.h"

#include <charconv>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace gs::trace {
namespace {

void appendEscape(std::string& out, uint32_t cp) {
    static const char* hex = "0123456789abcdef";
    auto unit = [&](uint32_t u) {
        out += "\\u";
        for (int s = 12; s >= 0; s -= 4) out.push_back(hex[(u >> s) & 15]);
    };
    if (cp >= 0x10000) {
        cp -= 0x10000;
        unit(0xD800 + (cp >> 10));
        unit(0xDC00 + (cp & 0x3FF));
    } else {
        unit(cp);
    }
}

// The two-character escapes of JSON ('\"', '\\', \b \t \n \f \r): false for any other byte.
bool appendShortEscape(std::string& out, unsigned char c) {
    switch (c) {
    case '"': out += "\\\""; return true;
    case '\\': out += "\\\\"; return true;
    case '\b': out += "\\b"; return true;
    case '\t': out += "\\t"; return true;
    case '\n': out += "\\n"; return true;
    case '\f': out += "\\f"; return true;
    case '\r': out += "\\r"; return true;
    default: return false;
    }
}

// The first byte at or after `p` that a JSON string escapes ('"', '\\', a control character),
// 16 bytes at a time.
const char* findEscape(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), lastControl = _mm_set1_epi8(0x1f);
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, lastControl), v); // v <= 0x1f, unsigned
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control);
        if (const int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
#endif
    while (p < end && static_cast<unsigned char>(*p) > 0x1f && *p != '"' && *p != '\\') ++p;
    return p;
}

} // namespace

void JsonText::appendMinifiedString(std::string& out, std::string_view unescaped) {
    out.reserve(out.size() + unescaped.size() + 2);
    out.push_back('"');
    const char* p = unescaped.data();
    const char* const end = p + unescaped.size();
    while (p < end) {
        const char* run = p;
        p = findEscape(p, end);
        out.append(run, static_cast<size_t>(p - run));
        if (p == end) break;
        const auto c = static_cast<unsigned char>(*p++);
        if (!appendShortEscape(out, c)) appendEscape(out, c);  // another control: \u00xx
    }
    out.push_back('"');
}

std::string JsonText::quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (!appendShortEscape(out, c)) {
                if (c < 0x20) appendEscape(out, c);
                else out.push_back(char(c));
            }
            ++i;
            continue;
        }
        // decode one UTF-8 sequence
        int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = len > 0 && i + size_t(len) <= s.size();
        for (int k = 1; ok && k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
            if ((cc >> 6) != 2) ok = false;
            else cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
            ok = false;
        if (!ok) {
            appendEscape(out, 0xFFFD);
            ++i;
            continue;
        }
        appendEscape(out, cp);
        i += size_t(len);
    }
    out.push_back('"');
    return out;
}

std::string JsonText::number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, ec == std::errc() ? p : buf);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0"; // Python prints floats with a point
    return s;
}

std::string JsonText::pythonListPayload(const std::vector<std::string>& jsonItems) {
    std::string out = "[\n";
    for (size_t i = 0; i < jsonItems.size(); ++i) out += (i ? ",\n" : "") + jsonItems[i];
    return out + "\n]";
}

} // namespace gs::trace
