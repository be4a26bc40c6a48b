// tuple, list, range, slice and sequence iterators.
#include "core/runtime/Containers.h"

#include <algorithm>

#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

int64_t normIndex(int64_t i, int64_t n, const std::string& what) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) in().raise(in().types.IndexError, what);
    return i;
}

std::string reprItems(Object* self, const std::vector<Value>& items, const char* open, const char* close,
                      bool tupleComma) {
    ReprGuard g(self);
    if (g.recursive) return std::string(open) + "..." + close;
    std::string out = open;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += ops::repr(items[i]);
    }
    if (tupleComma && items.size() == 1) out += ",";
    return out + close;
}

Value seqCompare(CmpOpKind op, const std::vector<Value>& a, const std::vector<Value>& b) {
    NativeRecursion guard(" in comparison");
    if (op == CmpOpKind::Eq || op == CmpOpKind::NotEq) {
        bool eq = a.size() == b.size();
        for (size_t i = 0; eq && i < a.size(); ++i) eq = ops::equals(a[i], b[i]);
        return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
    }
    size_t i = 0;
    while (i < a.size() && i < b.size() && ops::equals(a[i], b[i])) ++i;
    if (i < a.size() && i < b.size()) return ops::compare(op, a[i], b[i]);
    int64_t la = static_cast<int64_t>(a.size()), lb = static_cast<int64_t>(b.size());
    switch (op) {
    case CmpOpKind::Lt: return Value::boolean(la < lb);
    case CmpOpKind::LtE: return Value::boolean(la <= lb);
    case CmpOpKind::Gt: return Value::boolean(la > lb);
    default: return Value::boolean(la >= lb);
    }
}

std::vector<Value> sliceOf(const std::vector<Value>& items, const Slice* sl) {
    int64_t start, stop, step, n;
    sl->indices(static_cast<int64_t>(items.size()), start, stop, step, n);
    std::vector<Value> out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(n, 0)));
    for (int64_t k = 0, i = start; k < n; ++k, i += step) out.push_back(items[static_cast<size_t>(i)]);
    return out;
}

std::vector<Value> repeat(const std::vector<Value>& items, const Value& times) {
    int64_t n = ops::toIndex(times);
    std::vector<Value> out;
    if (n <= 0) return out;
    if (static_cast<double>(n) * static_cast<double>(items.size()) > 5e7) in().raise("MemoryError", "");
    in().checkMemory(n * static_cast<int64_t>(items.size() * sizeof(Value)));
    out.reserve(items.size() * static_cast<size_t>(n));
    for (int64_t k = 0; k < n; ++k) out.insert(out.end(), items.begin(), items.end());
    return out;
}
} // namespace

NativeRecursion::NativeRecursion(const char* what) {
    Interpreter& I = in();
    char probe;  // native recursion (a repr, ==, hash of nested containers) uses the machine stack too
    if (++core(I).nativeDepth >= I.limits().maxDepth || &probe < core(I).stackLimit()) {
        --core(I).nativeDepth;
        I.raise(I.types.RecursionError, std::string("maximum recursion depth exceeded") + what);
    }
}
NativeRecursion::~NativeRecursion() { --core(in()).nativeDepth; }

ReprGuard::ReprGuard(Object* o) : obj(o), depth(" while getting the repr of an object") {
    auto& st = core(in()).reprStack;
    recursive = std::find(st.begin(), st.end(), o) != st.end();
    if (!recursive) st.push_back(o);
}
ReprGuard::~ReprGuard() {
    if (!recursive) core(in()).reprStack.pop_back();
}

// --- tuple -----------------------------------------------------------------------------------

std::string Tuple::repr() { return reprItems(this, items, "(", ")", true); }

int64_t Tuple::hash() {
    NativeRecursion guard(" while hashing");
    constexpr uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (const auto& v : items) {
        auto lane = static_cast<uint64_t>(ops::hash(v));
        acc += lane * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += items.size() ^ (P5 ^ 3527539UL);
    if (acc == static_cast<uint64_t>(-1)) return 1546275796;
    return static_cast<int64_t>(acc);
}

Value Tuple::iter() { return Value(new SeqIterator(in().types.listIterator, Value(this))); }

Value Tuple::getItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) return I.newTuple(sliceOf(items, sl));
    int64_t i;
    if (!ops::tryIndex(key, i))
        I.raise(I.types.TypeError, "tuple indices must be integers or slices, not " + typeName(key));
    return items[static_cast<size_t>(normIndex(i, static_cast<int64_t>(items.size()), "tuple index out of range"))];
}

int Tuple::contains(const Value& v) {
    for (const auto& x : items)
        if (ops::equals(x, v)) return 1;
    return 0;
}

Value Tuple::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Tuple>();
    if (!o) return {};
    return seqCompare(op, items, o->items);
}

