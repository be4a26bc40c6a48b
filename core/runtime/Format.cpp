// Format-spec parsing and padding, str.format() and printf-style `%` formatting.
#include "core/runtime/Format.h"

#include <cctype>
#include <cmath>
#include <cstring>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::fmt {

namespace {
Interpreter& in() { return Interpreter::current(); }
[[noreturn]] void valueError(const std::string& m) { in().raise(in().types.ValueError, m); }
} // namespace

FormatSpec parse(std::string_view s) {
    FormatSpec f;
    size_t i = 0;
    auto isAlign = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    // fill may be any code point
    if (!s.empty()) {
        size_t j = 0;
        uint32_t cp = decodeUtf8(s, j);
        if (j < s.size() && isAlign(s[j])) {
            f.fill = cp;
            f.align = s[j];
            i = j + 1;
        } else if (isAlign(s[0])) {
            f.align = s[0];
            i = 1;
        }
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f.sign = s[i++];
    if (i < s.size() && s[i] == 'z') ++i;
    if (i < s.size() && s[i] == '#') {
        f.alternate = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        f.zeroPad = true;
        ++i;
    }
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        f.width = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) f.width = f.width * 10 + (s[i++] - '0');
    }
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) f.grouping = s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) valueError("Format specifier missing precision");
        f.precision = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            f.precision = f.precision * 10 + (s[i++] - '0');
    }
    if (i < s.size()) f.type = s[i++];
    if (i < s.size()) valueError("Invalid format specifier '" + std::string(s) + "'");
    if (f.zeroPad && !f.align) {
        f.fill = U'0';
        f.align = '=';
    }
    return f;
}

std::string group(const std::string& digits, char sep, int every) {
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<size_t>(i)];
        int rest = n - i - 1;
        if (rest > 0 && rest % every == 0) out += sep;
    }
    return out;
}

std::string pad(const std::string& body, const FormatSpec& spec, bool numeric, char defaultAlign) {
    int64_t len = static_cast<int64_t>(utf8Length(body));
    if (spec.width < 0 || len >= spec.width) return body;
    std::string fill;
    appendUtf8(fill, static_cast<uint32_t>(spec.fill));
    size_t n = static_cast<size_t>(spec.width - len);
    auto rep = [&](size_t k) {
        std::string r;
        for (size_t i = 0; i < k; ++i) r += fill;
        return r;
    };
    char align = spec.align ? spec.align : defaultAlign;
    switch (align) {
    case '<': return body + rep(n);
    case '^': return rep(n / 2) + body + rep(n - n / 2);
    case '=': {
        if (!numeric) valueError("'=' alignment not allowed in string format specifier");
        size_t signLen = 0;
        if (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) signLen = 1;
        if (body.size() > signLen + 1 && body[signLen] == '0' &&
            std::strchr("bBoOxX", body[signLen + 1]) && body[signLen + 1] != 0)
            signLen += 2;
        return body.substr(0, signLen) + rep(n) + body.substr(signLen);
    }
    default: return rep(n) + body;
    }
}

std::string formatStr(std::string_view s, std::string_view specText) {
    FormatSpec spec = parse(specText);
    if (spec.type != 0 && spec.type != 's')
        valueError(std::string("Unknown format code '") + spec.type + "' for object of type 'str'");
    if (spec.sign) valueError("Sign not allowed in string format specifier");
    if (spec.align == '=') valueError("'=' alignment not allowed in string format specifier");
    std::string body(s);
    if (spec.precision >= 0) {
        size_t i = 0;
        int64_t k = 0;
        while (i < body.size() && k < spec.precision) {
            decodeUtf8(body, i);
            ++k;
        }
        body.resize(i);
    }
    return pad(body, spec, false, '<');
}

