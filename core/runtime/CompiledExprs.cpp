// Compiled expression nodes (see CompiledCode.h). Each fast path is the Evaluator's own fast
// path for that expression kind with the AST decisions (scope, operand kind, arity) taken once at
// compile time; every other case goes to the same slow path the Evaluator takes.
#include <type_traits>

#include "core/runtime/CompiledNodes.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"
#include "core/runtime/SmallVec.h"
#include "core/runtime/Str.h"

namespace gs::runtime::compiled {

using lang::BinOpKind;
using lang::CmpOpKind;

Value evalFallback(const XExpr* e, Frame& f) { return core(*e->I).eval().eval(e->ast, f); }

bool testAny(const XExpr* e, Frame& f) {
    Value v = e->eval(e, f);
    return v.isBool() ? v.asBool() : ops::truthy(v);
}

Value evalLocal(const XExpr* e, Frame& f) {
    const Value& v = f.fast[e->slot];
    if (!v.isNull()) [[likely]]
        return v;
    return evalFallback(e, f);  // UnboundLocalError, worded by the Evaluator
}

Value evalConst(const XExpr* e, Frame&) {
    auto* c = static_cast<const XConst*>(e);
    if (c->object) return Value(c->object);
    return c->inlineValue;
}

bool testConst(const XExpr* e, Frame& f) {
    auto* c = static_cast<const XConst*>(e);
    if (c->object) return testAny(e, f);
    return ops::truthy(c->inlineValue);
}

// Globals then builtins, cached by both dicts' keys versions (a value update keeps the entry
// index valid; adding or removing a key changes the version). The Evaluator fills the cache's
// misses and reports the load to an observer.
namespace {
[[gnu::noinline]] Value globalMiss(const XGlobal* g, Frame& f) {
    Interpreter& I = *g->I;
    Dict* globals = f.globals;
    Dict* builtins = I.builtinsDict();
    Value v = evalFallback(g, f);  // NameError and observer reports included
    Value key(g->name);
    int64_t i = globals->find(key);
    if (i >= 0) {
        g->index = static_cast<int32_t>(i);
    } else {
        i = builtins->find(key);
        if (i < 0) return v;
        g->index = static_cast<int32_t>(-2 - i);
    }
    g->globals = globals;
    g->globalsVersion = globals->keysVersion();
    g->builtinsVersion = builtins->keysVersion();
    return v;
}
} // namespace

Value evalGlobal(const XExpr* e, Frame& f) {
    auto* g = static_cast<const XGlobal*>(e);
    Interpreter& I = *e->I;
    Dict* globals = f.globals;
    if (globals == g->globals && globals->keysVersion() == g->globalsVersion && !I.observer()) [[likely]] {
        int32_t ix = g->index;
        if (ix >= 0) return globals->entryAt(static_cast<size_t>(ix)).value;
        Dict* builtins = I.builtinsDict();
        if (builtins->keysVersion() == g->builtinsVersion) return builtins->entryAt(static_cast<size_t>(-2 - ix)).value;
    }
    return globalMiss(g, f);
}

Value evalDeref(const XExpr* e, Frame& f) {
    auto* d = static_cast<const XDeref*>(e);
    const Value& cell = d->free ? f.closure[d->slot] : f.fast[d->slot];
    const Value& v = cell.as<Cell>()->value;
    if (!v.isNull() && !e->I->observer()) [[likely]]
        return v;
    return evalFallback(e, f);  // unbound messages, observer reports
}

// ---------------------------------------------------------------------------------------------
// Operators: one function per (operator, left operand kind, right operand kind) for the common
// operators, so the fast path is a few loads, a compare and no call. An operand read from a
// local slot is used in place, unless the other operand is an arbitrary expression evaluated
// after it (which could rebind or free the local): then it is copied first.

namespace {

[[noreturn, gnu::noinline]] void unboundOperand(const XExpr* x, Frame& f) {
    x->eval(x, f);  // the Evaluator raises UnboundLocalError for the Name
    __builtin_unreachable();
}

// Holds an operand: a reference to a slot or constant, or the value of an evaluated expression.
template <Operand K, bool Copy> struct Read;

template <bool Copy> struct Read<Operand::Local, Copy> {
    const Value& v;
    Read(const XExpr* x, int slot, const Value&, Frame& f) : v(checked(x, f.fast[slot], f)) {}
    static const Value& checked(const XExpr* x, const Value& v, Frame& f) {
        if (v.isNull()) [[unlikely]]
            unboundOperand(x, f);
        return v;
    }
};
template <> struct Read<Operand::Local, true> {
    Value v;
    Read(const XExpr* x, int slot, const Value&, Frame& f) : v(Read<Operand::Local, false>::checked(x, f.fast[slot], f)) {}
};
template <bool Copy> struct Read<Operand::Const, Copy> {
    const Value& v;
    Read(const XExpr*, int, const Value& c, Frame&) : v(c) {}
};
template <bool Copy> struct Read<Operand::Expr, Copy> {
    Value v;
    Read(const XExpr* x, int, const Value&, Frame& f) : v(x->eval(x, f)) {}
};

template <class Op, Operand L, Operand R> struct Operands {
    Read<L, R == Operand::Expr> l;
    Read<R, false> r;
    Operands(const XBinary* b, Frame& f)
        : l(b->left, b->leftSlot, b->leftConst, f), r(b->right, b->rightSlot, b->rightConst, f) {}
};

[[gnu::noinline]] Value binarySlow(const XBinary* b, const Value& l, const Value& r) {
    return core(*b->I).eval().evalBinOp(b->op, l, r);
}

struct Add {
    static bool apply(int64_t a, int64_t b, int64_t& r) { return !__builtin_add_overflow(a, b, &r); }
};
struct Sub {
    static bool apply(int64_t a, int64_t b, int64_t& r) { return !__builtin_sub_overflow(a, b, &r); }
};
struct Mul {
    static bool apply(int64_t a, int64_t b, int64_t& r) { return !__builtin_mul_overflow(a, b, &r); }
};
struct AnyBinary {  // the operator is read from the node; ints go through evalBinOp's fast paths
    static bool apply(int64_t, int64_t, int64_t&) { return false; }
};

template <class Op, Operand L, Operand R> Value evalBinary(const XExpr* e, Frame& f) {
    auto* b = static_cast<const XBinary*>(e);
    Operands<Op, L, R> o(b, f);
    int64_t res;
    if (o.l.v.isInt() && o.r.v.isInt() && Op::apply(o.l.v.asInt(), o.r.v.asInt(), res)) return Value::integer(res);
    return binarySlow(b, o.l.v, o.r.v);
}

// Single comparisons (chains are left to the Evaluator): ints inline, the rest as
// Evaluator::evalCompare does it.
[[gnu::noinline]] Value compareSlow(const XBinary* b, const Value& l, const Value& r) {
    if (l.isInt() && r.isInt()) {
        int64_t x = l.asInt(), y = r.asInt();
        switch (b->cmp) {
        case CmpOpKind::Lt: return Value::boolean(x < y);
        case CmpOpKind::LtE: return Value::boolean(x <= y);
        case CmpOpKind::Gt: return Value::boolean(x > y);
        case CmpOpKind::GtE: return Value::boolean(x >= y);
        case CmpOpKind::Eq: return Value::boolean(x == y);
        case CmpOpKind::NotEq: return Value::boolean(x != y);
        default: break;
        }
    }
    switch (b->cmp) {
    case CmpOpKind::Is: return Value::boolean(l.is(r));
    case CmpOpKind::IsNot: return Value::boolean(!l.is(r));
    case CmpOpKind::In: return Value::boolean(ops::contains(r, l));
    case CmpOpKind::NotIn: return Value::boolean(!ops::contains(r, l));
    default: return ops::compare(b->cmp, l, r);
    }
}

[[gnu::noinline]] bool compareSlowTest(const XBinary* b, const Value& l, const Value& r) {
    Value v = compareSlow(b, l, r);
    return v.isBool() ? v.asBool() : ops::truthy(v);
}

struct Lt {
    static bool apply(int64_t a, int64_t b) { return a < b; }
};
struct LtE {
    static bool apply(int64_t a, int64_t b) { return a <= b; }
};
struct Gt {
    static bool apply(int64_t a, int64_t b) { return a > b; }
};
struct GtE {
    static bool apply(int64_t a, int64_t b) { return a >= b; }
};
struct Eq {
    static bool apply(int64_t a, int64_t b) { return a == b; }
};
struct NotEq {
    static bool apply(int64_t a, int64_t b) { return a != b; }
};
struct AnyCompare {};

template <class Op, Operand L, Operand R> Value evalCompare(const XExpr* e, Frame& f) {
    auto* b = static_cast<const XBinary*>(e);
    Operands<Op, L, R> o(b, f);
    if constexpr (!std::is_same_v<Op, AnyCompare>)
        if (o.l.v.isInt() && o.r.v.isInt()) return Value::boolean(Op::apply(o.l.v.asInt(), o.r.v.asInt()));
    return compareSlow(b, o.l.v, o.r.v);
}

template <class Op, Operand L, Operand R> bool testCompare(const XExpr* e, Frame& f) {
    auto* b = static_cast<const XBinary*>(e);
    Operands<Op, L, R> o(b, f);
    if constexpr (!std::is_same_v<Op, AnyCompare>)
        if (o.l.v.isInt() && o.r.v.isInt()) return Op::apply(o.l.v.asInt(), o.r.v.asInt());
    return compareSlowTest(b, o.l.v, o.r.v);
}

// Operand kinds worth their own code: a local or any expression on the left, a local, a
// constant or any expression on the right; other shapes use the general (Expr, Expr) code.
template <class Fn, template <class, Operand, Operand> class Pick, class Op> Fn pickOperands(Operand l, Operand r) {
    if (l == Operand::Local) {
        if (r == Operand::Const) return Pick<Op, Operand::Local, Operand::Const>::fn;
        if (r == Operand::Local) return Pick<Op, Operand::Local, Operand::Local>::fn;
        return Pick<Op, Operand::Local, Operand::Expr>::fn;
    }
    if (l == Operand::Expr && r == Operand::Const) return Pick<Op, Operand::Expr, Operand::Const>::fn;
    if (l == Operand::Expr && r == Operand::Local) return Pick<Op, Operand::Expr, Operand::Local>::fn;
    return Pick<Op, Operand::Expr, Operand::Expr>::fn;
}

template <class Op, Operand L, Operand R> struct PickBinary { static constexpr XEvalFn fn = &evalBinary<Op, L, R>; };
template <class Op, Operand L, Operand R> struct PickCompare { static constexpr XEvalFn fn = &evalCompare<Op, L, R>; };
template <class Op, Operand L, Operand R> struct PickTest { static constexpr XTestFn fn = &testCompare<Op, L, R>; };

template <template <class, Operand, Operand> class Pick, class Fn> Fn pickCompare(CmpOpKind op, Operand l, Operand r) {
    switch (op) {
    case CmpOpKind::Lt: return pickOperands<Fn, Pick, Lt>(l, r);
    case CmpOpKind::LtE: return pickOperands<Fn, Pick, LtE>(l, r);
    case CmpOpKind::Gt: return pickOperands<Fn, Pick, Gt>(l, r);
    case CmpOpKind::GtE: return pickOperands<Fn, Pick, GtE>(l, r);
    case CmpOpKind::Eq: return pickOperands<Fn, Pick, Eq>(l, r);
    case CmpOpKind::NotEq: return pickOperands<Fn, Pick, NotEq>(l, r);
    default: return pickOperands<Fn, Pick, AnyCompare>(l, r);
    }
}

} // namespace

XEvalFn binaryFn(BinOpKind op, Operand l, Operand r) {
    switch (op) {
    case BinOpKind::Add: return pickOperands<XEvalFn, PickBinary, Add>(l, r);
    case BinOpKind::Sub: return pickOperands<XEvalFn, PickBinary, Sub>(l, r);
    case BinOpKind::Mult: return pickOperands<XEvalFn, PickBinary, Mul>(l, r);
    default: return pickOperands<XEvalFn, PickBinary, AnyBinary>(l, r);
    }
}
XEvalFn compareFn(CmpOpKind op, Operand l, Operand r) { return pickCompare<PickCompare, XEvalFn>(op, l, r); }
XTestFn compareTestFn(CmpOpKind op, Operand l, Operand r) { return pickCompare<PickTest, XTestFn>(op, l, r); }

Value evalBoolOp(const XExpr* e, Frame& f) {
    auto* b = static_cast<const XBoolOp*>(e);
    Value v;
    for (uint32_t i = 0; i < b->size; ++i) {
        const XExpr* x = b->values[i];
        v = x->eval(x, f);
        if (i + 1 == b->size) break;
        bool t = ops::truthy(v);
        if (b->isAnd ? !t : t) break;
    }
    return v;
}

// As a condition each operand's truth is taken once (CPython's jumps), not once more for the
// value the expression would produce.
bool testBoolOp(const XExpr* e, Frame& f) {
    auto* b = static_cast<const XBoolOp*>(e);
    for (uint32_t i = 0; i + 1 < b->size; ++i) {
        const XExpr* x = b->values[i];
        bool t = x->test(x, f);
        if (b->isAnd ? !t : t) return t;
    }
    const XExpr* last = b->values[b->size - 1];
    return last->test(last, f);
}

Value evalUnary(const XExpr* e, Frame& f) {
    auto* u = static_cast<const XUnary*>(e);
    if (u->op == lang::UnaryOpKind::Not) return Value::boolean(!u->operand->test(u->operand, f));
    Value v = u->operand->eval(u->operand, f);
    if (v.isInt() && u->op == lang::UnaryOpKind::USub && v.asInt() != INT64_MIN) return Value::integer(-v.asInt());
    return ops::unary(u->op, v);
}

bool testNot(const XExpr* e, Frame& f) {
    auto* u = static_cast<const XUnary*>(e);
    return !u->operand->test(u->operand, f);
}

Value evalIfExp(const XExpr* e, Frame& f) {
    auto* i = static_cast<const XIfExp*>(e);
    return i->test_->test(i->test_, f) ? i->body->eval(i->body, f) : i->orelse->eval(i->orelse, f);
}

Value evalAttr(const XExpr* e, Frame& f) {
    auto* a = static_cast<const XAttr*>(e);
    Value obj = a->object->eval(a->object, f);
    return loadAttr(*e->I, obj, a->name, a->cache);
}

Value evalSubscript(const XExpr* e, Frame& f) {
    auto* s = static_cast<const XSubscript*>(e);
    Value obj = s->object->eval(s->object, f);
    Value key = s->key->eval(s->key, f);
    Interpreter& I = *e->I;
    if (obj.isObj() && key.isInt() && !I.observer()) {
        Type* t = obj.obj()->type();
        const std::vector<Value>* items = nullptr;
        if (t == I.types.list) items = &obj.as<List>()->items;
        else if (t == I.types.tuple) items = &obj.as<Tuple>()->items;
        if (items) {
            int64_t i = key.asInt();
            auto n = static_cast<int64_t>(items->size());
            if (i < 0) i += n;
            if (i >= 0 && i < n) return (*items)[static_cast<size_t>(i)];
        }
    }
    return ops::getItem(obj, key);
}

namespace {
std::vector<Value> evalItems(const XSequence* s, Frame& f) {
    std::vector<Value> out;
    out.reserve(s->size);
    for (uint32_t i = 0; i < s->size; ++i) out.push_back(s->items[i]->eval(s->items[i], f));
    return out;
}
} // namespace

Value evalTuple(const XExpr* e, Frame& f) { return e->I->newTuple(evalItems(static_cast<const XSequence*>(e), f)); }
Value evalList(const XExpr* e, Frame& f) { return e->I->newList(evalItems(static_cast<const XSequence*>(e), f)); }

} // namespace gs::runtime::compiled
