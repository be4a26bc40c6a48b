// dict: entries in insertion order plus an open-addressing index (CPython's probing).
#include "core/runtime/Dict.h"

#include "core/runtime/Containers.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
// Keys versions come from one counter per thread (so the max of two versions changes whenever
// either dict changes; inline caches rely on it). Not shared between threads.
thread_local uint64_t tDictVersion = 0;

Interpreter& in() { return Interpreter::current(); }

inline int64_t hashOf(const Value& k) {
    if (Object* o = k.obj(); o && o->type()->isStr) return static_cast<Str*>(o)->hashValue();
    return ops::hash(k);
}

} // namespace

Dict::Dict(Type* t) : Object(t) { version_ = ++tDictVersion; }

int64_t Dict::lookup(const Value& key, int64_t hash, size_t& slot) {
    if (index_.empty()) rebuildIndex(8);  // cleared by a scenario __eq__ during a compare
    size_t mask = index_.size() - 1;
    auto h = static_cast<uint64_t>(hash);
    size_t i = h & mask;
    uint64_t perturb = h;
    int64_t firstDummy = -1;
    while (true) {
        int32_t ix = index_[i];
        if (ix == -1) {
            slot = firstDummy >= 0 ? static_cast<size_t>(firstDummy) : i;
            return -1;
        }
        if (ix == -2) {
            if (firstDummy < 0) firstDummy = static_cast<int64_t>(i);
        } else if (entries_[static_cast<size_t>(ix)].hash == hash) {
            const Value& ek = entries_[static_cast<size_t>(ix)].key;
            Object* x = ek.obj();
            Object* y = key.obj();
            if (x && x == y) {  // interned names: the common case
                slot = i;
                return ix;
            }
            if (x && y && x->type()->isStr && y->type()->isStr) {
                if (static_cast<Str*>(x)->view() == static_cast<Str*>(y)->view()) {
                    slot = i;
                    return ix;
                }
            } else if (!x && !y && ek.tag() == key.tag() && ek.isInt()) {
                if (ek.asInt() == key.asInt()) {
                    slot = i;
                    return ix;
                }
            } else {
                // A scenario __eq__ may mutate this dict: compare a copy, restart if it changed.
                Value k = ek;
                uint64_t before = version_;
                bool eq = ops::equals(k, key);
                if (version_ != before) return lookup(key, hash, slot);
                if (eq) {
                    slot = i;
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void Dict::insertIndex(int64_t hash, int32_t entry) {
    size_t mask = index_.size() - 1;
    auto h = static_cast<uint64_t>(hash);
    size_t i = h & mask;
    uint64_t perturb = h;
    while (index_[i] != -1) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = entry;
}

void Dict::rebuildIndex(size_t minSize) {
    if (entries_.size() != used_) {
        std::vector<Entry> compact;
        compact.reserve(used_);
        for (auto& e : entries_)
            if (!e.key.isNull()) compact.push_back(std::move(e));
        entries_ = std::move(compact);
    }
    size_t size = 8;
    while (size < minSize) size <<= 1;
    index_.assign(size, -1);
    for (size_t k = 0; k < entries_.size(); ++k) insertIndex(entries_[k].hash, static_cast<int32_t>(k));
    fill_ = used_;
    version_ = ++tDictVersion;
}

int64_t Dict::find(const Value& key) {
    if (used_ == 0) {
        hashOf(key);  // unhashable keys still raise
        return -1;
    }
    size_t slot;
    return lookup(key, hashOf(key), slot);
}

Value Dict::get(const Value& key) {
    int64_t i = find(key);
    return i >= 0 ? entries_[static_cast<size_t>(i)].value : Value();
}

Value Dict::getStr(std::string_view key) {
    if (used_ == 0) return {};
    int64_t h = Str::computeHash(key);
    size_t mask = index_.size() - 1;
    auto uh = static_cast<uint64_t>(h);
    size_t i = uh & mask;
    uint64_t perturb = uh;
    while (true) {
        int32_t ix = index_[i];
        if (ix == -1) return {};
        if (ix >= 0) {
            Entry& e = entries_[static_cast<size_t>(ix)];
            if (e.hash == h)
                if (Object* o = e.key.obj(); o && o->type()->isStr && static_cast<Str*>(o)->view() == key) return e.value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void Dict::set(const Value& key, Value value) {
    int64_t h = hashOf(key);
    if (index_.empty()) rebuildIndex(8);
    size_t slot;
    int64_t ix = lookup(key, h, slot);
    if (ix >= 0) {
        entries_[static_cast<size_t>(ix)].value = std::move(value);
        return;
    }
    entries_.push_back(Entry{key, std::move(value), h});
    if (index_[slot] == -1) ++fill_;
    index_[slot] = static_cast<int32_t>(entries_.size() - 1);
    ++used_;
    version_ = ++tDictVersion;
    if (fill_ * 3 >= index_.size() * 2) rebuildIndex(used_ * 3);
}

void Dict::setStr(std::string_view key, Value value) { set(Value(in().intern(key)), std::move(value)); }

bool Dict::remove(const Value& key) {
    if (used_ == 0) return false;
    size_t slot;
    int64_t ix = lookup(key, hashOf(key), slot);
    if (ix < 0) return false;
    index_[slot] = -2;
    Entry& e = entries_[static_cast<size_t>(ix)];
    Value oldKey = std::move(e.key);
    Value oldVal = std::move(e.value);
    e.key = Value();
    e.value = Value();
    --used_;
    version_ = ++tDictVersion;
    if (entries_.size() > 2 * used_ + 16) rebuildIndex(used_ * 3);
    return true;
}

Value Dict::pop(const Value& key) {
    int64_t i = find(key);
    if (i < 0) return {};
    Value v = entries_[static_cast<size_t>(i)].value;
    remove(key);
    return v;
}

void Dict::clear() {
    std::vector<Entry> old;
    old.swap(entries_);
    index_.clear();
    used_ = fill_ = 0;
    version_ = ++tDictVersion;
}

std::vector<Value> Dict::keys() const {
    std::vector<Value> out;
    out.reserve(used_);
    for (const auto& e : entries_)
        if (!e.key.isNull()) out.push_back(e.key);
    return out;
}

std::string Dict::repr() {
    ReprGuard g(this);
    if (g.recursive) return "{...}";
    std::string out = "{";
    bool first = true;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].key.isNull()) continue;
        Value k = entries_[i].key, v = entries_[i].value;
        if (!first) out += ", ";
        first = false;
        out += ops::repr(k) + ": " + ops::repr(v);
    }
    return out + "}";
}

int64_t Dict::hash() { in().raise(in().types.TypeError, "unhashable type: '" + typeName(Value(this)) + "'"); }

Value Dict::iter() { return Value(new DictIterator(in().types.dictIterator, Ref<Dict>(this), DictView::Kind::Keys)); }

Value Dict::getItem(const Value& key) {
    Value v = get(key);
    if (v) return v;
    Interpreter& I = in();
    if (type()->heap) {
        Value missing = ops::findDunder(type(), I.names.__missing__);
        if (missing) return ops::call2(missing, Value(this), key);
    }
    I.raiseArgs(I.types.KeyError, {key});
}

bool Dict::delItem(const Value& key) {
    if (!remove(key)) in().raiseArgs(in().types.KeyError, {key});
    return true;
}

Value Dict::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Dict>();
    if (!o || (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)) return {};
    NativeRecursion guard(" in comparison");
    bool eq = size() == o->size();
    for (size_t i = 0; eq && i < entries_.size(); ++i) {
        if (entries_[i].key.isNull()) continue;
        Value k = entries_[i].key, v = entries_[i].value;
        Value ov = o->get(k);
        eq = !ov.isNull() && ops::equals(v, ov);
    }
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

Value Dict::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    auto* o = other.dyn<Dict>();
    if (op != BinOpKind::BitOr || !o) return {};
    Dict* a = reflected ? o : this;
    Dict* b = reflected ? this : o;
    Ref<Dict> r = in().newDict();
    for (const auto& e : a->entries())
        if (!e.key.isNull()) r->set(e.key, e.value);
    for (const auto& e : b->entries())
        if (!e.key.isNull()) r->set(e.key, e.value);
    return Value(r.get());
}

Value Dict::inplaceOp(BinOpKind op, const Value& other) {
    if (op != BinOpKind::BitOr) return {};
    if (auto* o = other.dyn<Dict>()) {
        for (const auto& e : std::vector<Entry>(o->entries()))
            if (!e.key.isNull()) set(e.key, e.value);
        return Value(this);
    }
    for (auto& kv : ops::toVector(other)) {
        auto pair = ops::toVector(kv);
        set(pair.at(0), pair.at(1));
    }
    return Value(this);
}

Value Dict::getAttr(Str* name) { return attrs_ ? attrs_->get(Value(name)) : Value(); }

bool Dict::setAttr(Str* name, const Value& v) {
    if (!type()->heap) return false;
    if (!attrs_) attrs_ = in().newDict();
    attrs_->set(Value(name), v);
    return true;
}

void Dict::clearRefs() {
    entries_.clear();
    index_.clear();
    used_ = fill_ = 0;
    attrs_ = nullptr;
}

// --- views -----------------------------------------------------------------------------------

std::string DictView::repr() {
    const char* n = kind == Kind::Keys ? "dict_keys" : kind == Kind::Values ? "dict_values" : "dict_items";
    std::vector<Value> items;
    Value it = iter();
    Value v;
    while (ops::next(it, v)) items.push_back(v);
    List tmp(in().types.list, std::move(items));
    return std::string(n) + "(" + tmp.repr() + ")";
}

Value DictView::iter() { return Value(new DictIterator(in().types.dictIterator, dict, kind)); }

int DictView::contains(const Value& v) {
    if (kind == Kind::Keys) return dict->find(v) >= 0;
    if (kind == Kind::Items) {
        auto* t = v.dyn<Tuple>();
        if (!t || t->items.size() != 2) return 0;
        Value val = dict->get(t->items[0]);
        return !val.isNull() && ops::equals(val, t->items[1]);
    }
    for (const auto& e : dict->entries())
        if (!e.key.isNull() && ops::equals(e.value, v)) return 1;
    return 0;
}

namespace {
Ref<SetObject> asSet(const Value& v) {
    auto s = make<SetObject>(in().types.set, false);
    for (auto& x : ops::toVector(v)) s->add(x);
    return s;
}
} // namespace

Value DictView::richCompare(CmpOpKind op, const Value& other) {
    if (kind == Kind::Values) return {};
    if (!other.dyn<DictView>() && !other.dyn<SetObject>()) return {};
    return asSet(Value(this))->richCompare(op, Value(asSet(other).get()));
}

Value DictView::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    if (kind == Kind::Values) return {};
    Ref<SetObject> a = asSet(Value(this));
    Ref<SetObject> b = asSet(other);
    return reflected ? b->binaryOp(op, Value(a.get()), false) : a->binaryOp(op, Value(b.get()), false);
}

bool DictIterator::next(Value& out) {
    if (!dict) return false;
    if (dict->size() != startSize) {
        dict = nullptr;
        in().raise(in().types.RuntimeError, "dictionary changed size during iteration");
    }
    const auto& es = dict->entries();
    while (pos < es.size() && es[pos].key.isNull()) ++pos;
    if (pos >= es.size()) {
        dict = nullptr;
        return false;
    }
    const auto& e = es[pos++];
    switch (kind) {
    case DictView::Kind::Keys: out = e.key; break;
    case DictView::Kind::Values: out = e.value; break;
    case DictView::Kind::Items: out = in().newTuple({e.key, e.value}); break;
    }
    return true;
}

} // namespace gs::runtime
