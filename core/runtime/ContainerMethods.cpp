// Methods and constructors of list, tuple, dict, set, frozenset, range and slice.
#include <algorithm>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

template <class T> T* self(const CallArgs& a, const char* type, const char* name) {
    T* s = a.size() ? a[0].dyn<T>() : nullptr;
    if (!s) in().raise(in().types.TypeError, std::string("descriptor '") + name + "' for '" + type + "' objects doesn't apply");
    return s;
}

CallArgs rest(const CallArgs& a) { return CallArgs{a.pos.subspan(1), a.kw}; }

void updateDict(Dict* d, const Value& other) {
    if (auto* od = other.dyn<Dict>()) {
        std::vector<Dict::Entry> es = od->entries();
        for (const auto& e : es)
            if (!e.key.isNull()) d->set(e.key, e.value);
        return;
    }
    Value keys = ops::getAttrOpt(other, in().names.keys);
    if (keys) {
        for (auto& k : ops::toVector(ops::call0(keys))) d->set(k, ops::getItem(other, k));
        return;
    }
    size_t i = 0;
    for (auto& item : ops::toVector(other)) {
        std::vector<Value> pair;
        try {
            pair = ops::toVector(item);
        } catch (PyError&) {
            in().raise(in().types.TypeError, "cannot convert dictionary update sequence element #" + std::to_string(i) +
                                                 " to a sequence");
        }
        if (pair.size() != 2)
            in().raise(in().types.ValueError, "dictionary update sequence element #" + std::to_string(i) + " has length " +
                                                  std::to_string(pair.size()) + "; 2 is required");
        d->set(pair[0], pair[1]);
        ++i;
    }
}

void dictInit(Dict* d, const CallArgs& a, const char* name) {
    if (a.size() > 1) in().raise(in().types.TypeError, std::string(name) + " expected at most 1 argument, got " + std::to_string(a.size()));
    if (a.size() == 1) updateDict(d, a[0]);
    for (const auto& k : a.kw) d->set(Value(k.name), k.value);
}

Ref<SetObject> setFrom(Type* t, const Value& it) {
    auto s = make<SetObject>(t, t == in().types.frozenset);
    if (auto* o = it.dyn<SetObject>()) {
        s->merge(o);
    } else if (auto* d = it.dyn<Dict>()) {
        s->mergeKeys(d->keys());
    } else {
        Value iter = ops::getIter(it);
        Value v;
        while (ops::next(iter, v)) s->add(v);
    }
    return s;
}

Value setOp(const CallArgs& a, BinOpKind op, const char* name) {
    auto* s = self<SetObject>(a, "set", name);
    Value result(s);
    bool first = true;
    for (size_t i = 1; i < a.size(); ++i) {
        Ref<SetObject> other = setFrom(in().types.set, a[i]);
        result = result.as<SetObject>()->binaryOp(op, Value(other.get()), false);
        first = false;
    }
    if (first) return Value(setFrom(s->frozen ? in().types.frozenset : in().types.set, Value(s)).get());
    return result;
}

void sortValues(std::vector<Value>& items, const Value& key, bool reverse) {
    std::vector<Value> keys;
    if (!key.isNull() && !key.isNone()) {
        keys.reserve(items.size());
        for (auto& v : items) keys.push_back(ops::call1(key, v));
    } else {
        keys = items;
    }
    std::vector<size_t> idx(items.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
        const Value& kx = keys[x];
        const Value& ky = keys[y];
        if (kx.isInt() && ky.isInt()) return reverse ? ky.asInt() < kx.asInt() : kx.asInt() < ky.asInt();
        return reverse ? ops::less(ky, kx) : ops::less(kx, ky);
    });
    std::vector<Value> out;
    out.reserve(items.size());
    for (size_t i : idx) out.push_back(items[i]);
    items = std::move(out);
}

} // namespace

void sortList(std::vector<Value>& items, const Value& key, bool reverse) { sortValues(items, key, reverse); }

