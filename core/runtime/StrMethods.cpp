// str and bytes methods. Case mapping and character classes are ASCII-only (non-ASCII
// characters are kept as they are and are neither digits nor letters).
#include <algorithm>
#include <cctype>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Format.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

Str* selfStr(const CallArgs& a, const char* name) {
    auto* s = a.size() ? a[0].dyn<Str>() : nullptr;
    if (!s) in().raise(in().types.TypeError, std::string("descriptor '") + name + "' requires a 'str' object");
    return s;
}

std::string argStr(const Value& v, const char* what) {
    auto* s = v.dyn<Str>();
    if (!s) in().raise(in().types.TypeError, std::string(what) + " must be str, not " + typeName(v));
    return s->s();
}

bool isSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

std::vector<uint32_t> codepoints(std::string_view s) {
    std::vector<uint32_t> out;
    size_t i = 0;
    while (i < s.size()) out.push_back(decodeUtf8(s, i));
    return out;
}

std::string stripImpl(const std::string& s, const Value& chars, bool left, bool right) {
    if (chars.isNull() || chars.isNone()) {
        size_t b = 0, e = s.size();
        if (left)
            while (b < e && isSpace(static_cast<unsigned char>(s[b]))) ++b;
        if (right)
            while (e > b && isSpace(static_cast<unsigned char>(s[e - 1]))) --e;
        return s.substr(b, e - b);
    }
    std::vector<uint32_t> set = codepoints(argStr(chars, "strip arg"));
    std::vector<uint32_t> cps = codepoints(s);
    size_t b = 0, e = cps.size();
    auto in = [&](uint32_t c) { return std::find(set.begin(), set.end(), c) != set.end(); };
    if (left)
        while (b < e && in(cps[b])) ++b;
    if (right)
        while (e > b && in(cps[e - 1])) --e;
    std::string out;
    for (size_t k = b; k < e; ++k) appendUtf8(out, cps[k]);
    return out;
}

// Converts optional start/end (code points) to a byte range of s.
void byteRange(Str* s, const CallArgs& a, size_t first, size_t& b, size_t& e) {
    int64_t n = s->length();
    int64_t st = 0, en = n;
    if (a.size() > first && !a[first].isNone()) st = ops::toIndex(a[first]);
    if (a.size() > first + 1 && !a[first + 1].isNone()) en = ops::toIndex(a[first + 1]);
    if (st < 0) st = std::max<int64_t>(0, st + n);
    if (en < 0) en = std::max<int64_t>(0, en + n);
    st = std::min(st, n);
    en = std::min(en, n);
    b = s->byteOffset(st);
    e = std::max(b, s->byteOffset(std::max(st, en)));
}

int64_t cpIndex(Str* s, size_t byte) { return static_cast<int64_t>(utf8Length(std::string_view(s->s()).substr(0, byte))); }

Value findImpl(const CallArgs& a, bool reverse, bool raise, const char* name) {
    Str* s = selfStr(a, name);
    a.noKeywords(name);
    if (a.size() < 2) in().raise(in().types.TypeError, std::string(name) + "() takes at least 1 argument (0 given)");
    std::string sub = argStr(a[1], "argument");
    size_t b, e;
    byteRange(s, a, 2, b, e);
    std::string_view hay = std::string_view(s->s()).substr(b, e - b);
    size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
    if (pos == std::string_view::npos || (e - b) < sub.size()) {
        if (raise) in().raise(in().types.ValueError, "substring not found");
        return Value::integer(-1);
    }
    return Value::integer(cpIndex(s, b + pos));
}

Value affix(const CallArgs& a, bool starts, const char* name) {
    Str* s = selfStr(a, name);
    if (a.size() < 2) in().raise(in().types.TypeError, std::string(name) + "() takes at least 1 argument (0 given)");
    size_t b, e;
    byteRange(s, a, 2, b, e);
    std::string_view hay = std::string_view(s->s()).substr(b, e - b);
    auto test = [&](const Value& v) {
        auto* p = v.dyn<Str>();
        if (!p)
            in().raise(in().types.TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + typeName(v));
        std::string_view x = p->view();
        if (x.size() > hay.size()) return false;
        return starts ? hay.substr(0, x.size()) == x : hay.substr(hay.size() - x.size()) == x;
    };
    if (auto* t = a[1].dyn<Tuple>()) {
        for (const auto& v : t->items)
            if (test(v)) return Value::boolean(true);
        return Value::boolean(false);
    }
    return Value::boolean(test(a[1]));
}