Value Tuple::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    Interpreter& I = in();
    if (op == BinOpKind::Add && !reflected) {
        auto* o = other.dyn<Tuple>();
        if (!o) I.raise(I.types.TypeError, "can only concatenate tuple (not \"" + typeName(other) + "\") to tuple");
        I.checkMemory(static_cast<int64_t>((items.size() + o->items.size()) * sizeof(Value)));
        std::vector<Value> r = items;
        r.insert(r.end(), o->items.begin(), o->items.end());
        return I.newTuple(std::move(r));
    }
    if (op == BinOpKind::Mult && (other.isIntLike() || other.isObj())) {
        int64_t n;
        if (!ops::tryIndex(other, n)) return {};
        return I.newTuple(repeat(items, Value::integer(n)));
    }
    return {};
}

// --- list ------------------------------------------------------------------------------------

std::string List::repr() { return reprItems(this, items, "[", "]", false); }

int64_t List::hash() { in().raise(in().types.TypeError, "unhashable type: '" + typeName(Value(this)) + "'"); }

Value List::iter() { return Value(new SeqIterator(in().types.listIterator, Value(this))); }

Value List::getItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) return I.newList(sliceOf(items, sl));
    int64_t i;
    if (!ops::tryIndex(key, i))
        I.raise(I.types.TypeError, "list indices must be integers or slices, not " + typeName(key));
    return items[static_cast<size_t>(normIndex(i, static_cast<int64_t>(items.size()), "list index out of range"))];
}

bool List::setItem(const Value& key, const Value& v) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) {
        int64_t start, stop, step, n;
        sl->indices(static_cast<int64_t>(items.size()), start, stop, step, n);
        std::vector<Value> src = ops::toVector(v);
        if (step == 1) {
            if (stop < start) stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, src.begin(), src.end());
            return true;
        }
        if (static_cast<int64_t>(src.size()) != n)
            I.raise(I.types.ValueError, "attempt to assign sequence of size " + std::to_string(src.size()) +
                                            " to extended slice of size " + std::to_string(n));
        for (int64_t k = 0, i = start; k < n; ++k, i += step) items[static_cast<size_t>(i)] = src[static_cast<size_t>(k)];
        return true;
    }
    int64_t i;
    if (!ops::tryIndex(key, i))
        I.raise(I.types.TypeError, "list indices must be integers or slices, not " + typeName(key));
    items[static_cast<size_t>(normIndex(i, static_cast<int64_t>(items.size()), "list assignment index out of range"))] = v;
    return true;
}

bool List::delItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) {
        int64_t start, stop, step, n;
        sl->indices(static_cast<int64_t>(items.size()), start, stop, step, n);
        std::vector<bool> kill(items.size(), false);
        for (int64_t k = 0, i = start; k < n; ++k, i += step) kill[static_cast<size_t>(i)] = true;
        std::vector<Value> keep;
        for (size_t i = 0; i < items.size(); ++i)
            if (!kill[i]) keep.push_back(std::move(items[i]));
        items = std::move(keep);
        return true;
    }
    int64_t i;
    if (!ops::tryIndex(key, i))
        I.raise(I.types.TypeError, "list indices must be integers or slices, not " + typeName(key));
    i = normIndex(i, static_cast<int64_t>(items.size()), "list assignment index out of range");
    items.erase(items.begin() + i);
    return true;
}

int List::contains(const Value& v) {
    // A scenario __eq__ may mutate the list: compare a copy of each element.
    for (size_t i = 0; i < items.size(); ++i)
        if (Value x = items[i]; ops::equals(x, v)) return 1;
    return 0;
}

Value List::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<List>();
    if (!o) return {};
    std::vector<Value> a = items, b = o->items;  // element __eq__ may mutate either list
    return seqCompare(op, a, b);
}

Value List::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    Interpreter& I = in();
    if (op == BinOpKind::Add && !reflected) {
        auto* o = other.dyn<List>();
        if (!o) I.raise(I.types.TypeError, "can only concatenate list (not \"" + typeName(other) + "\") to list");
        I.checkMemory(static_cast<int64_t>((items.size() + o->items.size()) * sizeof(Value)));
        std::vector<Value> r = items;
        r.insert(r.end(), o->items.begin(), o->items.end());
        return I.newList(std::move(r));
    }
    if (op == BinOpKind::Mult) {
        int64_t n;
        if (!ops::tryIndex(other, n)) return {};
        return I.newList(repeat(items, Value::integer(n)));
    }
    return {};
}

Value List::inplaceOp(BinOpKind op, const Value& other) {
    if (op == BinOpKind::Add) {
        std::vector<Value> src = ops::toVector(other);
        items.insert(items.end(), src.begin(), src.end());
        return Value(this);
    }
    if (op == BinOpKind::Mult) {
        int64_t n;
        if (!ops::tryIndex(other, n)) return {};
        items = repeat(items, Value::integer(n));
        return Value(this);
    }
    return {};
}

Value List::getAttr(Str* name) { return dict_ ? dict_->get(Value(name)) : Value(); }

bool List::setAttr(Str* name, const Value& v) {
    if (!type()->heap) return false;
    if (!dict_) dict_ = in().newDict();
    dict_->set(Value(name), v);
    return true;
}

