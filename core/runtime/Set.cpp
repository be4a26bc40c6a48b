// set / frozenset following CPython's setobject.c table (probing, resizing, operation order), so
// that iteration order matches python3 for address-free hashes (ints, tuples of ints).
#include "core/runtime/Set.h"

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
Interpreter& in() { return Interpreter::current(); }
} // namespace

SetObject::SetObject(Type* t, bool frozen) : Object(t), frozen(frozen) { table_.resize(8); }

bool SetObject::sameKey(const Slot& e, const Value& key, int64_t hash, bool& changed) {
    changed = false;
    if (e.dummy || e.hash != hash) return false;
    if (e.key.is(key)) return true;
    Value k = e.key;  // compare a copy: __eq__ may mutate this set
    uint64_t before = version_;
    bool eq = ops::equals(k, key);
    changed = version_ != before;
    return eq;
}

// The slot holding `key`, or null. Restarts the probe when a user __eq__ mutated the set.
SetObject::Slot* SetObject::findSlot(const Value& key, int64_t hash) {
    if (used_ == 0) return nullptr;
    size_t mask = mask_;
    auto h = static_cast<uint64_t>(hash);
    size_t i = h & mask;
    uint64_t perturb = h;
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t j = i;
        for (size_t p = 0; p <= probes; ++p, ++j) {
            Slot& e = table_[j];
            if (e.key.isNull() && !e.dummy) return nullptr;
            bool changed;
            bool same = sameKey(e, key, hash, changed);
            if (changed) return findSlot(key, hash);
            if (same) return &e;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetObject::has(const Value& key) { return findSlot(key, ops::hash(key)) != nullptr; }

void SetObject::add(const Value& key) {
    int64_t hash = ops::hash(key);
    size_t mask = mask_;
    auto h = static_cast<uint64_t>(hash);
    size_t i = h & mask;
    uint64_t perturb = h;
    Slot* freeslot = nullptr;
    Slot* entry = nullptr;
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t j = i;
        bool stop = false;
        for (size_t p = 0; p <= probes; ++p, ++j) {
            Slot& e = table_[j];
            if (e.key.isNull() && !e.dummy) {
                entry = &e;
                stop = true;
                break;
            }
            if (e.dummy) {
                if (!freeslot) freeslot = &e;
            } else {
                bool changed;
                bool same = sameKey(e, key, hash, changed);
                if (changed) return add(key);
                if (same) return;  // already present
            }
        }
        if (stop) break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    ++version_;
    if (freeslot) {
        freeslot->key = key;
        freeslot->hash = hash;
        freeslot->dummy = false;
        ++used_;
        return;
    }
    entry->key = key;
    entry->hash = hash;
    ++fill_;
    ++used_;
    if (fill_ * 5 < mask * 3) return;
    resize(used_ > 50000 ? used_ * 2 : used_ * 4);
}

void SetObject::insertClean(std::vector<Slot>& table, size_t mask, Value key, int64_t hash) {
    auto h = static_cast<uint64_t>(hash);
    size_t i = h & mask;
    uint64_t perturb = h;
    while (true) {
        if (table[i].key.isNull()) {
            table[i].key = std::move(key);
            table[i].hash = hash;
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (size_t j = 1; j <= kLinearProbes; ++j)
                if (table[i + j].key.isNull()) {
                    table[i + j].key = std::move(key);
                    table[i + j].hash = hash;
                    return;
                }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetObject::resize(size_t minUsed) {
    ++version_;
    size_t newsize = 8;
    while (newsize <= minUsed) newsize <<= 1;
    std::vector<Slot> table(newsize);
    for (auto& e : table_)
        if (!e.key.isNull() && !e.dummy) insertClean(table, newsize - 1, std::move(e.key), e.hash);
    table_ = std::move(table);
    mask_ = newsize - 1;
    fill_ = used_;
}

bool SetObject::discard(const Value& key) {
    Slot* e = findSlot(key, ops::hash(key));
    if (!e) return false;
    ++version_;
    e->key = Value();
    e->dummy = true;
    e->hash = -1;
    --used_;
    return true;
}

void SetObject::clear() {
    ++version_;
    table_.assign(8, Slot{});
    mask_ = 7;
    used_ = fill_ = 0;
}

std::vector<Value> SetObject::items() const {
    std::vector<Value> out;
    out.reserve(used_);
    for (const auto& e : table_)
        if (!e.key.isNull() && !e.dummy) out.push_back(e.key);
    return out;
}

std::string SetObject::repr() {
    std::string name = type()->name();
    bool exact = type() == in().types.set;
    if (used_ == 0) return name + "()";
    ReprGuard g(this);
    if (g.recursive) return name + "(...)";
    std::string out = "{";
    bool first = true;
    for (const auto& v : items()) {
        if (!first) out += ", ";
        first = false;
        out += ops::repr(v);
    }
    out += "}";
    return exact ? out : name + "(" + out + ")";
}

int64_t SetObject::hash() {
    if (!frozen) in().raise(in().types.TypeError, "unhashable type: '" + typeName(Value(this)) + "'");
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; };
    uint64_t hash = 0;
    for (const auto& e : table_)
        if (!e.key.isNull() && !e.dummy) hash ^= shuffle(static_cast<uint64_t>(e.hash));
    if ((fill_ - used_) & 1) hash ^= shuffle(static_cast<uint64_t>(-1));
    hash ^= (static_cast<uint64_t>(used_) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
    return static_cast<int64_t>(hash);
}

// A snapshot of the items, like every iterator over values known ahead (Containers.h).
Value SetObject::iter() { return Value(new VectorIterator(in().types.setIterator, items())); }

void SetObject::merge(const SetObject* other) {
    if (other == this || other->used_ == 0) return;
    if ((fill_ + other->used_) * 5 >= mask_ * 3) resize((used_ + other->used_) * 2);
    if (fill_ == 0 && mask_ == other->mask_ && other->fill_ == other->used_) {
        ++version_;
        table_ = other->table_;  // same size, no dummies: same positions
        fill_ = used_ = other->used_;
        return;
    }
    if (fill_ == 0) {
        ++version_;
        for (const auto& e : other->table_)
            if (!e.key.isNull() && !e.dummy) insertClean(table_, mask_, e.key, e.hash);
        fill_ = used_ = other->used_;
        return;
    }
    for (const auto& e : std::vector<Slot>(other->table_))
        if (!e.key.isNull() && !e.dummy) add(e.key);
}

void SetObject::mergeKeys(const std::vector<Value>& keys) {
    if ((fill_ + keys.size()) * 5 >= mask_ * 3) resize((used_ + keys.size()) * 2);
    for (const auto& k : keys) add(k);
}

namespace {
Ref<SetObject> copyOf(SetObject* s, Type* t) {
    auto r = make<SetObject>(t, t == in().types.frozenset);
    r->merge(s);
    return r;
}
} // namespace

Value SetObject::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<SetObject>();
    if (!o) return {};
    auto subset = [](SetObject* a, SetObject* b) {
        if (a->size() > b->size()) return false;
        for (auto& v : a->items())
            if (!b->has(v)) return false;
        return true;
    };
    switch (op) {
    case CmpOpKind::Eq: return Value::boolean(size() == o->size() && subset(this, o));
    case CmpOpKind::NotEq: return Value::boolean(!(size() == o->size() && subset(this, o)));
    case CmpOpKind::LtE: return Value::boolean(subset(this, o));
    case CmpOpKind::Lt: return Value::boolean(size() < o->size() && subset(this, o));
    case CmpOpKind::GtE: return Value::boolean(subset(o, this));
    case CmpOpKind::Gt: return Value::boolean(size() > o->size() && subset(o, this));
    default: return {};
    }
}

Value SetObject::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    auto* o = other.dyn<SetObject>();
    if (!o) return {};
    SetObject* a = reflected ? o : this;
    SetObject* b = reflected ? this : o;
    Type* rt = a->type()->heap ? (a->frozen ? in().types.frozenset : in().types.set) : a->type();
    switch (op) {
    case BinOpKind::BitOr: {
        auto r = copyOf(a, rt);
        r->merge(b);
        return Value(r.get());
    }
    case BinOpKind::BitAnd: {
        auto r = make<SetObject>(rt, rt == in().types.frozenset);
        SetObject* small = b;
        SetObject* big = a;
        if (small->size() > big->size()) std::swap(small, big);
        for (auto& v : small->items())
            if (big->has(v)) r->add(v);
        return Value(r.get());
    }
    case BinOpKind::Sub: {
        auto r = make<SetObject>(rt, rt == in().types.frozenset);
        if ((a->size() >> 2) > b->size()) {
            r = copyOf(a, rt);
            for (auto& v : b->items()) r->discard(v);
        } else {
            for (auto& v : a->items())
                if (!b->has(v)) r->add(v);
        }
        return Value(r.get());
    }
    case BinOpKind::BitXor: {
        auto r = copyOf(b, rt);
        for (auto& v : a->items()) {
            if (r->has(v)) r->discard(v);
            else r->add(v);
        }
        return Value(r.get());
    }
    default: return {};
    }
}

Value SetObject::inplaceOp(BinOpKind op, const Value& other) {
    if (frozen) return {};
    auto* o = other.dyn<SetObject>();
    if (!o) return {};
    switch (op) {
    case BinOpKind::BitOr:
        merge(o);
        return Value(this);
    case BinOpKind::BitAnd: {
        std::vector<Value> keep;
        for (auto& v : items())
            if (o->has(v)) keep.push_back(v);
        clear();
        for (auto& v : keep) add(v);
        return Value(this);
    }
    case BinOpKind::Sub:
        for (auto& v : o->items()) discard(v);
        return Value(this);
    case BinOpKind::BitXor:
        for (auto& v : o->items()) {
            if (has(v)) discard(v);
            else add(v);
        }
        return Value(this);
    default: return {};
    }
}

} // namespace gs::runtime