std::vector<Value> splitWhitespace(const std::string& s, int64_t maxsplit, bool fromRight) {
    Interpreter& I = in();
    std::vector<std::string> parts;
    if (!fromRight) {
        size_t i = 0;
        while (true) {
            while (i < s.size() && isSpace(static_cast<unsigned char>(s[i]))) ++i;
            if (i >= s.size()) break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                size_t e = s.size();
                while (e > i && isSpace(static_cast<unsigned char>(s[e - 1]))) --e;
                parts.push_back(s.substr(i, e - i));
                break;
            }
            size_t j = i;
            while (j < s.size() && !isSpace(static_cast<unsigned char>(s[j]))) ++j;
            parts.push_back(s.substr(i, j - i));
            i = j;
        }
    } else {
        size_t e = s.size();
        while (true) {
            while (e > 0 && isSpace(static_cast<unsigned char>(s[e - 1]))) --e;
            if (e == 0) break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                size_t b = 0;
                while (b < e && isSpace(static_cast<unsigned char>(s[b]))) ++b;
                parts.push_back(s.substr(b, e - b));
                break;
            }
            size_t b = e;
            while (b > 0 && !isSpace(static_cast<unsigned char>(s[b - 1]))) --b;
            parts.push_back(s.substr(b, e - b));
            e = b;
        }
        std::reverse(parts.begin(), parts.end());
    }
    std::vector<Value> out;
    for (auto& p : parts) out.push_back(I.newStr(p));
    return out;
}

Value splitImpl(const CallArgs& a, bool fromRight) {
    Interpreter& I = in();
    Str* s = selfStr(a, fromRight ? "rsplit" : "split");
    CallArgs rest{a.pos.subspan(1), a.kw};
    ArgParser p(rest, fromRight ? "rsplit" : "split", {"sep", "maxsplit"}, 0);
    int64_t maxsplit = p.getInt(1, -1);
    if (!p.has(0) || p[0].isNone()) return I.newList(splitWhitespace(s->s(), maxsplit, fromRight));
    std::string sep = argStr(p[0], "must be str or None");
    if (sep.empty()) I.raise(I.types.ValueError, "empty separator");
    const std::string& str = s->s();
    std::vector<std::string> parts;
    if (!fromRight) {
        size_t i = 0;
        while (true) {
            size_t j = str.find(sep, i);
            if (j == std::string::npos || (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
                parts.push_back(str.substr(i));
                break;
            }
            parts.push_back(str.substr(i, j - i));
            i = j + sep.size();
        }
    } else {
        size_t e = str.size();
        while (true) {
            size_t j = e >= sep.size() ? str.rfind(sep, e - sep.size()) : std::string::npos;
            if (j == std::string::npos || (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
                parts.push_back(str.substr(0, e));
                break;
            }
            parts.push_back(str.substr(j + sep.size(), e - j - sep.size()));
            e = j;
        }
        std::reverse(parts.begin(), parts.end());
    }
    std::vector<Value> out;
    for (auto& x : parts) out.push_back(I.newStr(x));
    return I.newList(std::move(out));
}

// Simple case mapping for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (one code point
// to one code point; 'ß'.upper() stays 'ß').
uint32_t upperCp(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if (c == 0xFF) return 0x178;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c & ~1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1u) ? c : c - 1;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}
uint32_t lowerCp(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c == 0x178) return 0xFF;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1u) ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}
bool isUpperCp(uint32_t c) { return lowerCp(c) != c; }
bool isLowerCp(uint32_t c) { return upperCp(c) != c || c == 0xDF; }
bool isAlphaCp(uint32_t c) {
    if (c < 0x80) return std::isalpha(static_cast<int>(c)) != 0;
    if (c == 0xD7 || c == 0xF7) return false;
    return (c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || c == 0xAA ||
           c == 0xB5 || c == 0xBA;
}

template <class F> std::string mapCase(const std::string& s, F f) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) appendUtf8(out, f(decodeUtf8(s, i)));
    return out;
}

