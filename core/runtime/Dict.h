#pragma once
// dict: insertion-ordered hash map (entries array + open-addressing index), as in CPython 3.6+.
// The keys version changes whenever a key is added or removed, never on a value update, so
// inline caches may hold an entry index while the version is unchanged.
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict : public Object {
public:
    struct Entry {
        Value key;    // Null: deleted
        Value value;
        int64_t hash = 0;
    };

    explicit Dict(Type* t);
    Dict(const Dict&) = delete;

    size_t size() const { return used_; }
    // Null if absent. Hashing / comparing keys may run scenario code and throw.
    Value get(const Value& key);
    Value getStr(std::string_view key);
    // Index of the key's entry or -1.
    int64_t find(const Value& key);
    void set(const Value& key, Value value);
    void setStr(std::string_view key, Value value);
    bool remove(const Value& key);
    // Removes and returns the value (Null if absent).
    Value pop(const Value& key);
    void clear();
    uint64_t keysVersion() const { return version_; }
    // Entries in insertion order; skip those whose key is Null.
    const std::vector<Entry>& entries() const { return entries_; }
    Entry& entryAt(size_t i) { return entries_[i]; }
    std::vector<Value> keys() const;

    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(used_); }
    int64_t hash() override;  // unhashable
    Value iter() override;
    Value getItem(const Value& key) override;  // KeyError / __missing__ handled by Ops
    bool setItem(const Value& key, const Value& v) override { set(key, v); return true; }
    bool delItem(const Value& key) override;
    int contains(const Value& v) override { return find(v) >= 0 ? 1 : 0; }
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;  // d | e
    Value inplaceOp(BinOpKind op, const Value& other) override;
    Dict* instanceDict() override { return attrs_.get(); }
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    void clearRefs() override;
    Ref<Dict> attrs_;  // only for instances of scenario subclasses

private:
    int64_t lookup(const Value& key, int64_t hash, size_t& slot);
    void rebuildIndex(size_t minSize);
    void insertIndex(int64_t hash, int32_t entry);
    std::vector<Entry> entries_;
    std::vector<int32_t> index_;  // -1 empty, -2 dummy, else entry index
    size_t used_ = 0;
    size_t fill_ = 0;  // used + dummies in index
    uint64_t version_ = 0;
};

// dict.keys() / values() / items() views, and their iterators.
class DictView : public Object {
public:
    enum class Kind { Keys, Values, Items };
    DictView(Type* t, Ref<Dict> d, Kind k) : Object(t), dict(std::move(d)), kind(k) {}
    Ref<Dict> dict;
    Kind kind;
    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(dict->size()); }
    Value iter() override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    void clearRefs() override { dict = nullptr; }
};

class DictIterator : public Object {
public:
    DictIterator(Type* t, Ref<Dict> d, DictView::Kind k)
        : Object(t), dict(std::move(d)), kind(k), startSize(dict->size()) {}
    Ref<Dict> dict;
    DictView::Kind kind;
    size_t pos = 0;
    size_t startSize;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override;  // RuntimeError if the dict changed size
    void clearRefs() override { dict = nullptr; }
};

} // namespace gs::runtime
