// The generic object protocol (see Ops.h): dunder dispatch for scenario classes, native slots
// for everything else, and CPython's messages.
#include "core/runtime/Ops.h"
#include "core/runtime/OpsDetail.h"

#include <algorithm>
#include <string_view>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Format.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/LongInt.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

std::string typeName(const Value& v) { return ops::visibleTypeOf(v)->name(); }

namespace ops {
using detail::callDunder;

namespace {

Interpreter& in() { return Interpreter::current(); }

Str* dunderFor(BinOpKind op, int variant) {  // 0 normal, 1 reflected, 2 in-place
    Names& n = in().names;
    switch (op) {
    case BinOpKind::Add: return variant == 0 ? n.__add__ : variant == 1 ? n.__radd__ : n.__iadd__;
    case BinOpKind::Sub: return variant == 0 ? n.__sub__ : variant == 1 ? n.__rsub__ : n.__isub__;
    case BinOpKind::Mult: return variant == 0 ? n.__mul__ : variant == 1 ? n.__rmul__ : n.__imul__;
    case BinOpKind::MatMult: return variant == 0 ? n.__matmul__ : variant == 1 ? n.__rmatmul__ : n.__imatmul__;
    case BinOpKind::Div: return variant == 0 ? n.__truediv__ : variant == 1 ? n.__rtruediv__ : n.__itruediv__;
    case BinOpKind::FloorDiv: return variant == 0 ? n.__floordiv__ : variant == 1 ? n.__rfloordiv__ : n.__ifloordiv__;
    case BinOpKind::Mod: return variant == 0 ? n.__mod__ : variant == 1 ? n.__rmod__ : n.__imod__;
    case BinOpKind::Pow: return variant == 0 ? n.__pow__ : variant == 1 ? n.__rpow__ : n.__ipow__;
    case BinOpKind::LShift: return variant == 0 ? n.__lshift__ : variant == 1 ? n.__rlshift__ : n.__ilshift__;
    case BinOpKind::RShift: return variant == 0 ? n.__rshift__ : variant == 1 ? n.__rrshift__ : n.__irshift__;
    case BinOpKind::BitAnd: return variant == 0 ? n.__and__ : variant == 1 ? n.__rand__ : n.__iand__;
    case BinOpKind::BitOr: return variant == 0 ? n.__or__ : variant == 1 ? n.__ror__ : n.__ior__;
    case BinOpKind::BitXor: return variant == 0 ? n.__xor__ : variant == 1 ? n.__rxor__ : n.__ixor__;
    }
    return n.__add__;
}

Str* dunderFor(CmpOpKind op) {
    Names& n = in().names;
    switch (op) {
    case CmpOpKind::Eq: return n.__eq__;
    case CmpOpKind::NotEq: return n.__ne__;
    case CmpOpKind::Lt: return n.__lt__;
    case CmpOpKind::LtE: return n.__le__;
    case CmpOpKind::Gt: return n.__gt__;
    case CmpOpKind::GtE: return n.__ge__;
    default: return n.__eq__;
    }
}

CmpOpKind reflect(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Lt: return CmpOpKind::Gt;
    case CmpOpKind::LtE: return CmpOpKind::GtE;
    case CmpOpKind::Gt: return CmpOpKind::Lt;
    case CmpOpKind::GtE: return CmpOpKind::LtE;
    default: return op;
    }
}

bool isNotImpl(const Value& v) { return v.isNull() || v.is(in().notImplemented()); }

bool isNumeric(const Value& v) { return v.isInt() || v.isFloat() || v.isBool(); }

Value tryRich(const Value& x, CmpOpKind op, const Value& y) {
    Object* o = x.obj();
    if (!o) {
        if (isNumeric(x) && isNumeric(y)) return Value::boolean(numbers::compare(op, x, y));
        return {};
    }
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), dunderFor(op));
        if (fn) {
            if (fn.isNone()) return {};
            return callDunder(fn, x, y);
        }
        if (op == CmpOpKind::NotEq) {
            Value eq = findDunder(o->type(), in().names.__eq__);
            if (eq && !eq.isNone()) {
                Value r = callDunder(eq, x, y);
                if (isNotImpl(r)) return r;
                return Value::boolean(!truthy(r));
            }
        }
    }
    Value r = o->richCompare(op, y);
    if (isNotImpl(r) && op == CmpOpKind::NotEq) {
        Value eq = o->richCompare(CmpOpKind::Eq, y);
        if (!isNotImpl(eq)) return Value::boolean(!truthy(eq));
    }
    return r;
}

