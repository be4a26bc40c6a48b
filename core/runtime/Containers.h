#pragma once
// Sequences: tuple, list, range, slice, and their iterators.
#include <functional>
#include <string>
#include <vector>

#include "core/runtime/Dict.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;

// Bounds native recursion over deeply nested containers (repr, ==, hash) like CPython's
// recursion limit: RecursionError instead of a machine-stack overflow.
struct NativeRecursion {
    explicit NativeRecursion(const char* what);
    ~NativeRecursion();
    NativeRecursion(const NativeRecursion&) = delete;
    NativeRecursion& operator=(const NativeRecursion&) = delete;
};

// Detects recursive containers while printing ([...]).
struct ReprGuard {
    explicit ReprGuard(Object* o);
    ~ReprGuard();
    Object* obj;
    NativeRecursion depth;
    bool recursive = false;
};

class Tuple : public Object {
public:
    Tuple(Type* t, std::vector<Value> items) : Object(t), items(std::move(items)) {}
    std::vector<Value> items;

    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(items.size()); }
    int64_t hash() override;
    Value iter() override;
    Value getItem(const Value& key) override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    void clearRefs() override { items.clear(); }
};

class List : public Object {
public:
    List(Type* t, std::vector<Value> items = {}) : Object(t), items(std::move(items)) {}
    std::vector<Value> items;

    std::string repr() override;
    int64_t len() override { return static_cast<int64_t>(items.size()); }
    int64_t hash() override;  // TypeError: unhashable
    Value iter() override;
    Value getItem(const Value& key) override;
    bool setItem(const Value& key, const Value& v) override;
    bool delItem(const Value& key) override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    Value inplaceOp(BinOpKind op, const Value& other) override;
    Dict* instanceDict() override { return dict_.get(); }
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    void clearRefs() override;
    Ref<Dict> dict_;  // only for instances of scenario subclasses
};

class Range : public Object {
public:
    Range(Type* t, int64_t start, int64_t stop, int64_t step)
        : Object(t), start(start), stop(stop), step(step) {}
    int64_t start, stop, step;
    int64_t length() const;
    std::string repr() override;
    int64_t len() override { return length(); }
    int64_t hash() override;
    Value iter() override;
    Value getItem(const Value& key) override;
    int contains(const Value& v) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
};

class Slice : public Object {
public:
    Slice(Type* t, Value start, Value stop, Value step)
        : Object(t), start(std::move(start)), stop(std::move(stop)), step(std::move(step)) {}
    Value start, stop, step;
    // CPython's PySlice_GetIndicesEx: normalised start/stop/step and the slice length.
    void indices(int64_t length, int64_t& outStart, int64_t& outStop, int64_t& outStep,
                 int64_t& outLen) const;
    std::string repr() override;
    int64_t hash() override;  // unhashable before 3.12
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value getAttr(Str* name) override;
};

// Iterates a list or tuple by index (sees appends during iteration, like CPython).
class SeqIterator : public Object {
public:
    SeqIterator(Type* t, Value seq) : Object(t), seq(std::move(seq)) {}
    Value seq;
    size_t pos = 0;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override;
    void clearRefs() override { seq = Value(); }
};

class RangeIterator : public Object {
public:
    RangeIterator(Type* t, int64_t cur, int64_t step, int64_t remaining)
        : Object(t), cur(cur), step(step), remaining(remaining) {}
    int64_t cur, step, remaining;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override {
        if (remaining <= 0) return false;
        out = Value::integer(cur);
        cur += step;
        --remaining;
        return true;
    }
};

// An iterator over values computed ahead (eager generators, itertools results, reversed()).
class VectorIterator : public Object {
public:
    VectorIterator(Type* t, std::vector<Value> items) : Object(t), items(std::move(items)) {}
    std::vector<Value> items;
    size_t pos = 0;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override {
        if (pos >= items.size()) return false;
        out = std::move(items[pos++]);
        return true;
    }
    std::string repr() override;
    void clearRefs() override { items.clear(); }
};

// An iterator whose next() is a C++ callable (map, filter, zip, enumerate, itertools.count...).
class NativeIterator : public Object {
public:
    using Step = std::function<bool(Value&)>;
    NativeIterator(Type* t, std::string kind, Step step, std::vector<Value> keep = {})
        : Object(t), kind(std::move(kind)), step(std::move(step)), keep(std::move(keep)) {}
    std::string kind;
    Step step;
    std::vector<Value> keep;  // values the step function refers to (kept alive)
    bool done = false;
    bool isIterator() const override { return true; }
    Value iter() override { return Value(this); }
    bool next(Value& out) override {
        if (done) return false;
        if (!step(out)) { done = true; step = nullptr; keep.clear(); return false; }
        return true;
    }
    std::string repr() override;
    void clearRefs() override { step = nullptr; keep.clear(); }
};

} // namespace gs::runtime
