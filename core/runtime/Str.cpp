// str and bytes objects: UTF-8 storage, code-point indexing, repr, comparisons, operators.
#include "core/runtime/Str.h"

#include "core/lang/Utf8.h"

#include <algorithm>

#include "core/runtime/Containers.h"
#include "core/runtime/Format.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

// Normalises a (possibly negative) index; raises IndexError with `what` when out of range.
int64_t normIndex(int64_t i, int64_t n, const char* what) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) in().raise(in().types.IndexError, what);
    return i;
}

bool printable(uint32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return false;
    if (cp >= 0x80 && cp < 0xa0) return false;
    if (cp == 0xad) return false;
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)) return false;
    if (cp == 0xFEFF || cp == 0x180E || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    return true;
}

int cmp(std::string_view a, std::string_view b) { return a.compare(b); }

Value compareResult(CmpOpKind op, int c) { return numbers::comparison(op, c); }
} // namespace

size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

void appendUtf8(std::string& out, uint32_t cp) { lang::utf8::append(out, static_cast<char32_t>(cp)); }

uint32_t decodeUtf8(std::string_view s, size_t& i) {
    auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

std::string reprString(std::string_view s) {
    bool hasSingle = s.find('\'') != std::string_view::npos;
    bool hasDouble = s.find('"') != std::string_view::npos;
    char q = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, q);
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp = decodeUtf8(s, i);
        if (cp == static_cast<uint32_t>(q) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') out += "\\n";
        else if (cp == '\r') out += "\\r";
        else if (cp == '\t') out += "\\t";
        else if (!printable(cp)) {
            char buf[16];
            if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        } else appendUtf8(out, cp);
    }
    out += q;
    return out;
}

Str::Str(Type* t, std::string s) : Object(t), s_(std::move(s)) {
    for (unsigned char c : s_)
        if (c >= 0x80) {
            ascii_ = false;
            break;
        }
    if (ascii_) cpLen_ = static_cast<int64_t>(s_.size());
}

int64_t Str::computeHash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    auto r = static_cast<int64_t>(h >> 1);
    return r == -1 ? -2 : r;
}

int64_t Str::length() {
    if (cpLen_ < 0) cpLen_ = static_cast<int64_t>(utf8Length(s_));
    return cpLen_;
}

size_t Str::byteOffset(int64_t cp) {
    if (ascii_) return static_cast<size_t>(cp);
    size_t i = 0;
    for (int64_t k = 0; k < cp && i < s_.size(); ++k) decodeUtf8(s_, i);
    return i;
}

std::string Str::repr() { return reprString(s_); }

std::string Str::format(std::string_view spec) { return fmt::formatStr(s_, spec); }

Value Str::iter() {
    std::vector<Value> chars;
    Interpreter& I = in();
    size_t i = 0;
    while (i < s_.size()) {
        size_t st = i;
        decodeUtf8(s_, i);
        chars.push_back(I.newStr(std::string_view(s_).substr(st, i - st)));
    }
    return Value(new VectorIterator(I.types.iterator, std::move(chars)));
}

Value Str::getItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) {
        int64_t start, stop, step, n;
        sl->indices(length(), start, stop, step, n);
        if (step == 1) {
            if (n <= 0) return I.newStr("");
            size_t b = byteOffset(start);
            size_t e = byteOffset(stop);
            return I.newStr(std::string_view(s_).substr(b, e - b));
        }
        std::string out;
        std::vector<std::pair<size_t, size_t>> spans;
        size_t i = 0;
        while (i < s_.size()) {
            size_t st = i;
            decodeUtf8(s_, i);
            spans.emplace_back(st, i - st);
        }
        for (int64_t k = 0, idx = start; k < n; ++k, idx += step)
            out.append(s_, spans[static_cast<size_t>(idx)].first, spans[static_cast<size_t>(idx)].second);
        return I.newStr(out);
    }
    int64_t idx;
    if (!ops::tryIndex(key, idx)) I.raise(I.types.TypeError, "string indices must be integers, not '" + typeName(key) + "'");
    idx = normIndex(idx, length(), "string index out of range");
    size_t b = byteOffset(idx);
    size_t e = b;
    decodeUtf8(s_, e);
    return I.newStr(std::string_view(s_).substr(b, e - b));
}