Value tryBinary(const Value& x, BinOpKind op, const Value& y, bool reflected) {
    Object* o = x.obj();
    if (!o) return {};
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), dunderFor(op, reflected ? 1 : 0));
        if (fn) return callDunder(fn, x, y);
    }
    return o->binaryOp(op, y, reflected);
}

const char* cmpSymbol(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    case CmpOpKind::Eq: return "==";
    default: return "!=";
    }
}

} // namespace

Type* typeOf(const Value& v) {
    Interpreter& I = in();
    switch (v.tag()) {
    case Tag::Int: return I.types.int_;
    case Tag::Float: return I.types.float_;
    case Tag::Bool: return I.types.bool_;
    case Tag::Obj: return v.obj()->type();
    default: return I.types.noneType;
    }
}

Type* visibleTypeOf(const Value& v) {
    if (Object* o = v.obj()) {
        if (Type* t = o->visibleType()) return t;
        return o->type();
    }
    return typeOf(v);
}

bool isInstance(const Value& v, Type* t) {
    if (visibleTypeOf(v)->isSubtypeOf(t)) return true;
    return v.isObj() && v.obj()->type()->isSubtypeOf(t);
}

bool isSubclass(Type* a, Type* b) { return a->isSubtypeOf(b); }

Value findDunder(Type* t, Str* name) {
    if (!t->heap) return {};
    Type* owner = nullptr;
    Value v = t->lookupWithOwner(name, owner);
    if (!(v && owner->heap)) v = Value();
    if (TraceObserver* ob = in().observer()) ob->onSpecialMethod(t, name, v);
    return v;
}

namespace {
// TraceObserver::onUse for the operations below (nothing to do without an observer).
inline void used(const Value& v) {
    if (v.isObj())
        if (TraceObserver* ob = in().observer()) ob->onUse(v);
}
} // namespace

std::string repr(const Value& v) {
    switch (v.tag()) {
    case Tag::None: return "None";
    case Tag::Bool: return v.asBool() ? "True" : "False";
    case Tag::Int: return std::to_string(v.asInt());
    case Tag::Float: return numbers::floatRepr(v.asFloat());
    case Tag::Null: return "<NULL>";
    case Tag::Obj: break;
    }
    used(v);
    Object* o = v.obj();
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), in().names.__repr__);
        if (fn) {
            Value r = callDunder(fn, v);
            auto* s = r.dyn<Str>();
            if (!s) in().raise(in().types.TypeError, "__repr__ returned non-string (type " + typeName(r) + ")");
            return s->s();
        }
    }
    return o->repr();
}

std::string str(const Value& v) {
    Object* o = v.obj();
    if (!o) return repr(v);
    used(v);
    if (o->type() == in().types.str) return static_cast<Str*>(o)->s();
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), in().names.__str__);
        if (fn) {
            Value r = callDunder(fn, v);
            auto* s = r.dyn<Str>();
            if (!s) in().raise(in().types.TypeError, "__str__ returned non-string (type " + typeName(r) + ")");
            return s->s();
        }
        if (!dynamic_cast<ExceptionObject*>(o) && !dynamic_cast<Str*>(o)) return repr(v);
    }
    return o->str();
}

std::string format(const Value& v, std::string_view spec) {
    Object* o = v.obj();
    if (!o) {
        if (v.isNone() || v.isNull()) {
            if (!spec.empty()) in().raise(in().types.TypeError, "unsupported format string passed to NoneType.__format__");
            return "None";
        }
        return numbers::format(v, spec);
    }
    used(v);
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), in().names.__format__);
        if (fn) {
            Value r = callDunder(fn, v, in().newStr(spec));
            auto* s = r.dyn<Str>();
            if (!s) in().raise(in().types.TypeError, "__format__ must return a str, not " + typeName(r));
            return s->s();
        }
        if (spec.empty()) return str(v);
    }
    return o->format(spec);
}

