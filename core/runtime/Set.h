#pragma once
// set and frozenset. The table follows CPython's setobject.c (linear probes, then perturbed
// probing; same resize rule), so iteration order over ints matches python3's, e.g. {3, 1, 2}
// prints as {1, 2, 3}. Address-free hashes keep the order deterministic.
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class SetObject : public Object {
public:
    SetObject(Type* t, bool frozen);
    bool frozen;

    size_t size() const { return used_; }
    bool has(const Value& key);
    void add(const Value& key);
    bool discard(const Value& key);
    void clear();
    // CPython's set_merge: one resize up front, then insert in the other table's order.
    void merge(const SetObject* other);
    // set_update_internal for a dict: presize, then insert in the dict's order.
    void mergeKeys(const std::vector<Value>& keys);
    // Active keys in table order.
    std::vector<Value> items() const;

    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(used_); }
    int64_t hash() override;  // frozenset only
    Value iter() override;
    int contains(const Value& v) override { return has(v) ? 1 : 0; }
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    Value inplaceOp(BinOpKind op, const Value& other) override;
    void clearRefs() override { table_.clear(); used_ = fill_ = 0; }

private:
    struct Slot {
        Value key;         // Null: unused, or a dummy when dummy is set
        int64_t hash = 0;
        bool dummy = false;
    };
    void insertClean(std::vector<Slot>& table, size_t mask, Value key, int64_t hash);
    void resize(size_t minUsed);
    std::vector<Slot> table_;
    size_t mask_ = 7;
    size_t used_ = 0;
    size_t fill_ = 0;
    uint64_t version_ = 0;  // structural changes (a scenario __eq__ may mutate during probing)
    bool sameKey(const Slot& e, const Value& key, int64_t hash, bool& changed);
    Slot* findSlot(const Value& key, int64_t hash);
};

} // namespace gs::runtime
