#include "core/lang/StringLiteral.h"

#include "core/lang/Utf8.h"

namespace gs::lang {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

StringPrefix analyzeStringToken(std::string_view token) {
    StringPrefix p;
    while (p.prefixLen < token.size() && token[p.prefixLen] != '"' && token[p.prefixLen] != '\'') {
        switch (token[p.prefixLen] | 0x20) {
        case 'r': p.raw = true; break;
        case 'b': p.bytes = true; break;
        case 'f': p.fstring = true; break;
        default: break; // 'u': no effect in Python 3
        }
        ++p.prefixLen;
    }
    const size_t q = p.prefixLen;
    if (q + 2 < token.size() && token[q + 1] == token[q] && token[q + 2] == token[q] &&
        token.size() >= q + 6)
        p.quoteLen = 3;
    return p;
}

std::optional<EscapeError> decodeEscape(std::string_view text, size_t& i, size_t end, bool bytes,
                                        std::string& out) {
    const size_t at = i;
    ++i; // the backslash
    if (i >= end) {
        out += '\\';
        return std::nullopt;
    }
    const char c = text[i];
    auto emit = [&](char32_t cp) {
        if (bytes)
            out += static_cast<char>(cp & 0xFF);
        else
            utf8::append(out, cp);
    };
    auto hexDigits = [&](size_t count, const char* what) -> std::optional<EscapeError> {
        char32_t v = 0;
        for (size_t k = 0; k < count; ++k) {
            size_t j = i + 1 + k;
            int h = j < end ? hexValue(text[j]) : -1;
            if (h < 0)
                return EscapeError{at, bytes ? std::string("(value error) invalid \\x escape")
                                             : std::string("(unicode error) truncated ") + what + " escape"};
            v = v * 16 + static_cast<char32_t>(h);
        }
        if (v > 0x10FFFF) return EscapeError{at, "(unicode error) illegal Unicode character"};
        i += 1 + count;
        emit(v);
        return std::nullopt;
    };
    switch (c) {
    case '\n':
        ++i;
        return std::nullopt;
    case '\r':
        ++i;
        if (i < end && text[i] == '\n') ++i;
        return std::nullopt;
    case '\\': out += '\\'; ++i; return std::nullopt;
    case '\'': out += '\''; ++i; return std::nullopt;
    case '"': out += '"'; ++i; return std::nullopt;
    case 'a': out += '\a'; ++i; return std::nullopt;
    case 'b': out += '\b'; ++i; return std::nullopt;
    case 'f': out += '\f'; ++i; return std::nullopt;
    case 'n': out += '\n'; ++i; return std::nullopt;
    case 'r': out += '\r'; ++i; return std::nullopt;
    case 't': out += '\t'; ++i; return std::nullopt;
    case 'v': out += '\v'; ++i; return std::nullopt;
    case 'x': return hexDigits(2, "\\xXX");
    case 'u':
        if (bytes) break;
        return hexDigits(4, "\\uXXXX");
    case 'U':
        if (bytes) break;
        return hexDigits(8, "\\UXXXXXXXX");
    case 'N':
        if (bytes) break;
        // Resolving names needs the Unicode name table, which scenarios have no use for.
        return EscapeError{at, "(unicode error) \\N{...} escapes are not supported"};
    default:
        if (c >= '0' && c <= '7') {
            char32_t v = 0;
            for (int k = 0; k < 3 && i < end && text[i] >= '0' && text[i] <= '7'; ++k, ++i)
                v = v * 8 + static_cast<char32_t>(text[i] - '0');
            emit(v);
            return std::nullopt;
        }
        break;
    }
    out += '\\'; // unknown escape: kept as written
    return std::nullopt;
}

std::optional<EscapeError> decodeStringBody(std::string_view text, size_t begin, size_t end, bool raw,
                                            bool bytes, std::string& out) {
    size_t i = begin;
    while (i < end) {
        const char c = text[i];
        if (c == '\\' && !raw) {
            if (auto e = decodeEscape(text, i, end, bytes, out)) return e;
        } else if (c == '\r') {
            out += '\n';
            ++i;
            if (i < end && text[i] == '\n') ++i;
        } else if (bytes && static_cast<unsigned char>(c) >= 0x80) {
            return EscapeError{i, "bytes can only contain ASCII literal characters"};
        } else {
            out += c;
            ++i;
        }
    }
    return std::nullopt;
}

} // namespace gs::lang