bool truthy(const Value& v) {
    switch (v.tag()) {
    case Tag::None: return false;
    case Tag::Bool:
    case Tag::Int: return v.asInt() != 0;
    case Tag::Float: return v.asFloat() != 0.0;
    case Tag::Null: return false;
    case Tag::Obj: break;
    }
    Object* o = v.obj();
    Interpreter& I = in();
    used(v);
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), I.names.__bool__);
        if (fn) {
            Value r = callDunder(fn, v);
            if (!r.isBool()) I.raise(I.types.TypeError, "__bool__ should return bool, returned " + typeName(r));
            return r.asBool();
        }
        fn = findDunder(o->type(), I.names.__len__);
        if (fn) return length(v) != 0;
    }
    int t = o->truth();
    if (t >= 0) return t != 0;
    int64_t n = o->len();
    if (n >= 0) {
        if (TraceObserver* ob = I.observer()) ob->onLen(v);
        return n != 0;
    }
    return true;
}

int64_t hash(const Value& v) {
    switch (v.tag()) {
    case Tag::Int:
    case Tag::Bool: return numbers::intHash(v.asInt());
    case Tag::Float: return numbers::floatHash(v.asFloat());
    case Tag::None: return 0x4d8a3c1;
    case Tag::Null: return 0;
    case Tag::Obj: break;
    }
    Object* o = v.obj();
    Interpreter& I = in();
    used(v);
    if (o->type()->heap) {
        Type* owner = nullptr;
        Value fn = o->type()->lookupWithOwner(I.names.__hash__, owner);
        if (fn && fn.isNone()) I.raise(I.types.TypeError, "unhashable type: '" + typeName(v) + "'");
        if (fn && owner->heap) {
            Value r = callDunder(fn, v);
            // As CPython's slot_tp_hash: a result that fits a machine word is the hash itself
            // (-1 is reserved: -2), a bigger int is hashed as an int.
            if (r.isIntLike()) return r.asInt() == -1 ? -2 : r.asInt();
            if (r.dyn<LongInt>()) return hash(r);
            I.raise(I.types.TypeError, "__hash__ method should return an integer");
        }
    }
    return o->hash();
}

int64_t length(const Value& v) {
    Interpreter& I = in();
    Object* o = v.obj();
    if (o) {
        if (TraceObserver* ob = I.observer()) {
            ob->onLen(v);
            ob->onUse(v);
        }
        if (o->type()->heap) {
            Value fn = findDunder(o->type(), I.names.__len__);
            if (fn) {
                Value r = callDunder(fn, v);
                int64_t n;
                if (!tryIndex(r, n)) I.raise(I.types.TypeError, "'" + typeName(r) + "' object cannot be interpreted as an integer");
                if (n < 0) I.raise(I.types.ValueError, "__len__() should return >= 0");
                return n;
            }
        }
        int64_t n = o->len();
        if (n >= 0) return n;
    }
    I.raise(I.types.TypeError, "object of type '" + typeName(v) + "' has no len()");
}

Value compare(CmpOpKind op, const Value& a, const Value& b) {
    if (isNumeric(a) && isNumeric(b)) return Value::boolean(numbers::compare(op, a, b));
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) {
        ob->onUse(a);
        ob->onUse(b);
        ob->onReadItems(a);  // xs == ys, xs < ys compare the items
        ob->onReadItems(b);
    }
    Type* ta = typeOf(a);
    Type* tb = typeOf(b);
    bool reversedFirst = ta != tb && tb->isSubtypeOf(ta) && tb->heap && findDunder(tb, dunderFor(reflect(op)));
    Value r;
    if (reversedFirst) {
        r = tryRich(b, reflect(op), a);
        if (!isNotImpl(r)) return r;
    }
    r = tryRich(a, op, b);
    if (!isNotImpl(r)) return r;
    if (!reversedFirst) {
        r = tryRich(b, reflect(op), a);
        if (!isNotImpl(r)) return r;
    }
    if (op == CmpOpKind::Eq) return Value::boolean(a.is(b));
    if (op == CmpOpKind::NotEq) return Value::boolean(!a.is(b));
    I.raise(I.types.TypeError, std::string("'") + cmpSymbol(op) + "' not supported between instances of '" +
                                   typeName(a) + "' and '" + typeName(b) + "'");
}