template <class P> Value predicate(const CallArgs& a, const char* name, P pred, bool emptyResult = false) {
    Str* s = selfStr(a, name);
    if (s->s().empty()) return Value::boolean(emptyResult);
    const std::string& str = s->s();
    size_t i = 0;
    while (i < str.size())
        if (!pred(decodeUtf8(str, i))) return Value::boolean(false);
    return Value::boolean(true);
}
bool asciiDigit(uint32_t c) { return c >= '0' && c <= '9'; }

Value justify(const CallArgs& a, char how) {
    Interpreter& I = in();
    Str* s = selfStr(a, "just");
    a.expect(how == '<' ? "ljust" : how == '>' ? "rjust" : "center", 2, 3);
    int64_t width = ops::toIndex(a[1]);
    std::string fill = a.size() > 2 ? argStr(a[2], "fillchar") : " ";
    if (utf8Length(fill) != 1) I.raise(I.types.TypeError, "The fill character must be exactly one character long");
    int64_t len = s->length();
    if (width <= len) return a[0];
    int64_t n = width - len;
    int64_t left = how == '<' ? 0 : how == '>' ? n : (n / 2 + (n & width & 1));
    I.checkMemory(n * static_cast<int64_t>(fill.size()) + static_cast<int64_t>(s->s().size()));
    std::string out;
    out.reserve(static_cast<size_t>(n) * fill.size() + s->s().size());
    for (int64_t k = 0; k < left; ++k) out += fill;
    out += s->s();
    for (int64_t k = 0; k < n - left; ++k) out += fill;
    return I.newStr(out);
}

} // namespace

namespace {

Value str_format(const CallArgs& a) {
    Str* s = selfStr(a, "format");
    return in().newStr(fmt::strFormat(s->s(), CallArgs{a.pos.subspan(1), a.kw}));
}

Value str_format_map(const CallArgs& a) {
    Str* s = selfStr(a, "format_map");
    a.expect("format_map", 2, 2);
    auto* d = a[1].dyn<Dict>();
    if (!d) in().raise(in().types.TypeError, "format_map() argument must be a dict");
    std::vector<KwArg> kw;
    for (const auto& e : d->entries())
        if (!e.key.isNull())
            if (auto* k = e.key.dyn<Str>()) kw.push_back(KwArg{k, e.value});
    return in().newStr(fmt::strFormat(s->s(), CallArgs{{}, std::span<const KwArg>(kw.data(), kw.size())}));
}

Value str_join(const CallArgs& a) {
    Str* s = selfStr(a, "join");
    a.expect("join", 2, 2);
    const std::vector<Value> parts = ops::toVector(a[1]);
    size_t total = parts.empty() ? 0 : (parts.size() - 1) * s->s().size();
    for (size_t i = 0; i < parts.size(); ++i) {
        auto* p = parts[i].dyn<Str>();
        if (!p)
            in().raise(in().types.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                                 typeName(parts[i]) + " found");
        total += p->s().size();
    }
    in().checkMemory(static_cast<int64_t>(total));
    std::string out;
    out.reserve(total);
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += s->s();
        out += static_cast<Str*>(parts[i].obj())->s();
    }
    return in().newStr(out);
}

Value str_split(const CallArgs& a) { return splitImpl(a, false); }
Value str_rsplit(const CallArgs& a) { return splitImpl(a, true); }

Value str_splitlines(const CallArgs& a) {
    Str* s = selfStr(a, "splitlines");
    ArgParser p(CallArgs{a.pos.subspan(1), a.kw}, "splitlines", {"keepends"}, 0);
    bool keep = p.getBool(0, false);
    std::vector<Value> out;
    const std::string& str = s->s();
    size_t i = 0;
    while (i < str.size()) {
        size_t j = i;
        while (j < str.size() && str[j] != '\n' && str[j] != '\r') ++j;
        size_t e = j;
        if (j < str.size()) {
            if (str[j] == '\r' && j + 1 < str.size() && str[j + 1] == '\n') ++j;
            ++j;
        }
        out.push_back(in().newStr(str.substr(i, (keep ? j : e) - i)));
        i = j;
    }
    return in().newList(std::move(out));
}

