#pragma once
// str (UTF-8, indexed by code point) and bytes.
#include <string>
#include <string_view>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Str : public Object {
public:
    Str(Type* t, std::string s);
    const std::string& s() const { return s_; }
    std::string_view view() const { return s_; }
    bool isAscii() const { return ascii_; }
    int64_t length();                      // in code points
    // Byte offset of code point `cp` (0 <= cp <= length()).
    size_t byteOffset(int64_t cp);
    int64_t hashValue() {
        if (!hashed_) { hash_ = computeHash(s_); hashed_ = true; }
        return hash_;
    }
    static int64_t computeHash(std::string_view s);
    bool interned = false;

    std::string repr() override;
    std::string str() override { return s_; }
    std::string format(std::string_view spec) override;
    int64_t len() override { return length(); }
    int64_t hash() override { return hashValue(); }
    Value iter() override;
    Value getItem(const Value& key) override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;

private:
    std::string s_;
    int64_t hash_ = 0;
    int64_t cpLen_ = -1;
    bool hashed_ = false;
    bool ascii_ = true;
};

// Python's repr() of a string: quotes chosen like CPython, escapes for control characters.
std::string reprString(std::string_view s);
// UTF-8 helpers.
size_t utf8Length(std::string_view s);
void appendUtf8(std::string& out, uint32_t cp);
// Decodes the code point at byte offset i and advances i.
uint32_t decodeUtf8(std::string_view s, size_t& i);

class Bytes : public Object {
public:
    Bytes(Type* t, std::string data) : Object(t), data(std::move(data)) {}
    std::string data;
    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(data.size()); }
    int64_t hash() override { return Str::computeHash(data) ^ 0x5bd1e995; }
    Value iter() override;
    Value getItem(const Value& key) override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
};

} // namespace gs::runtime