bool compareBool(CmpOpKind op, const Value& a, const Value& b) {
    if (a.isInt() && b.isInt()) {
        switch (op) {
        case CmpOpKind::Lt: return a.asInt() < b.asInt();
        case CmpOpKind::LtE: return a.asInt() <= b.asInt();
        case CmpOpKind::Gt: return a.asInt() > b.asInt();
        case CmpOpKind::GtE: return a.asInt() >= b.asInt();
        case CmpOpKind::Eq: return a.asInt() == b.asInt();
        case CmpOpKind::NotEq: return a.asInt() != b.asInt();
        default: break;
        }
    }
    Value r = compare(op, a, b);
    return r.isBool() ? r.asBool() : truthy(r);
}

bool equals(const Value& a, const Value& b) {
    if (a.isObj() && a.obj() == b.obj()) return true;
    if (a.isObj() && b.isObj()) {
        Object* x = a.obj();
        Object* y = b.obj();
        Interpreter& I = in();
        if (TraceObserver* ob = I.observer()) {
            ob->onUse(a);
            ob->onUse(b);
        }
        if (x->type() == I.types.str && y->type() == I.types.str)
            return static_cast<Str*>(x)->view() == static_cast<Str*>(y)->view();
    }
    return compareBool(CmpOpKind::Eq, a, b);
}

bool less(const Value& a, const Value& b) { return compareBool(CmpOpKind::Lt, a, b); }

Value binary(BinOpKind op, const Value& a, const Value& b) {
    if (isNumeric(a) && isNumeric(b)) return numbers::binary(op, a, b);
    used(a);
    used(b);
    if (TraceObserver* ob = in().observer()) {
        ob->onReadItems(a);  // xs + ys, xs * 2, d | e copy the items
        ob->onReadItems(b);
    }
    Type* ta = typeOf(a);
    Type* tb = typeOf(b);
    bool reversedFirst = ta != tb && tb->isSubtypeOf(ta) && tb->heap && findDunder(tb, dunderFor(op, 1));
    Value r;
    if (reversedFirst) {
        r = tryBinary(b, op, a, true);
        if (!isNotImpl(r)) return r;
    }
    r = tryBinary(a, op, b, false);
    if (!isNotImpl(r)) return r;
    if (!reversedFirst && ta != tb) {
        r = tryBinary(b, op, a, true);
        if (!isNotImpl(r)) return r;
    } else if (!reversedFirst && ta == tb && !ta->heap && b.isObj()) {
        // same native type: the type's own reflected slot (e.g. proxy * proxy)
        r = tryBinary(b, op, a, true);
        if (!isNotImpl(r)) return r;
    }
    Interpreter& I = in();
    if (op == BinOpKind::Mult) {
        auto isSeq = [&](Type* t) { return t == I.types.str || t == I.types.list || t == I.types.tuple || t == I.types.bytes; };
        if (isSeq(ta) || isSeq(tb))
            I.raise(I.types.TypeError, "can't multiply sequence by non-int of type '" + typeName(isSeq(ta) ? b : a) + "'");
    }
    std::string sym(lang::toString(op));
    if (op == BinOpKind::Pow) sym = "** or pow()";
    I.raise(I.types.TypeError, "unsupported operand type(s) for " + sym + ": '" + typeName(a) + "' and '" +
                                   typeName(b) + "'");
}

Value inplace(BinOpKind op, const Value& a, const Value& b) {
    if (Object* o = a.obj()) {
        if (o->type()->heap) {
            Value fn = findDunder(o->type(), dunderFor(op, 2));
            if (fn) {
                Value r = callDunder(fn, a, b);
                if (!isNotImpl(r)) return r;
            }
        }
        Value r = o->inplaceOp(op, b);
        if (!isNotImpl(r)) {
            // `xs += ys` on a list (set |=, dict |=) changed the object in place.
            if (TraceObserver* ob = in().observer()) ob->onMutate(a);
            return r;
        }
    }
    try {
        return binary(op, a, b);
    } catch (PyError& e) {
        // CPython words the in-place failure with the augmented operator ("+=").
        Interpreter& I = in();
        if (e.exception()->type() == I.types.TypeError && e.message().rfind("unsupported operand type(s) for ", 0) == 0) {
            std::string sym(lang::toString(op));
            I.raise(I.types.TypeError, "unsupported operand type(s) for " + sym + "=: '" + typeName(a) + "' and '" +
                                           typeName(b) + "'");
        }
        throw;
    }
}