namespace {

Value resolveField(std::string_view field, const CallArgs& args, size_t& autoIndex, int& mode) {
    Interpreter& I = in();
    size_t end = field.find_first_of(".[");
    std::string_view head = field.substr(0, end);
    Value v;
    if (head.empty() || std::isdigit(static_cast<unsigned char>(head[0]))) {
        size_t idx;
        if (head.empty()) {
            if (mode == 2) valueError("cannot switch from manual field specification to automatic field numbering");
            mode = 1;
            idx = autoIndex++;
        } else {
            if (mode == 1) valueError("cannot switch from automatic field numbering to manual field specification");
            mode = 2;
            idx = static_cast<size_t>(std::stoll(std::string(head)));
        }
        if (idx >= args.size())
            I.raise(I.types.IndexError, "Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
        v = args[idx];
    } else {
        const Value* kv = args.kwarg(head);
        if (!kv) I.raise(I.types.KeyError, "'" + std::string(head) + "'");
        v = *kv;
    }
    size_t i = end;
    while (i != std::string_view::npos && i < field.size()) {
        if (field[i] == '.') {
            size_t j = field.find_first_of(".[", i + 1);
            std::string_view attr = field.substr(i + 1, j == std::string_view::npos ? std::string_view::npos : j - i - 1);
            v = ops::getAttr(v, I.intern(attr));
            i = j;
        } else {
            size_t j = field.find(']', i);
            if (j == std::string_view::npos) valueError("Missing ']' in format string");
            std::string key(field.substr(i + 1, j - i - 1));
            bool digits = !key.empty();
            for (char c : key) digits = digits && std::isdigit(static_cast<unsigned char>(c));
            v = ops::getItem(v, digits ? Value::integer(std::stoll(key)) : I.newStr(key));
            i = j + 1;
        }
    }
    return v;
}

} // namespace

namespace {
std::string strFormatImpl(std::string_view f, const CallArgs& args, size_t& autoIndex, int& mode);
}

std::string strFormat(std::string_view f, const CallArgs& args) {
    size_t autoIndex = 0;
    int mode = 0;
    return strFormatImpl(f, args, autoIndex, mode);
}

namespace {
std::string strFormatImpl(std::string_view f, const CallArgs& args, size_t& autoIndex, int& mode) {
    std::string out;
    size_t i = 0;
    while (i < f.size()) {
        char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}') {
                out += '}';
                i += 2;
                continue;
            }
            valueError("Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            i += 2;
            continue;
        }
        // find the matching '}' (nested braces allowed in the spec)
        size_t j = i + 1;
        int depth = 1;
        while (j < f.size() && depth > 0) {
            if (f[j] == '{') ++depth;
            else if (f[j] == '}') --depth;
            if (depth > 0) ++j;
        }
        if (j >= f.size()) valueError("Single '{' encountered in format string");
        std::string_view inner = f.substr(i + 1, j - i - 1);
        size_t bang = std::string_view::npos, colon = std::string_view::npos;
        int bd = 0;
        for (size_t k = 0; k < inner.size(); ++k) {
            if (inner[k] == '[') ++bd;
            else if (inner[k] == ']') --bd;
            else if (bd == 0 && inner[k] == '!' && bang == std::string_view::npos && colon == std::string_view::npos) bang = k;
            else if (bd == 0 && inner[k] == ':' && colon == std::string_view::npos) {
                colon = k;
                break;
            }
        }
        std::string_view field = inner.substr(0, std::min(bang, colon));
        char conv = 0;
        if (bang != std::string_view::npos) {
            if (bang + 1 >= inner.size()) valueError("end of string while looking for conversion specifier");
            conv = inner[bang + 1];
        }
        std::string spec;
        Value v = resolveField(field, args, autoIndex, mode);
        if (colon != std::string_view::npos) spec = strFormatImpl(inner.substr(colon + 1), args, autoIndex, mode);
        if (conv == 'r' || conv == 'a') v = in().newStr(ops::repr(v));
        else if (conv == 's') v = in().newStr(ops::str(v));
        else if (conv) valueError(std::string("Unknown conversion specifier ") + conv);
        out += ops::format(v, spec);
        i = j + 1;
    }
    return out;
}
} // namespace