namespace {

Value list_init(const CallArgs& a) {
    auto* l = self<List>(a, "list", "__init__");
    l->items.clear();
    if (a.size() > 1) l->items = ops::toVector(a[1]);
    return Value::none();
}

Value list_append(const CallArgs& a) {
    a.expect("append", 2, 2);
    self<List>(a, "list", "append")->items.push_back(a[1]);
    return Value::none();
}

Value list_extend(const CallArgs& a) {
    a.expect("extend", 2, 2);
    auto* l = self<List>(a, "list", "extend");
    std::vector<Value> src = ops::toVector(a[1]);
    l->items.insert(l->items.end(), src.begin(), src.end());
    return Value::none();
}

Value list_insert(const CallArgs& a) {
    a.expect("insert", 3, 3);
    auto* l = self<List>(a, "list", "insert");
    int64_t n = static_cast<int64_t>(l->items.size());
    int64_t i = ops::toIndex(a[1]);
    if (i < 0) i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    l->items.insert(l->items.begin() + i, a[2]);
    return Value::none();
}

Value list_pop(const CallArgs& a) {
    a.expect("pop", 1, 2);
    auto* l = self<List>(a, "list", "pop");
    if (l->items.empty()) in().raise(in().types.IndexError, "pop from empty list");
    int64_t n = static_cast<int64_t>(l->items.size());
    int64_t i = a.size() > 1 ? ops::toIndex(a[1]) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) in().raise(in().types.IndexError, "pop index out of range");
    Value v = l->items[static_cast<size_t>(i)];
    l->items.erase(l->items.begin() + i);
    return v;
}

Value list_remove(const CallArgs& a) {
    a.expect("remove", 2, 2);
    auto* l = self<List>(a, "list", "remove");
    for (size_t i = 0; i < l->items.size(); ++i)
        if (Value x = l->items[i]; ops::equals(x, a[1]) && i < l->items.size()) {
            l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(i));
            return Value::none();
        }
    in().raise(in().types.ValueError, "list.remove(x): x not in list");
}

Value list_index(const CallArgs& a) {
    a.expect("index", 2, 4);
    auto* l = self<List>(a, "list", "index");
    int64_t n = static_cast<int64_t>(l->items.size());
    int64_t st = a.size() > 2 ? ops::toIndex(a[2]) : 0, en = a.size() > 3 ? ops::toIndex(a[3]) : n;
    if (st < 0) st = std::max<int64_t>(0, st + n);
    if (en < 0) en = std::max<int64_t>(0, en + n);
    for (int64_t i = st; i < std::min(en, static_cast<int64_t>(l->items.size())); ++i)
        if (Value x = l->items[static_cast<size_t>(i)]; ops::equals(x, a[1])) return Value::integer(i);
    in().raise(in().types.ValueError, ops::repr(a[1]) + " is not in list");
}

Value list_count(const CallArgs& a) {
    a.expect("count", 2, 2);
    int64_t c = 0;
    for (const Value& v : std::vector<Value>(self<List>(a, "list", "count")->items)) c += ops::equals(v, a[1]);
    return Value::integer(c);
}

Value list_sort(const CallArgs& a) {
    auto* l = self<List>(a, "list", "sort");
    if (a.size() > 1) in().raise(in().types.TypeError, "sort() takes no positional arguments");
    ArgParser p(rest(a), "sort", {"key", "reverse"}, 0, 0);
    std::vector<Value> items = l->items;
    sortValues(items, p[0], p.getBool(1, false));
    l->items = std::move(items);
    return Value::none();
}

Value list_reverse(const CallArgs& a) {
    auto* l = self<List>(a, "list", "reverse");
    std::reverse(l->items.begin(), l->items.end());
    return Value::none();
}

Value list_copy(const CallArgs& a) { return in().newList(self<List>(a, "list", "copy")->items); }

Value list_clear(const CallArgs& a) {
    self<List>(a, "list", "clear")->items.clear();
    return Value::none();
}

Value list_getitem(const CallArgs& a) { return self<List>(a, "list", "__getitem__")->getItem(a[1]); }

Value list_setitem(const CallArgs& a) {
    self<List>(a, "list", "__setitem__")->setItem(a[1], a[2]);
    return Value::none();
}

Value list_delitem(const CallArgs& a) {
    self<List>(a, "list", "__delitem__")->delItem(a[1]);
    return Value::none();
}