Value unary(UnaryOpKind op, const Value& a) {
    Interpreter& I = in();
    if (op == UnaryOpKind::Not) return Value::boolean(!truthy(a));
    if (isNumeric(a)) return numbers::unary(op, a);
    if (Object* o = a.obj()) {
        if (o->type()->heap) {
            Str* n = op == UnaryOpKind::USub ? I.names.__neg__ : op == UnaryOpKind::UAdd ? I.names.__pos__ : I.names.__invert__;
            Value fn = findDunder(o->type(), n);
            if (fn) return callDunder(fn, a);
        }
        Value r = o->unaryOp(op);
        if (!isNotImpl(r)) return r;
    }
    I.raise(I.types.TypeError, "bad operand type for unary " + std::string(lang::toString(op)) + ": '" + typeName(a) + "'");
}

// --- attributes ------------------------------------------------------------------------------

Value getItem(const Value& obj, const Value& key) {
    Interpreter& I = in();
    Object* o = obj.obj();
    Value r;
    if (!o) I.raise(I.types.TypeError, "'" + typeName(obj) + "' object is not subscriptable");
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), I.names.__getitem__);
        if (fn) r = callDunder(fn, obj, key);
    }
    if (r.isNull()) {
        if (TraceObserver* ob = I.observer()) {
            try {
                r = o->getItem(key);
            } catch (...) {
                ob->onMissingItem(obj, key);  // d[k] raised KeyError: k's absence decided something
                throw;
            }
        } else {
            r = o->getItem(key);
        }
        if (r.isNull()) {
            if (o->type() == I.types.type) {
                Value cg = static_cast<Type*>(o)->lookup(I.names.__class_getitem__);
                if (cg) r = call1(bindDescriptor(cg.dyn<ClassMethod>() ? cg : Value(new ClassMethod(I.types.classmethod, cg)),
                                                 obj, static_cast<Type*>(o)),
                                  key);
                else r = obj;  // list[int] and friends: the generic alias is the class itself here
            } else {
                I.raise(I.types.TypeError, "'" + typeName(obj) + "' object is not subscriptable");
            }
        }
    }
    if (TraceObserver* ob = I.observer()) ob->onGetItem(obj, key, r);
    return r;
}

void setItem(const Value& obj, const Value& key, const Value& v) {
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) ob->onMutate(obj);
    Object* o = obj.obj();
    if (o) {
        if (o->type()->heap) {
            Value fn = findDunder(o->type(), I.names.__setitem__);
            if (fn) {
                callDunder(fn, obj, key, v);
                return;
            }
        }
        if (o->setItem(key, v)) return;
    }
    I.raise(I.types.TypeError, "'" + typeName(obj) + "' object does not support item assignment");
}

void delItem(const Value& obj, const Value& key) {
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) ob->onMutate(obj);
    Object* o = obj.obj();
    if (o) {
        if (o->type()->heap) {
            Value fn = findDunder(o->type(), I.names.__delitem__);
            if (fn) {
                callDunder(fn, obj, key);
                return;
            }
        }
        if (o->delItem(key)) return;
    }
    I.raise(I.types.TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
}

static bool containsImpl(const Value& container, const Value& item);

bool contains(const Value& container, const Value& item) {
    TraceObserver* ob = in().observer();
    if (!ob) return containsImpl(container, item);
    ob->onUse(item);
    bool found = containsImpl(container, item);
    ob->onContains(container, item, found);
    return found;
}

static bool containsImpl(const Value& container, const Value& item) {
    Interpreter& I = in();
    Object* o = container.obj();
    if (!o) I.raise(I.types.TypeError, "argument of type '" + typeName(container) + "' is not iterable");
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), I.names.__contains__);
        if (fn) return truthy(callDunder(fn, container, item));
    }
    if (!o->type()->heap || !findDunder(o->type(), I.names.__iter__)) {
        int r = o->contains(item);
        if (r >= 0) return r != 0;
    }
    Value it = getIter(container);
    Value v;
    while (next(it, v))
        if (equals(v, item)) return true;
    return false;
}

