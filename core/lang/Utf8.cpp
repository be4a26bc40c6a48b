#include "core/lang/Utf8.h"

#include <cstdio>

namespace gs::lang::utf8 {

namespace {

struct Range {
    char32_t lo, hi;
};

template <size_t N>
bool inRanges(char32_t cp, const Range (&rs)[N]) {
    for (const Range& r : rs)
        if (cp >= r.lo && cp <= r.hi) return true;
    return false;
}

std::string hexByte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", b);
    return buf;
}

// Punctuation, symbols, spaces, controls and private use beyond ASCII: never part of a name.
constexpr Range kNotIdentifier[] = {
    {0x80, 0xA9}, {0xAB, 0xB4}, {0xB6, 0xB6}, {0xB8, 0xB9}, {0xBB, 0xBF}, {0xD7, 0xD7},
    {0xF7, 0xF7}, {0x2000, 0x203E}, {0x2041, 0x2053}, {0x2055, 0x206F}, {0x20A0, 0x20CF},
    {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x2E80, 0x2FFF}, {0x3000, 0x3004}, {0x3008, 0x3020},
    {0x3030, 0x3030}, {0x3036, 0x3037}, {0x303D, 0x303F}, {0x30A0, 0x30A0}, {0x3190, 0x319F},
    {0x31C0, 0x31EF}, {0x3200, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4CF}, {0xD800, 0xF8FF},
    {0xFD3E, 0xFD3F}, {0xFDFC, 0xFDFD}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE32}, {0xFE35, 0xFE4C},
    {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E},
    {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x1D100, 0x1D24F},
    {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F}, {0xF0000, 0x10FFFF},
};

// Marks and digits: may continue a name but not start one.
constexpr Range kContinueOnly[] = {
    {0xB7, 0xB7},     {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0660, 0x0669},
    {0x06F0, 0x06F9}, {0x0966, 0x096F}, {0x203F, 0x2040}, {0x20D0, 0x20FF}, {0x302A, 0x302F},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19},
    {0xE0100, 0xE01EF},
};

constexpr Range kNonPrintable[] = {
    {0x00, 0x08}, {0x0B, 0x0B}, {0x0E, 0x1F}, {0x7F, 0xA0}, {0xAD, 0xAD}, {0x1680, 0x1680},
    {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF},
    {0xD800, 0xDFFF}, {0xFFF9, 0xFFFB}, {0x323B0, 0xDFFFF}, {0xE0000, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
};

} // namespace

std::optional<Invalid> validate(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        size_t len = seqLength(b);
        if (len == 1) return Invalid{i, "invalid start byte " + hexByte(b)};
        if (i + len > n) return Invalid{i, "unexpected end of data after byte " + hexByte(b)};
        for (size_t k = 1; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return Invalid{i, "invalid continuation byte " + hexByte(p[i + k])};
        unsigned char b1 = p[i + 1];
        if (b == 0xE0 && b1 < 0xA0) return Invalid{i, "overlong encoding"};
        if (b == 0xED && b1 >= 0xA0) return Invalid{i, "encoded surrogate"};
        if (b == 0xF0 && b1 < 0x90) return Invalid{i, "overlong encoding"};
        if (b == 0xF4 && b1 >= 0x90) return Invalid{i, "code point above U+10FFFF"};
        i += len;
    }
    return std::nullopt;
}

char32_t decode(std::string_view s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    size_t len = seqLength(b);
    if (len == 1 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t countCodePoints(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

bool isIdStart(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return !inRanges(cp, kNotIdentifier) && !inRanges(cp, kContinueOnly);
}

bool isIdContinue(char32_t cp) {
    if (cp < 0x80) return isIdStart(cp) || (cp >= '0' && cp <= '9');
    return !inRanges(cp, kNotIdentifier) || inRanges(cp, kContinueOnly);
}

bool isNonPrintable(char32_t cp) { return inRanges(cp, kNonPrintable); }

int displayWidth(char32_t cp) {
    if (cp < 0x300) return 1;
    if (inRanges(cp, kZeroWidth)) return 0;
    return inRanges(cp, kWide) ? 2 : 1;
}

} // namespace gs::lang::utf8