Value list_len(const CallArgs& a) { return Value::integer(self<List>(a, "list", "__len__")->len()); }
Value list_contains(const CallArgs& a) { return Value::boolean(self<List>(a, "list", "__contains__")->contains(a[1])); }
Value list_iter(const CallArgs& a) { return self<List>(a, "list", "__iter__")->iter(); }
Value list_repr(const CallArgs& a) { return in().newStr(self<List>(a, "list", "__repr__")->List::repr()); }

Value tuple_count(const CallArgs& a) {
    int64_t c = 0;
    for (auto& v : self<Tuple>(a, "tuple", "count")->items) c += ops::equals(v, a[1]);
    return Value::integer(c);
}

Value tuple_index(const CallArgs& a) {
    auto* t = self<Tuple>(a, "tuple", "index");
    for (size_t i = 0; i < t->items.size(); ++i)
        if (ops::equals(t->items[i], a[1])) return Value::integer(static_cast<int64_t>(i));
    in().raise(in().types.ValueError, "tuple.index(x): x not in tuple");
}

Value dict_init(const CallArgs& a) {
    dictInit(self<Dict>(a, "dict", "__init__"), rest(a), "dict");
    return Value::none();
}

Value dict_keys(const CallArgs& a) {
    return Value(new DictView(in().types.dictKeys, Ref<Dict>(self<Dict>(a, "dict", "keys")), DictView::Kind::Keys));
}

Value dict_values(const CallArgs& a) {
    return Value(new DictView(in().types.dictValues, Ref<Dict>(self<Dict>(a, "dict", "values")), DictView::Kind::Values));
}

Value dict_items(const CallArgs& a) {
    return Value(new DictView(in().types.dictItems, Ref<Dict>(self<Dict>(a, "dict", "items")), DictView::Kind::Items));
}

Value dict_get(const CallArgs& a) {
    a.expect("get", 2, 3);
    Value v = self<Dict>(a, "dict", "get")->get(a[1]);
    if (v) return v;
    return a.size() > 2 ? a[2] : Value::none();
}

Value dict_pop(const CallArgs& a) {
    a.expect("pop", 2, 3);
    Value v = self<Dict>(a, "dict", "pop")->pop(a[1]);
    if (v) return v;
    if (a.size() > 2) return a[2];
    in().raiseArgs(in().types.KeyError, {a[1]});
}

Value dict_popitem(const CallArgs& a) {
    auto* d = self<Dict>(a, "dict", "popitem");
    if (d->size() == 0) in().raise(in().types.KeyError, "popitem(): dictionary is empty");
    const auto& es = d->entries();
    for (size_t i = es.size(); i-- > 0;)
        if (!es[i].key.isNull()) {
            Value k = es[i].key, v = es[i].value;
            d->remove(k);
            return in().newTuple({k, v});
        }
    return Value::none();
}

Value dict_setdefault(const CallArgs& a) {
    a.expect("setdefault", 2, 3);
    auto* d = self<Dict>(a, "dict", "setdefault");
    Value v = d->get(a[1]);
    if (v) return v;
    Value dflt = a.size() > 2 ? a[2] : Value::none();
    d->set(a[1], dflt);
    return dflt;
}

Value dict_update(const CallArgs& a) {
    dictInit(self<Dict>(a, "dict", "update"), rest(a), "update");
    return Value::none();
}

Value dict_copy(const CallArgs& a) {
    auto* d = self<Dict>(a, "dict", "copy");
    Ref<Dict> r = in().newDict();
    for (const auto& e : d->entries())
        if (!e.key.isNull()) r->set(e.key, e.value);
    return Value(r.get());
}

Value dict_clear(const CallArgs& a) {
    self<Dict>(a, "dict", "clear")->clear();
    return Value::none();
}

Value dict_getitem(const CallArgs& a) { return self<Dict>(a, "dict", "__getitem__")->getItem(a[1]); }

Value dict_setitem(const CallArgs& a) {
    self<Dict>(a, "dict", "__setitem__")->set(a[1], a[2]);
    return Value::none();
}