Value str_strip(const CallArgs& a) { return in().newStr(stripImpl(selfStr(a, "strip")->s(), a.size() > 1 ? a[1] : Value(), true, true)); }
Value str_lstrip(const CallArgs& a) { return in().newStr(stripImpl(selfStr(a, "lstrip")->s(), a.size() > 1 ? a[1] : Value(), true, false)); }
Value str_rstrip(const CallArgs& a) { return in().newStr(stripImpl(selfStr(a, "rstrip")->s(), a.size() > 1 ? a[1] : Value(), false, true)); }

Value str_replace(const CallArgs& a) {
    Str* s = selfStr(a, "replace");
    a.expect("replace", 3, 4);
    std::string old = argStr(a[1], "replace() argument 1"), nw = argStr(a[2], "replace() argument 2");
    int64_t count = a.size() > 3 ? ops::toIndex(a[3]) : -1;
    const std::string& str = s->s();
    std::string out;
    if (old.empty()) {
        std::vector<uint32_t> cps = codepoints(str);
        int64_t done = 0;
        for (size_t k = 0; k <= cps.size(); ++k) {
            if (count < 0 || done < count) {
                out += nw;
                ++done;
            }
            if (k < cps.size()) appendUtf8(out, cps[k]);
        }
        return in().newStr(out);
    }
    size_t i = 0;
    int64_t done = 0;
    while (true) {
        size_t j = str.find(old, i);
        if (j == std::string::npos || (count >= 0 && done >= count)) {
            out += str.substr(i);
            break;
        }
        out += str.substr(i, j - i) + nw;
        i = j + old.size();
        ++done;
    }
    return in().newStr(out);
}

Value str_startswith(const CallArgs& a) { return affix(a, true, "startswith"); }
Value str_endswith(const CallArgs& a) { return affix(a, false, "endswith"); }
Value str_find(const CallArgs& a) { return findImpl(a, false, false, "find"); }
Value str_rfind(const CallArgs& a) { return findImpl(a, true, false, "rfind"); }
Value str_index(const CallArgs& a) { return findImpl(a, false, true, "index"); }
Value str_rindex(const CallArgs& a) { return findImpl(a, true, true, "rindex"); }

Value str_count(const CallArgs& a) {
    Str* s = selfStr(a, "count");
    if (a.size() < 2) in().raise(in().types.TypeError, "count() takes at least 1 argument (0 given)");
    std::string sub = argStr(a[1], "argument");
    size_t b, e;
    byteRange(s, a, 2, b, e);
    std::string_view hay = std::string_view(s->s()).substr(b, e - b);
    if (sub.empty()) return Value::integer(static_cast<int64_t>(utf8Length(hay)) + 1);
    int64_t n = 0;
    for (size_t i = hay.find(sub); i != std::string_view::npos; i = hay.find(sub, i + sub.size())) ++n;
    return Value::integer(n);
}

Value str_upper(const CallArgs& a) { return in().newStr(mapCase(selfStr(a, "upper")->s(), upperCp)); }
Value str_lower(const CallArgs& a) { return in().newStr(mapCase(selfStr(a, "lower")->s(), lowerCp)); }
Value str_casefold(const CallArgs& a) { return in().newStr(mapCase(selfStr(a, "casefold")->s(), lowerCp)); }

Value str_swapcase(const CallArgs& a) {
    return in().newStr(mapCase(selfStr(a, "swapcase")->s(), [](uint32_t c) { return isUpperCp(c) ? lowerCp(c) : upperCp(c); }));
}

Value str_capitalize(const CallArgs& a) {
    const std::string& src = selfStr(a, "capitalize")->s();
    std::string out;
    size_t i = 0;
    bool first = true;
    while (i < src.size()) {
        uint32_t c = decodeUtf8(src, i);
        appendUtf8(out, first ? upperCp(c) : lowerCp(c));
        first = false;
    }
    return in().newStr(out);
}