int Str::contains(const Value& v) {
    auto* o = v.dyn<Str>();
    if (!o) in().raise(in().types.TypeError, "'in <string>' requires string as left operand, not " + typeName(v));
    return s_.find(o->s_) != std::string::npos ? 1 : 0;
}

Value Str::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Str>();
    if (!o) return {};
    return compareResult(op, cmp(s_, o->s_));
}

Value Str::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    Interpreter& I = in();
    if (op == BinOpKind::Add && !reflected) {
        auto* o = other.dyn<Str>();
        if (!o) I.raise(I.types.TypeError, "can only concatenate str (not \"" + typeName(other) + "\") to str");
        I.checkMemory(static_cast<int64_t>(s_.size() + o->s_.size()));
        return I.newStr(s_ + o->s_);
    }
    if (op == BinOpKind::Mult) {
        int64_t n;
        if (!ops::tryIndex(other, n)) return {};
        if (n <= 0) return I.newStr("");
        if (static_cast<double>(n) * static_cast<double>(s_.size()) > 1e9) I.raise("MemoryError", "");
        I.checkMemory(n * static_cast<int64_t>(s_.size()));
        std::string out;
        out.reserve(s_.size() * static_cast<size_t>(n));
        for (int64_t k = 0; k < n; ++k) out += s_;
        return I.newStr(out);
    }
    if (op == BinOpKind::Mod && !reflected) return I.newStr(fmt::percentFormat(s_, other));
    return {};
}

// --- bytes -----------------------------------------------------------------------------------

std::string Bytes::repr() {
    bool hasSingle = data.find('\'') != std::string::npos;
    bool hasDouble = data.find('"') != std::string::npos;
    char q = hasSingle && !hasDouble ? '"' : '\'';
    std::string out = "b";
    out += q;
    for (unsigned char c : data) {
        if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    out += q;
    return out;
}

Value Bytes::iter() {
    std::vector<Value> v;
    for (unsigned char c : data) v.push_back(Value::integer(c));
    return Value(new VectorIterator(in().types.iterator, std::move(v)));
}

Value Bytes::getItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) {
        int64_t start, stop, step, n;
        sl->indices(static_cast<int64_t>(data.size()), start, stop, step, n);
        std::string out;
        for (int64_t k = 0, i = start; k < n; ++k, i += step) out += data[static_cast<size_t>(i)];
        return I.newBytes(out);
    }
    int64_t idx = normIndex(ops::toIndex(key), static_cast<int64_t>(data.size()), "index out of range");
    return Value::integer(static_cast<unsigned char>(data[static_cast<size_t>(idx)]));
}

int Bytes::contains(const Value& v) {
    if (auto* b = v.dyn<Bytes>()) return data.find(b->data) != std::string::npos;
    int64_t c = ops::toIndex(v);
    return data.find(static_cast<char>(c)) != std::string::npos;
}

Value Bytes::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Bytes>();
    if (!o) return {};
    return compareResult(op, cmp(data, o->data));
}

Value Bytes::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    if (op == BinOpKind::Add && !reflected) {
        auto* o = other.dyn<Bytes>();
        if (!o) return {};
        in().checkMemory(static_cast<int64_t>(data.size() + o->data.size()));
        return in().newBytes(data + o->data);
    }
    if (op == BinOpKind::Mult) {
        int64_t n;
        if (!ops::tryIndex(other, n)) return {};
        if (n <= 0) return in().newBytes("");
        if (static_cast<double>(n) * static_cast<double>(data.size()) > 1e9) in().raise("MemoryError", "");
        in().checkMemory(n * static_cast<int64_t>(data.size()));
        std::string out;
        out.reserve(data.size() * static_cast<size_t>(n));
        for (int64_t k = 0; k < n; ++k) out += data;
        return in().newBytes(out);
    }
    return {};
}

} // namespace gs::runtime