Value getIter(const Value& v) {
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) {
        core(I).eval().notifyIterate(ob, v);
        if (Value instead = ob->iterateAs(v); !instead.isNull() && !instead.is(v)) return getIter(instead);
    }
    Object* o = v.obj();
    if (o) {
        if (o->type()->heap) {
            Value fn = findDunder(o->type(), I.names.__iter__);
            if (fn) {
                Value it = callDunder(fn, v);
                Object* io = it.obj();
                if (!io || !(io->isIterator() || findDunder(io->type(), I.names.__next__)))
                    I.raise(I.types.TypeError, "iter() returned non-iterator of type '" + typeName(it) + "'");
                return it;
            }
            Value gi = findDunder(o->type(), I.names.__getitem__);
            if (gi) {
                auto idx = std::make_shared<int64_t>(0);
                return Value(new NativeIterator(I.types.nativeIterator, "iterator", [gi, v, idx](Value& out) {
                    Interpreter& I2 = Interpreter::current();
                    try {
                        out = callDunder(gi, v, Value::integer((*idx)++));
                        return true;
                    } catch (PyError& e) {
                        if (e.exception()->type()->isSubtypeOf(I2.types.IndexError) ||
                            e.exception()->type()->isSubtypeOf(I2.types.StopIteration))
                            return false;
                        throw;
                    }
                }));
            }
        }
        Value it = o->iter();
        if (it) return it;
    }
    I.raise(I.types.TypeError, "'" + typeName(v) + "' object is not iterable");
}

bool next(const Value& iterator, Value& out) {
    Object* o = iterator.obj();
    Interpreter& I = in();
    if (!o) I.raise(I.types.TypeError, "'" + typeName(iterator) + "' object is not an iterator");
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), I.names.__next__);
        if (fn) {
            try {
                out = callDunder(fn, iterator);
                return true;
            } catch (PyError& e) {
                if (e.exception()->type()->isSubtypeOf(I.types.StopIteration)) return false;
                throw;
            }
        }
    }
    if (!o->isIterator()) I.raise(I.types.TypeError, "'" + typeName(iterator) + "' object is not an iterator");
    // A native loop (sum, max, sorted, list, "".join... over a range or a list) takes no steps:
    // every 65,536 items it checks the time limit, Cancel and memory as a step would.
    thread_local uint32_t nativeItems = 0;
    if (++nativeItems >= (1u << 16)) {
        nativeItems = 0;
        I.checkInterrupts();
    }
    return o->next(out);
}

std::vector<Value> toVector(const Value& iterable) {
    Interpreter& I = in();
    if (Object* o = iterable.obj()) {
        if (o->type() == I.types.list || o->type() == I.types.tuple) {
            if (TraceObserver* ob = I.observer()) {
                ob->onIterate(iterable);
                if (Value instead = ob->iterateAs(iterable); !instead.isNull() && !instead.is(iterable)) return toVector(instead);
            }
            return o->type() == I.types.list ? static_cast<List*>(o)->items : static_cast<Tuple*>(o)->items;
        }
    }
    std::vector<Value> out;
    Value it = getIter(iterable);
    Value v;
    while (next(it, v)) {
        out.push_back(std::move(v));
        core(I).step();
    }
    return out;
}

// --- calls -----------------------------------------------------------------------------------