Value str_title(const CallArgs& a) {
    const std::string& src = selfStr(a, "title")->s();
    std::string out;
    bool prevCased = false;
    size_t i = 0;
    while (i < src.size()) {
        uint32_t c = decodeUtf8(src, i);
        if (isAlphaCp(c)) {
            appendUtf8(out, prevCased ? lowerCp(c) : upperCp(c));
            prevCased = true;
        } else {
            appendUtf8(out, c);
            prevCased = false;
        }
    }
    return in().newStr(out);
}

Value str_isdigit(const CallArgs& a) { return predicate(a, "isdigit", asciiDigit); }
Value str_isdecimal(const CallArgs& a) { return predicate(a, "isdecimal", asciiDigit); }
Value str_isnumeric(const CallArgs& a) { return predicate(a, "isnumeric", asciiDigit); }
Value str_isalpha(const CallArgs& a) { return predicate(a, "isalpha", isAlphaCp); }
Value str_isalnum(const CallArgs& a) { return predicate(a, "isalnum", [](uint32_t c) { return isAlphaCp(c) || asciiDigit(c); }); }
Value str_isspace(const CallArgs& a) { return predicate(a, "isspace", [](uint32_t c) { return c < 0x80 && isSpace(static_cast<unsigned char>(c)); }); }
Value str_isascii(const CallArgs& a) { return predicate(a, "isascii", [](uint32_t c) { return c < 0x80; }, true); }

Value str_isupper(const CallArgs& a) {
    const std::string& s = selfStr(a, "isupper")->s();
    bool cased = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t c = decodeUtf8(s, i);
        if (isLowerCp(c)) return Value::boolean(false);
        if (isUpperCp(c)) cased = true;
    }
    return Value::boolean(cased);
}

Value str_islower(const CallArgs& a) {
    const std::string& s = selfStr(a, "islower")->s();
    bool cased = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t c = decodeUtf8(s, i);
        if (isUpperCp(c)) return Value::boolean(false);
        if (isLowerCp(c)) cased = true;
    }
    return Value::boolean(cased);
}

Value str_istitle(const CallArgs& a) {
    const std::string& s = selfStr(a, "istitle")->s();
    bool prevCased = false, any = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t c = decodeUtf8(s, i);
        if (isUpperCp(c)) {
            if (prevCased) return Value::boolean(false);
            prevCased = any = true;
        } else if (isLowerCp(c)) {
            if (!prevCased) return Value::boolean(false);
        } else prevCased = false;
    }
    return Value::boolean(any);
}

Value str_isidentifier(const CallArgs& a) {
    std::string s = selfStr(a, "isidentifier")->s();
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return Value::boolean(false);
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return Value::boolean(false);
    return Value::boolean(true);
}

Value str_isprintable(const CallArgs& a) { return predicate(a, "isprintable", [](uint32_t c) { return c >= 0x20 && c != 0x7f; }, true); }
Value str_center(const CallArgs& a) { return justify(a, '^'); }
Value str_ljust(const CallArgs& a) { return justify(a, '<'); }
Value str_rjust(const CallArgs& a) { return justify(a, '>'); }

Value str_zfill(const CallArgs& a) {
    Str* s = selfStr(a, "zfill");
    a.expect("zfill", 2, 2);
    int64_t width = ops::toIndex(a[1]);
    std::string str = s->s();
    int64_t len = s->length();
    if (width <= len) return a[0];
    in().checkMemory(width);
    size_t signLen = !str.empty() && (str[0] == '-' || str[0] == '+') ? 1 : 0;
    return in().newStr(str.substr(0, signLen) + std::string(static_cast<size_t>(width - len), '0') + str.substr(signLen));
}

Value str_encode(const CallArgs& a) { return in().newBytes(selfStr(a, "encode")->s()); }

Value str_removeprefix(const CallArgs& a) {
    Str* s = selfStr(a, "removeprefix");
    a.expect("removeprefix", 2, 2);
    std::string p = argStr(a[1], "removeprefix() argument");
    if (s->view().substr(0, p.size()) == p) return in().newStr(s->view().substr(p.size()));
    return a[0];
}