Value dict_delitem(const CallArgs& a) {
    self<Dict>(a, "dict", "__delitem__")->delItem(a[1]);
    return Value::none();
}

Value dict_contains(const CallArgs& a) { return Value::boolean(self<Dict>(a, "dict", "__contains__")->find(a[1]) >= 0); }
Value dict_len(const CallArgs& a) { return Value::integer(static_cast<int64_t>(self<Dict>(a, "dict", "__len__")->size())); }
Value dict_iter(const CallArgs& a) { return self<Dict>(a, "dict", "__iter__")->Dict::iter(); }
Value dict_repr(const CallArgs& a) { return in().newStr(self<Dict>(a, "dict", "__repr__")->Dict::repr()); }

Value set_init(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "__init__");
    s->clear();
    if (a.size() > 1)
        for (auto& v : ops::toVector(a[1])) s->add(v);
    return Value::none();
}

Value set_add(const CallArgs& a) {
    a.expect("add", 2, 2);
    self<SetObject>(a, "set", "add")->add(a[1]);
    return Value::none();
}

Value set_discard(const CallArgs& a) {
    a.expect("discard", 2, 2);
    self<SetObject>(a, "set", "discard")->discard(a[1]);
    return Value::none();
}

Value set_remove(const CallArgs& a) {
    a.expect("remove", 2, 2);
    if (!self<SetObject>(a, "set", "remove")->discard(a[1])) in().raiseArgs(in().types.KeyError, {a[1]});
    return Value::none();
}

Value set_pop(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "pop");
    auto items = s->items();
    if (items.empty()) in().raise(in().types.KeyError, "pop from an empty set");
    s->discard(items[0]);
    return items[0];
}

Value set_clear(const CallArgs& a) {
    self<SetObject>(a, "set", "clear")->clear();
    return Value::none();
}

Value set_copy(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "copy");
    return Value(setFrom(s->frozen ? in().types.frozenset : in().types.set, a[0]).get());
}

Value set_update(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "update");
    for (size_t i = 1; i < a.size(); ++i) {
        if (auto* o = a[i].dyn<SetObject>()) s->merge(o);
        else if (auto* d = a[i].dyn<Dict>()) s->mergeKeys(d->keys());
        else
            for (auto& v : ops::toVector(a[i])) s->add(v);
    }
    return Value::none();
}

Value set_union(const CallArgs& a) { return setOp(a, BinOpKind::BitOr, "union"); }
Value set_intersection(const CallArgs& a) { return setOp(a, BinOpKind::BitAnd, "intersection"); }
Value set_difference(const CallArgs& a) { return setOp(a, BinOpKind::Sub, "difference"); }
Value set_symmetric_difference(const CallArgs& a) { return setOp(a, BinOpKind::BitXor, "symmetric_difference"); }

Value set_issubset(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "issubset");
    return s->richCompare(CmpOpKind::LtE, Value(setFrom(in().types.set, a[1]).get()));
}

Value set_issuperset(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "issuperset");
    return s->richCompare(CmpOpKind::GtE, Value(setFrom(in().types.set, a[1]).get()));
}

Value set_isdisjoint(const CallArgs& a) {
    auto* s = self<SetObject>(a, "set", "isdisjoint");
    for (auto& v : ops::toVector(a[1]))
        if (s->has(v)) return Value::boolean(false);
    return Value::boolean(true);
}

Value set_contains(const CallArgs& a) { return Value::boolean(self<SetObject>(a, "set", "__contains__")->has(a[1])); }
Value set_len(const CallArgs& a) { return Value::integer(static_cast<int64_t>(self<SetObject>(a, "set", "__len__")->size())); }
Value set_iter(const CallArgs& a) { return self<SetObject>(a, "set", "__iter__")->iter(); }
Value range_start(const Value& v) { return Value::integer(v.as<Range>()->start); }
Value range_stop(const Value& v) { return Value::integer(v.as<Range>()->stop); }
Value range_step(const Value& v) { return Value::integer(v.as<Range>()->step); }

Value range_index(const CallArgs& a) {
    auto* r = self<Range>(a, "range", "index");
    if (r->contains(a[1]) != 1) in().raise(in().types.ValueError, ops::repr(a[1]) + " is not in range");
    return Value::integer((a[1].asInt() - r->start) / r->step);
}