namespace {
// Natives and native types whose call reads no item of a container argument by itself: they
// store it, look at the container (its length, type or identity), iterate it through
// getIter/toVector (whose observer hook hands out the items one by one), or are the engine's
// own wrappers (d.get, id, print) that guard what they read.
bool readsNoItems(std::string_view name) {
    static constexpr std::string_view names[] = {
        "append", "insert", "extend", "len", "isinstance", "issubclass", "id", "type", "iter", "next", "callable",
        "hasattr", "getattr", "setattr", "delattr", "enumerate", "zip", "map", "filter", "reversed", "any", "all",
        "list", "tuple", "set", "frozenset", "bool", "object", "super", "property", "staticmethod", "classmethod",
        "slice", "range", "keys", "values", "items", "get", "print", "__len__", "clear"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}
} // namespace

Value call(const Value& f, const CallArgs& args) {
    Interpreter& I = in();
    Object* o = f.obj();
    if (!o) I.raise(I.types.TypeError, "'" + typeName(f) + "' object is not callable");
    Type* t = o->type();
    if (t == I.types.function) return I.callFunction(static_cast<Function*>(o), args);
    if (t->heap) {
        Value fn = findDunder(t, I.names.__call__);
        if (fn) {
            std::vector<Value> a;
            a.reserve(args.size() + 1);
            a.push_back(f);
            a.insert(a.end(), args.pos.begin(), args.pos.end());
            return call(fn, CallArgs{std::span<const Value>(a.data(), a.size()), args.kw});
        }
        if (!o->callable()) I.raise(I.types.TypeError, "'" + typeName(f) + "' object is not callable");
    }
    if (TraceObserver* ob = I.observer()) {
        // A native function, or a native type called as a constructor (dict(d), str(xs)),
        // computes with its arguments and their items, except those that only store them
        // (list.append), look at the container itself (len, isinstance, id) or hand out its items
        // one by one through the iteration hooks (iter, enumerate, list(xs), any).
        const std::string* name = nullptr;
        bool native = t == I.types.builtinFunction;
        if (native) name = &static_cast<NativeFunction*>(o)->name;
        else if (t == I.types.type && !static_cast<Type*>(o)->heap) name = &static_cast<Type*>(o)->name();
        bool stores = native && (*name == "append" || *name == "insert" || *name == "extend");
        bool items = name && !readsNoItems(*name);
        if (name && !stores && (native || items)) {
            for (const auto& a : args.pos) {
                ob->onUse(a);
                ob->onUseItems(a);
                if (items) ob->onReadItems(a);
            }
            for (const auto& k : args.kw) {
                ob->onUse(k.value);
                ob->onUseItems(k.value);
                if (items) ob->onReadItems(k.value);
            }
        }
    }
    return o->call(args);
}

Value call0(const Value& f) { return call(f, CallArgs{}); }
Value call1(const Value& f, const Value& a) {
    Value v[1] = {a};
    return call(f, CallArgs{std::span<const Value>(v, 1), {}});
}
Value call2(const Value& f, const Value& a, const Value& b) {
    Value v[2] = {a, b};
    return call(f, CallArgs{std::span<const Value>(v, 2), {}});
}

Value callMethod(const Value& obj, Str* name, std::initializer_list<Value> args) {
    Value m = getAttr(obj, name);
    return call(m, CallArgs{std::span<const Value>(args.begin(), args.size()), {}});
}

bool isCallable(const Value& v) {
    Object* o = v.obj();
    if (!o) return false;
    if (o->type()->heap) return !findDunder(o->type(), in().names.__call__).isNull() || o->callable();
    return o->callable();
}

// --- conversions -----------------------------------------------------------------------------

bool tryIndex(const Value& v, int64_t& out) {
    if (v.isIntLike()) {
        out = v.asInt();
        return true;
    }
    Object* o = v.obj();
    if (!o) return false;
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), in().names.__index__);
        if (fn) {
            Value r = callDunder(fn, v);
            if (!r.isIntLike()) in().raise(in().types.TypeError, "__index__ returned non-int (type " + typeName(r) + ")");
            out = r.asInt();
            return true;
        }
    }
    return o->toIndex(out);
}

int64_t toIndex(const Value& v) {
    int64_t out;
    if (tryIndex(v, out)) return out;
    in().raise(in().types.TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
}

bool tryDouble(const Value& v, double& out) {
    switch (v.tag()) {
    case Tag::Int:
    case Tag::Bool: out = static_cast<double>(v.asInt()); return true;
    case Tag::Float: out = v.asFloat(); return true;
    case Tag::Obj: break;
    default: return false;
    }
    Object* o = v.obj();
    if (o->type()->heap) {
        Value fn = findDunder(o->type(), in().names.__float__);
        if (fn) {
            Value r = callDunder(fn, v);
            if (!r.isFloat()) in().raise(in().types.TypeError, "__float__ returned non-float (type " + typeName(r) + ")");
            out = r.asFloat();
            return true;
        }
        fn = findDunder(o->type(), in().names.__index__);
        if (fn) {
            out = static_cast<double>(toIndex(v));
            return true;
        }
    }
    if (o->toFloat(out)) return true;
    int64_t i;
    if (o->toIndex(i)) {
        out = static_cast<double>(i);
        return true;
    }
    return false;
}

double toDouble(const Value& v) {
    double d;
    if (tryDouble(v, d)) return d;
    in().raise(in().types.TypeError, "must be real number, not " + typeName(v));
}

} // namespace ops
} // namespace gs::runtime