Value str_removesuffix(const CallArgs& a) {
    Str* s = selfStr(a, "removesuffix");
    a.expect("removesuffix", 2, 2);
    std::string p = argStr(a[1], "removesuffix() argument");
    if (!p.empty() && s->s().size() >= p.size() && s->view().substr(s->s().size() - p.size()) == p)
        return in().newStr(s->view().substr(0, s->s().size() - p.size()));
    return a[0];
}

Value str_expandtabs(const CallArgs& a) {
    Str* s = selfStr(a, "expandtabs");
    int64_t tab = a.size() > 1 ? ops::toIndex(a[1]) : 8;
    std::string out;
    int64_t col = 0;
    for (char c : s->s()) {
        if (c == '\t') {
            int64_t n = tab > 0 ? tab - col % tab : 0;
            if (n >= (int64_t{1} << 20)) in().checkMemory(static_cast<int64_t>(out.size()) + n);
            out.append(static_cast<size_t>(n), ' ');
            col += n;
        } else {
            out += c;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return in().newStr(out);
}

Value str_len(const CallArgs& a) { return Value::integer(selfStr(a, "__len__")->length()); }
Value str_contains(const CallArgs& a) { return Value::boolean(selfStr(a, "__contains__")->contains(a[1]) != 0); }
Value str_getitem(const CallArgs& a) { return selfStr(a, "__getitem__")->getItem(a[1]); }

// str.partition / rpartition: (head, sep, tail) around the first / last sep.
Value partition(const CallArgs& a, bool right) {
    Str* s = selfStr(a, right ? "rpartition" : "partition");
    a.expect(right ? "rpartition" : "partition", 2, 2);
    std::string sep = argStr(a[1], "separator");
    if (sep.empty()) in().raise(in().types.ValueError, "empty separator");
    const std::string& str = s->s();
    size_t i = right ? str.rfind(sep) : str.find(sep);
    Interpreter& In = in();
    if (i == std::string::npos)
        return right ? In.newTuple({In.newStr(""), In.newStr(""), a[0]}) : In.newTuple({a[0], In.newStr(""), In.newStr("")});
    return In.newTuple({In.newStr(str.substr(0, i)), a[1], In.newStr(str.substr(i + sep.size()))});
}

Value str_partition(const CallArgs& a) { return partition(a, false); }
Value str_rpartition(const CallArgs& a) { return partition(a, true); }

constexpr NativeDef kStrMethods[] = {
    {"format", str_format},
    {"format_map", str_format_map},
    {"join", str_join},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"replace", str_replace},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"upper", str_upper},
    {"lower", str_lower},
    {"casefold", str_casefold},
    {"swapcase", str_swapcase},
    {"capitalize", str_capitalize},
    {"title", str_title},
    {"isdigit", str_isdigit},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"isalpha", str_isalpha},
    {"isalnum", str_isalnum},
    {"isspace", str_isspace},
    {"isascii", str_isascii},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"istitle", str_istitle},
    {"isidentifier", str_isidentifier},
    {"isprintable", str_isprintable},
    {"center", str_center},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"zfill", str_zfill},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"encode", str_encode},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"expandtabs", str_expandtabs},
    {"__len__", str_len},
    {"__contains__", str_contains},
    {"__getitem__", str_getitem},
};

// Constructors (Type::construct): what calling the type does.
Value str_new(Type*, const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "str", {"object", "encoding", "errors"}, 0);
    if (!p.has(0)) return In.newStr("");
    if (p.has(1)) {
        auto* b = p[0].dyn<Bytes>();
        if (!b) In.raise(In.types.TypeError, "decoding to str: need a bytes-like object, " + typeName(p[0]) + " found");
        return In.newStr(b->data);
    }
    if (p[0].dyn<Str>() && p[0].obj()->type() == In.types.str) return p[0];
    return In.newStr(ops::str(p[0]));
}

} // namespace

void setupStrMethods(Interpreter& I) {
    Type* st = I.types.str;
    st->construct = str_new;
    defineMethods(I, st, kStrMethods);
    setupBytesMethods(I);
}

} // namespace gs::runtime