Value range_count(const CallArgs& a) {
    return Value::integer(self<Range>(a, "range", "count")->contains(a[1]) == 1 ? 1 : 0);
}

Value slice_indices(const CallArgs& a) {
    int64_t s, e, st, n;
    self<Slice>(a, "slice", "indices")->indices(ops::toIndex(a[1]), s, e, st, n);
    return in().newTuple({Value::integer(s), Value::integer(e), Value::integer(st)});
}

// set.intersection_update(*others) and friends: self op= set(other) for each other.
Value inplaceSetUpdate(const CallArgs& a, BinOpKind op, const char* name) {
    auto* s = self<SetObject>(a, "set", name);
    for (size_t i = 1; i < a.size(); ++i) s->inplaceOp(op, Value(setFrom(in().types.set, a[i]).get()));
    return Value::none();
}

Value set_intersection_update(const CallArgs& a) { return inplaceSetUpdate(a, BinOpKind::BitAnd, "intersection_update"); }
Value set_difference_update(const CallArgs& a) { return inplaceSetUpdate(a, BinOpKind::Sub, "difference_update"); }
Value set_symmetric_difference_update(const CallArgs& a) {
    return inplaceSetUpdate(a, BinOpKind::BitXor, "symmetric_difference_update");
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Value dict_fromkeys(const CallArgs& a) {
    a.expect("fromkeys", 2, 3);
    Value d = ops::call0(a[0]);
    Value v = a.size() > 2 ? a[2] : Value::none();
    for (auto& k : ops::toVector(a[1])) ops::setItem(d, k, v);
    return d;
}

Value dict_keys_isdisjoint(const CallArgs& a) {
    auto* v = self<DictView>(a, "dict_keys", "isdisjoint");
    for (auto& x : ops::toVector(a[1]))
        if (v->contains(x) == 1) return Value::boolean(false);
    return Value::boolean(true);
}

constexpr NativeDef kListMethods[] = {
    {"__init__", list_init},
    {"append", list_append},
    {"extend", list_extend},
    {"insert", list_insert},
    {"pop", list_pop},
    {"remove", list_remove},
    {"index", list_index},
    {"count", list_count},
    {"sort", list_sort},
    {"reverse", list_reverse},
    {"copy", list_copy},
    {"clear", list_clear},
    {"__getitem__", list_getitem},
    {"__setitem__", list_setitem},
    {"__delitem__", list_delitem},
    {"__len__", list_len},
    {"__contains__", list_contains},
    {"__iter__", list_iter},
    {"__repr__", list_repr},
};
constexpr NativeDef kTupleMethods[] = {
    {"count", tuple_count},
    {"index", tuple_index},
};
constexpr NativeDef kDictMethods[] = {
    {"__init__", dict_init},
    {"keys", dict_keys},
    {"values", dict_values},
    {"items", dict_items},
    {"get", dict_get},
    {"pop", dict_pop},
    {"popitem", dict_popitem},
    {"setdefault", dict_setdefault},
    {"update", dict_update},
    {"copy", dict_copy},
    {"clear", dict_clear},
    {"__getitem__", dict_getitem},
    {"__setitem__", dict_setitem},
    {"__delitem__", dict_delitem},
    {"__contains__", dict_contains},
    {"__len__", dict_len},
    {"__iter__", dict_iter},
    {"__repr__", dict_repr},
};
constexpr NativeDef kSetMethods[] = {
    {"__init__", set_init},
    {"add", set_add},
    {"discard", set_discard},
    {"remove", set_remove},
    {"pop", set_pop},
    {"clear", set_clear},
    {"update", set_update},
    {"intersection_update", set_intersection_update},
    {"difference_update", set_difference_update},
    {"symmetric_difference_update", set_symmetric_difference_update},
};
constexpr NativeDef kSetAndFrozensetMethods[] = {
    {"copy", set_copy},
    {"union", set_union},
    {"intersection", set_intersection},
    {"difference", set_difference},
    {"symmetric_difference", set_symmetric_difference},
    {"issubset", set_issubset},
    {"issuperset", set_issuperset},
    {"isdisjoint", set_isdisjoint},
    {"__contains__", set_contains},
    {"__len__", set_len},
    {"__iter__", set_iter},
};
constexpr PropertyDef kRangeProperties[] = {
    {"start", range_start},
    {"stop", range_stop},
    {"step", range_step},
};
constexpr NativeDef kRangeMethods[] = {
    {"index", range_index},
    {"count", range_count},
};
constexpr NativeDef kSliceMethods[] = {
    {"indices", slice_indices},
};
constexpr NativeDef kDictKeysMethods[] = {
    {"isdisjoint", dict_keys_isdisjoint},
};

// Constructors (Type::construct): what calling the type does.
Value list_new(Type* cls, const CallArgs& a) {
    a.expect("list", 0, 1);
    auto l = make<List>(cls);
    if (a.size()) l->items = ops::toVector(a[0]);
    return Value(l.get());
}

Value tuple_new(Type*, const CallArgs& a) {
    a.expect("tuple", 0, 1);
    if (a.size() && a[0].isObj() && a[0].obj()->type() == in().types.tuple) return a[0];
    return in().newTuple(a.size() ? ops::toVector(a[0]) : std::vector<Value>{});
}

Value dict_new(Type* cls, const CallArgs& a) {
    Ref<Dict> d(new Dict(cls));
    dictInit(d.get(), a, "dict");
    return Value(d.get());
}

Value range_new(Type* cls, const CallArgs& a) {
    Interpreter& In = in();
    a.expect("range", 1, 3);
    int64_t start = 0, stop, step = 1;
    auto idx = [&](const Value& v) {
        int64_t out;
        if (!ops::tryIndex(v, out))
            In.raise(In.types.TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
        return out;
    };
    if (a.size() == 1) stop = idx(a[0]);
    else {
        start = idx(a[0]);
        stop = idx(a[1]);
        if (a.size() == 3) step = idx(a[2]);
    }
    if (step == 0) In.raise(In.types.ValueError, "range() arg 3 must not be zero");
    return Value(new Range(cls, start, stop, step));
}

Value set_new(Type* cls, const CallArgs& a) {
    a.expect("set", 0, 1);
    if (!a.size()) return Value(new SetObject(cls, false));
    return Value(setFrom(cls, a[0]).get());
}

Value frozenset_new(Type* cls, const CallArgs& a) {
    a.expect("frozenset", 0, 1);
    if (!a.size()) return Value(new SetObject(cls, true));
    return Value(setFrom(cls, a[0]).get());
}

Value slice_new(Type* cls, const CallArgs& a) {
    a.expect("slice", 1, 3);
    if (a.size() == 1) return Value(new Slice(cls, Value::none(), a[0], Value::none()));
    return Value(new Slice(cls, a[0], a[1], a.size() > 2 ? a[2] : Value::none()));
}

} // namespace

void setupContainerMethods(Interpreter& I) {
    BuiltinTypes& T = I.types;
    T.list->construct = list_new;
    defineMethods(I, T.list, kListMethods);
    T.tuple->construct = tuple_new;
    defineMethods(I, T.tuple, kTupleMethods);
    T.dict->construct = dict_new;
    defineMethods(I, T.dict, kDictMethods);
    Value fromkeys(new NativeFunction(T.builtinFunction, "fromkeys", dict_fromkeys));
    T.dict->dict()->setStr("fromkeys", Value(new ClassMethod(T.classmethod, fromkeys)));
    defineMethods(I, T.dictKeys, kDictKeysMethods);
    T.set->construct = set_new;
    T.frozenset->construct = frozenset_new;
    defineMethods(I, T.set, kSetMethods);
    defineMethods(I, T.set, kSetAndFrozensetMethods);
    defineMethods(I, T.frozenset, kSetAndFrozensetMethods);
    T.range->construct = range_new;
    defineProperties(I, T.range, kRangeProperties);
    defineMethods(I, T.range, kRangeMethods);
    T.slice->construct = slice_new;
    defineMethods(I, T.slice, kSliceMethods);
}

} // namespace gs::runtime