std::string percentFormat(std::string_view f, const Value& values) {
    Interpreter& I = in();
    std::vector<Value> items;
    Value mapping;
    if (auto* t = values.dyn<Tuple>()) items = t->items;
    else {
        items.push_back(values);
        if (values.dyn<Dict>() || (values.isObj() && values.obj()->type()->heap && ops::findDunder(values.obj()->type(), I.names.__getitem__)))
            mapping = values;
    }
    size_t next = 0;
    bool usedMapping = false;
    std::string out;
    auto take = [&]() -> Value {
        if (next >= items.size()) I.raise(I.types.TypeError, "not enough arguments for format string");
        return items[next++];
    };
    for (size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (++i >= f.size()) valueError("incomplete format");
        Value arg;
        bool haveArg = false;
        if (f[i] == '(') {
            size_t j = f.find(')', i);
            if (j == std::string_view::npos) valueError("incomplete format key");
            if (!mapping) I.raise(I.types.TypeError, "format requires a mapping");
            arg = ops::getItem(mapping, I.newStr(f.substr(i + 1, j - i - 1)));
            haveArg = true;
            usedMapping = true;
            i = j + 1;
        }
        FormatSpec spec;
        bool left = false;
        while (i < f.size() && std::strchr("-+ #0", f[i])) {
            switch (f[i]) {
            case '-': left = true; break;
            case '+': spec.sign = '+'; break;
            case ' ': if (spec.sign != '+') spec.sign = ' '; break;
            case '#': spec.alternate = true; break;
            case '0': spec.zeroPad = true; break;
            }
            ++i;
        }
        if (i < f.size() && f[i] == '*') {
            spec.width = ops::toIndex(take());
            ++i;
        } else {
            while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) {
                if (spec.width < 0) spec.width = 0;
                spec.width = spec.width * 10 + (f[i++] - '0');
            }
        }
        if (i < f.size() && f[i] == '.') {
            ++i;
            spec.precision = 0;
            if (i < f.size() && f[i] == '*') {
                spec.precision = ops::toIndex(take());
                ++i;
            } else {
                while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i])))
                    spec.precision = spec.precision * 10 + (f[i++] - '0');
            }
        }
        while (i < f.size() && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L')) ++i;
        if (i >= f.size()) valueError("incomplete format");
        char type = f[i];
        if (type == '%') {
            out += '%';
            continue;
        }
        if (!haveArg) arg = take();
        if (left) spec.align = '<';
        else if (spec.zeroPad && type != 's' && type != 'r' && type != 'a' && type != 'c') {
            spec.fill = U'0';
            spec.align = '=';
        } else {
            spec.align = '>';
        }
        switch (type) {
        case 's':
        case 'r':
        case 'a': {
            std::string s = type == 's' ? ops::str(arg) : ops::repr(arg);
            if (spec.precision >= 0) {
                size_t k = 0, p = 0;
                while (p < s.size() && static_cast<int64_t>(k) < spec.precision) {
                    decodeUtf8(s, p);
                    ++k;
                }
                s.resize(p);
            }
            FormatSpec ps = spec;
            ps.fill = U' ';
            if (ps.align == '=') ps.align = '>';
            out += pad(s, ps, false, '>');
            break;
        }
        case 'd':
        case 'i':
        case 'u': {
            Value iv;
            if (numbers::bigOf(arg)) iv = arg;
            else if (arg.isFloat()) iv = ops::call1(Value(I.types.int_), arg);  // int(x): unbounded
            else {
                int64_t n;
                if (!ops::tryIndex(arg, n)) {
                    double d;
                    if (!ops::tryDouble(arg, d))
                        I.raise(I.types.TypeError, "%" + std::string(1, type) + " format: a real number is required, not " + typeName(arg));
                    n = static_cast<int64_t>(d);
                }
                iv = Value::integer(n);
            }
            std::string body = ops::repr(iv);
            if (body[0] != '-' && spec.sign) body = std::string(1, spec.sign) + body;
            if (spec.precision >= 0) {
                bool neg = body[0] == '-' || body[0] == '+' || body[0] == ' ';
                std::string digits = neg ? body.substr(1) : body;
                if (static_cast<int64_t>(digits.size()) < spec.precision)
                    digits = std::string(static_cast<size_t>(spec.precision) - digits.size(), '0') + digits;
                body = (neg ? body.substr(0, 1) : "") + digits;
            }
            out += pad(body, spec, true, '>');
            break;
        }
        case 'x':
        case 'X':
        case 'o':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            std::string fs;
            if (spec.sign) fs += spec.sign;
            if (spec.alternate) fs += '#';
            if (spec.precision >= 0) fs += "." + std::to_string(spec.precision);
            fs += type;
            Value x = arg;
            bool integral = numbers::isIntegral(arg);
            if ((type == 'x' || type == 'X' || type == 'o') && !integral) x = Value::integer(ops::toIndex(arg));
            if (type != 'x' && type != 'X' && type != 'o' && !arg.isFloat() && !integral) x = Value::real(ops::toDouble(arg));
            out += pad(numbers::format(x, fs), spec, true, '>');
            break;
        }
        case 'c': {
            std::string s;
            if (auto* st = arg.dyn<Str>()) s = st->s();
            else appendUtf8(s, static_cast<uint32_t>(ops::toIndex(arg)));
            out += pad(s, spec, false, '>');
            break;
        }
        default:
            valueError(std::string("unsupported format character '") + type + "' (0x" +
                       [&] { char b[8]; std::snprintf(b, sizeof b, "%x", static_cast<unsigned char>(type)); return std::string(b); }() +
                       ") at index " + std::to_string(i));
        }
    }
    if (!usedMapping && next < items.size() && !mapping)
        I.raise(I.types.TypeError, "not all arguments converted during string formatting");
    return out;
}

} // namespace gs::runtime::fmt