void List::clearRefs() {
    items.clear();
    dict_ = nullptr;
}

// --- range -----------------------------------------------------------------------------------

int64_t Range::length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

std::string Range::repr() {
    std::string s = "range(" + std::to_string(start) + ", " + std::to_string(stop);
    if (step != 1) s += ", " + std::to_string(step);
    return s + ")";
}

int64_t Range::hash() {
    int64_t n = length();
    std::vector<Value> t{Value::integer(n), n ? Value::integer(start) : Value::none(),
                         n > 1 ? Value::integer(step) : Value::none()};
    Tuple tmp(in().types.tuple, std::move(t));
    return tmp.hash();
}

Value Range::iter() { return Value(new RangeIterator(in().types.rangeIterator, start, step, length())); }

Value Range::getItem(const Value& key) {
    Interpreter& I = in();
    if (auto* sl = key.dyn<Slice>()) {
        int64_t s, e, st, n;
        sl->indices(length(), s, e, st, n);
        return Value(new Range(I.types.range, start + s * step, start + e * step, step * st));
    }
    int64_t i = normIndex(ops::toIndex(key), length(), "range object index out of range");
    return Value::integer(start + i * step);
}

int Range::contains(const Value& v) {
    if (!v.isIntLike()) {
        if (v.isFloat()) {
            double d = v.asFloat();
            if (d != static_cast<double>(static_cast<int64_t>(d))) return 0;
            return contains(Value::integer(static_cast<int64_t>(d)));
        }
        return -1;
    }
    int64_t x = v.asInt();
    if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) return 0;
    return (x - start) % step == 0 ? 1 : 0;
}

Value Range::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Range>();
    if (!o || (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)) return {};
    int64_t n = length();
    bool eq = n == o->length() && (n == 0 || (start == o->start && (n == 1 || step == o->step)));
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

// --- slice -----------------------------------------------------------------------------------

void Slice::indices(int64_t length, int64_t& outStart, int64_t& outStop, int64_t& outStep, int64_t& outLen) const {
    Interpreter& I = in();
    auto idx = [&](const Value& v) {
        int64_t i;
        if (!ops::tryIndex(v, i))
            I.raise(I.types.TypeError, "slice indices must be integers or None or have an __index__ method");
        return i;
    };
    int64_t st = step.isNone() || step.isNull() ? 1 : idx(step);
    if (st == 0) I.raise(I.types.ValueError, "slice step cannot be zero");
    int64_t s, e;
    if (start.isNone() || start.isNull()) s = st < 0 ? length - 1 : 0;
    else {
        s = idx(start);
        if (s < 0) {
            s += length;
            if (s < 0) s = st < 0 ? -1 : 0;
        } else if (s >= length) s = st < 0 ? length - 1 : length;
    }
    if (stop.isNone() || stop.isNull()) e = st < 0 ? -1 : length;
    else {
        e = idx(stop);
        if (e < 0) {
            e += length;
            if (e < 0) e = st < 0 ? -1 : 0;
        } else if (e >= length) e = st < 0 ? length - 1 : length;
    }
    int64_t n = 0;
    if (st < 0) {
        if (e < s) n = (s - e - 1) / (-st) + 1;
    } else if (s < e) n = (e - s - 1) / st + 1;
    outStart = s;
    outStop = e;
    outStep = st;
    outLen = n;
}

std::string Slice::repr() {
    return "slice(" + ops::repr(start) + ", " + ops::repr(stop) + ", " + ops::repr(step) + ")";
}

int64_t Slice::hash() { in().raise(in().types.TypeError, "unhashable type: 'slice'"); }

Value Slice::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<Slice>();
    if (!o || (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)) return {};
    bool eq = ops::equals(start, o->start) && ops::equals(stop, o->stop) && ops::equals(step, o->step);
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

Value Slice::getAttr(Str* name) {
    Interpreter& I = in();
    if (name == I.names.start) return start;
    if (name == I.names.stop) return stop;
    if (name == I.names.step) return step;
    return {};
}

// --- iterators -------------------------------------------------------------------------------

bool SeqIterator::next(Value& out) {
    Object* o = seq.obj();
    if (!o) return false;
    // seq is a list or a tuple, or an object of a subclass of either (torch.Size is a tuple):
    // only lists are mutable during iteration, so their length is read at each step.
    const BuiltinTypes& types = Interpreter::current().types;
    const std::vector<Value>* items;
    if (o->type() == types.tuple) items = &static_cast<Tuple*>(o)->items;
    else if (o->type() == types.list) items = &static_cast<List*>(o)->items;
    else if (auto* l = dynamic_cast<List*>(o)) items = &l->items;
    else items = &static_cast<Tuple*>(o)->items;
    if (pos >= items->size()) {
        seq = Value();
        return false;
    }
    out = (*items)[pos++];
    return true;
}

std::string VectorIterator::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(this));
    return "<" + type()->name() + buf;
}

std::string NativeIterator::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(this));
    return "<" + kind + buf;
}

} // namespace gs::runtime
