// Expression evaluation. Fast paths for int arithmetic and comparisons, local slots, cached
// global lookups and method calls without bound-method objects; everything else goes through
// the generic protocol in Ops.
#include "core/runtime/Evaluator.h"

#include <cmath>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Format.h"
#include "core/runtime/Generator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/Set.h"
#include "core/runtime/SmallVec.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

using namespace gs::lang;

ValueStack::ValueStack(size_t chunk) : chunk_(chunk) {}
ValueStack::~ValueStack() = default;

Value* ValueStack::alloc(size_t n) {
    while (true) {
        if (current_ < chunks_.size()) {
            Chunk& c = chunks_[current_];
            if (c.used + n <= c.size) {
                Value* p = c.data.get() + c.used;
                c.used += n;
                return p;
            }
            if (c.used == 0) {  // too small even when empty: replace it
                c.size = std::max(n, c.size * 2);
                c.data.reset(new Value[c.size]);
                continue;
            }
            ++current_;
            continue;
        }
        Chunk c;
        c.size = std::max(n, chunk_);
        c.data.reset(new Value[c.size]);
        chunks_.push_back(std::move(c));
    }
}

void ValueStack::release(Value* p, size_t n) {
    for (size_t i = 0; i < n; ++i) p[i] = Value();
    while (true) {
        Chunk& c = chunks_[current_];
        if (p >= c.data.get() && p < c.data.get() + c.size) {
            c.used = static_cast<size_t>(p - c.data.get());
            return;
        }
        // p belongs to an earlier chunk: this one must be empty now
        c.used = 0;
        if (current_ == 0) return;
        --current_;
    }
}

Evaluator::Evaluator(Interpreter& in) : I(in) {}

// onIterate is reported for the containers whose contents a tracer must guard (list, tuple,
// dict and their subclasses), the same set for every kind of iteration.
void Evaluator::notifyIterate(TraceObserver* o, const Value& v) {
    Object* obj = v.obj();
    if (obj && (dynamic_cast<runtime::List*>(obj) || dynamic_cast<runtime::Tuple*>(obj) || dynamic_cast<runtime::Dict*>(obj)))
        o->onIterate(v);
}

namespace {

[[noreturn]] void unboundLocal(Interpreter& I, const std::string& name) {
    I.raise(I.types.UnboundLocalError,
            "cannot access local variable '" + name + "' where it is not associated with a value");
}
[[noreturn]] void unboundFree(Interpreter& I, const std::string& name) {
    I.raise(I.types.NameError, "cannot access free variable '" + name +
                                   "' where it is not associated with a value in enclosing scope");
}

} // namespace

// The hot expression kinds are dispatched here with small code paths; everything else goes
// to evalOther (kept out of line so this function's frame stays small).
Value Evaluator::eval(const Expr* e, Frame& f) {
    switch (e->kind) {
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        if (n->scope == NameScope::Local) {
            const Value& v = f.fast[n->slot];
            if (!v.isNull()) return v;
        }
        return evalName(n, f);
    }
    case ExprKind::Constant: {
        auto* c = static_cast<const Constant*>(e);
        if (c->type == Constant::Type::Int) return Value::integer(c->i);
        return evalConstant(c);
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        Value l = eval(b->left.get(), f);
        Value r = eval(b->right.get(), f);
        return evalBinOp(b->op, l, r);
    }
    case ExprKind::Compare:
        return evalCompare(static_cast<const Compare*>(e), f);
    case ExprKind::Call:
        return evalCall(static_cast<const Call*>(e), f);
    case ExprKind::Attribute:
        return evalAttribute(static_cast<const Attribute*>(e), f);
    case ExprKind::Subscript:
        return evalSubscript(static_cast<const Subscript*>(e), f);
    default:
        return evalOther(e, f);
    }
}

Value Evaluator::evalOther(const Expr* e, Frame& f) {
    switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Constant:
    case ExprKind::BinOp:
    case ExprKind::Compare:
    case ExprKind::Call:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        return eval(e, f);
    case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        Value v;
        for (size_t i = 0; i < b->values.size(); ++i) {
            v = eval(b->values[i].get(), f);
            if (i + 1 == b->values.size()) break;
            bool t = ops::truthy(v);
            if (b->op == BoolOpKind::And ? !t : t) break;
        }
        return v;
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(e);
        Value v = eval(u->operand.get(), f);
        if (u->op == UnaryOpKind::Not) return Value::boolean(!ops::truthy(v));
        if (v.isInt() && u->op == UnaryOpKind::USub && v.asInt() != INT64_MIN) return Value::integer(-v.asInt());
        return ops::unary(u->op, v);
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        return ops::truthy(eval(i->test.get(), f)) ? eval(i->body.get(), f) : eval(i->orelse.get(), f);
    }
    case ExprKind::List:
        return I.newList(evalSeqElements(static_cast<const lang::List*>(e)->elts, f));
    case ExprKind::Tuple:
        return I.newTuple(evalSeqElements(static_cast<const lang::Tuple*>(e)->elts, f));
    case ExprKind::Set: {
        auto s = make<SetObject>(I.types.set, false);
        for (auto& v : evalSeqElements(static_cast<const lang::Set*>(e)->elts, f)) s->add(v);
        return s;
    }
    case ExprKind::Dict: {
        auto* d = static_cast<const lang::Dict*>(e);
        Ref<runtime::Dict> out = I.newDict();
        for (size_t i = 0; i < d->values.size(); ++i) {
            if (!d->keys[i]) {
                Value m = eval(d->values[i].get(), f);
                if (auto* md = m.dyn<runtime::Dict>()) {
                    for (const auto& en : md->entries())
                        if (!en.key.isNull()) out->set(en.key, en.value);
                } else {
                    Value keys = ops::callMethod(m, I.intern("keys"), {});
                    for (auto& k : ops::toVector(keys)) out->set(k, ops::getItem(m, k));
                }
                continue;
            }
            Value k = eval(d->keys[i].get(), f);
            Value v = eval(d->values[i].get(), f);
            out->set(k, v);
        }
        return out;
    }
    case ExprKind::JoinedStr:
        return evalJoinedStr(static_cast<const JoinedStr*>(e), f);
    case ExprKind::FormattedValue:
        return evalFormattedValue(static_cast<const FormattedValue*>(e), f);
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
        return evalComprehension(static_cast<const Comp*>(e), f);
    case ExprKind::Lambda:
        return evalLambda(static_cast<const Lambda*>(e), f);
    case ExprKind::Slice: {
        auto* s = static_cast<const lang::Slice*>(e);
        Value lo = s->lower ? eval(s->lower.get(), f) : Value::none();
        Value hi = s->upper ? eval(s->upper.get(), f) : Value::none();
        Value st = s->step ? eval(s->step.get(), f) : Value::none();
        return make<runtime::Slice>(I.types.slice, lo, hi, st);
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        Value v = eval(n->value.get(), f);
        storeName(static_cast<const Name*>(n->target.get()), v, f);
        return v;
    }
    case ExprKind::Starred:
        I.raise("SyntaxError", "can't use starred expression here");
    case ExprKind::Yield: {
        auto* y = static_cast<const Yield*>(e);
        if (!f.generator) I.raise("SyntaxError", "'yield' outside function");
        return f.generator->yieldValue(y->value ? eval(y->value.get(), f) : Value::none());
    }
    case ExprKind::YieldFrom: {
        auto* y = static_cast<const YieldFrom*>(e);
        if (!f.generator) I.raise("SyntaxError", "'yield' outside function");
        Value it = ops::getIter(eval(y->value.get(), f));
        if (auto* g = dynamic_cast<Generator*>(it.obj())) {
            Value out, sent = Value::none();
            while (g->resume(sent, out)) sent = f.generator->yieldValue(out);
            return g->returnValue.isNull() ? Value::none() : g->returnValue;
        }
        Value v;
        while (ops::next(it, v)) f.generator->yieldValue(v);
        return Value::none();
    }
    }
    I.raise("SystemError", "unknown expression kind");
}

Value Evaluator::evalConstant(const Constant* c) {
    switch (c->type) {
    case Constant::Type::None: return Value::none();
    case Constant::Type::Bool: return Value::boolean(c->b);
    case Constant::Type::Int: return Value::integer(c->i);
    case Constant::Type::Float: return Value::real(c->f);
    case Constant::Type::Ellipsis: return I.ellipsis();
    case Constant::Type::BigInt:
        I.raise(I.types.OverflowError, "integer overflow (Guardscope ints are 64-bit): " + c->s);
    case Constant::Type::Complex:
        I.raise("NotImplementedError", "complex numbers are not supported");
    case Constant::Type::Str:
    case Constant::Type::Bytes:
        break;
    }
    if (!c->rtValue) {
        Value v = c->type == Constant::Type::Str ? Value(I.intern(c->s)) : I.newBytes(c->s);
        I.keepAlive(v);
        c->rtValue = v.obj();
    }
    return Value(static_cast<Object*>(const_cast<void*>(c->rtValue)));
}

Value Evaluator::evalName(const Name* n, Frame& f) {
    switch (n->scope) {
    case NameScope::Local: {
        const Value& v = f.fast[n->slot];
        if (v.isNull()) unboundLocal(I, n->id);
        return v;
    }
    case NameScope::Cell: {
        auto* c = f.fast[n->slot].as<Cell>();
        Value v = c->value;
        if (v.isNull()) unboundLocal(I, n->id);
        if (TraceObserver* o = I.observer()) o->onLoadDeref(c, n->id, v);
        return v;
    }
    case NameScope::Free: {
        if (f.classNs) {
            Value v = f.classNs->get(Value(static_cast<Object*>(const_cast<void*>(n->rtName))));
            if (v) return v;
        }
        auto* c = f.closure[n->slot].as<Cell>();
        Value v = c->value;
        if (v.isNull()) unboundFree(I, n->id);
        if (TraceObserver* o = I.observer()) o->onLoadDeref(c, n->id, v);
        return v;
    }
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            Value v = f.classNs->get(Value(static_cast<Object*>(const_cast<void*>(n->rtName))));
            if (v) return v;
        }
        return loadGlobal(n, f);
    case NameScope::Global:
        return loadGlobal(n, f);
    case NameScope::Unresolved:
        break;
    }
    I.raise("SystemError", "unresolved name '" + n->id + "'");
}

Value Evaluator::loadGlobal(const Name* n, Frame& f) {
    runtime::Dict* g = f.globals;
    runtime::Dict* b = I.builtinsDict();
    InlineCache& ic = n->cache;
    auto version = static_cast<uint32_t>(std::max(g->keysVersion(), b->keysVersion()));
    Value v;
    runtime::Dict* where;
    if (ic.value == g && ic.version == version && ic.index != -1) {
        if (ic.index >= 0) {
            v = g->entryAt(static_cast<size_t>(ic.index)).value;
            where = g;
        } else {
            v = b->entryAt(static_cast<size_t>(-2 - ic.index)).value;
            where = b;
        }
    } else {
        Value key(static_cast<Object*>(const_cast<void*>(n->rtName)));
        int64_t i = g->find(key);
        if (i >= 0) {
            v = g->entryAt(static_cast<size_t>(i)).value;
            where = g;
            ic.index = static_cast<int32_t>(i);
        } else {
            i = b->find(key);
            if (i < 0) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
            v = b->entryAt(static_cast<size_t>(i)).value;
            where = b;
            ic.index = static_cast<int32_t>(-2 - i);
        }
        ic.value = g;
        ic.version = version;
    }
    if (TraceObserver* o = I.observer()) o->onLoadGlobal(where, n->id, v);
    return v;
}

void Evaluator::storeName(const Name* n, const Value& v, Frame& f) {
    switch (n->scope) {
    case NameScope::Local:
        f.fast[n->slot] = v;
        return;
    case NameScope::Cell:
        f.fast[n->slot].as<Cell>()->value = v;
        return;
    case NameScope::Free:
        f.closure[n->slot].as<Cell>()->value = v;
        return;
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            f.classNs->set(Value(static_cast<Object*>(const_cast<void*>(n->rtName))), v);
            return;
        }
        [[fallthrough]];
    case NameScope::Global:
        f.globals->set(Value(static_cast<Object*>(const_cast<void*>(n->rtName))), v);
        return;
    case NameScope::Unresolved:
        break;
    }
    I.raise("SystemError", "unresolved name '" + n->id + "'");
}

void Evaluator::storeRef(const NameRef& r, const Value& v, Frame& f) {
    switch (r.scope) {
    case NameScope::Local: f.fast[r.slot] = v; return;
    case NameScope::Cell: f.fast[r.slot].as<Cell>()->value = v; return;
    case NameScope::Free: f.closure[r.slot].as<Cell>()->value = v; return;
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            if (v.isNull()) f.classNs->remove(Value(r.name));
            else f.classNs->set(Value(r.name), v);
            return;
        }
        [[fallthrough]];
    default:
        if (v.isNull()) f.globals->remove(Value(r.name));
        else f.globals->set(Value(r.name), v);
    }
}

void Evaluator::deleteName(const Name* n, Frame& f) {
    Value key(static_cast<Object*>(const_cast<void*>(n->rtName)));
    switch (n->scope) {
    case NameScope::Local:
        if (f.fast[n->slot].isNull()) unboundLocal(I, n->id);
        f.fast[n->slot] = Value();
        return;
    case NameScope::Cell: {
        auto* c = f.fast[n->slot].as<Cell>();
        if (c->value.isNull()) unboundLocal(I, n->id);
        c->value = Value();
        return;
    }
    case NameScope::Free: {
        auto* c = f.closure[n->slot].as<Cell>();
        if (c->value.isNull()) unboundFree(I, n->id);
        c->value = Value();
        return;
    }
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            if (!f.classNs->remove(key)) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
            return;
        }
        [[fallthrough]];
    default:
        if (!f.globals->remove(key)) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
    }
}

Value Evaluator::evalBinOp(BinOpKind op, const Value& l, const Value& r) {
    if (l.isInt() && r.isInt()) {
        int64_t a = l.asInt(), b = r.asInt(), res;
        switch (op) {
        case BinOpKind::Add:
            if (!__builtin_add_overflow(a, b, &res)) return Value::integer(res);
            break;
        case BinOpKind::Sub:
            if (!__builtin_sub_overflow(a, b, &res)) return Value::integer(res);
            break;
        case BinOpKind::Mult:
            if (!__builtin_mul_overflow(a, b, &res)) return Value::integer(res);
            break;
        case BinOpKind::FloorDiv:
            if (b > 0 && a >= 0) return Value::integer(a / b);
            break;
        case BinOpKind::Mod:
            if (b > 0 && a >= 0) return Value::integer(a % b);
            break;
        case BinOpKind::BitAnd: return Value::integer(a & b);
        case BinOpKind::BitOr: return Value::integer(a | b);
        case BinOpKind::BitXor: return Value::integer(a ^ b);
        default: break;
        }
    } else if (l.isFloat() && r.isFloat()) {
        double a = l.asFloat(), b = r.asFloat();
        switch (op) {
        case BinOpKind::Add: return Value::real(a + b);
        case BinOpKind::Sub: return Value::real(a - b);
        case BinOpKind::Mult: return Value::real(a * b);
        default: break;
        }
    }
    return ops::binary(op, l, r);
}

Value Evaluator::evalCompare(const Compare* c, Frame& f) {
    Value left = eval(c->left.get(), f);
    if (c->ops.size() == 1) {  // the common single comparison, ints inline
        Value right = eval(c->comparators[0].get(), f);
        if (left.isInt() && right.isInt()) {
            int64_t a = left.asInt(), b = right.asInt();
            switch (c->ops[0]) {
            case CmpOpKind::Lt: return Value::boolean(a < b);
            case CmpOpKind::LtE: return Value::boolean(a <= b);
            case CmpOpKind::Gt: return Value::boolean(a > b);
            case CmpOpKind::GtE: return Value::boolean(a >= b);
            case CmpOpKind::Eq: return Value::boolean(a == b);
            case CmpOpKind::NotEq: return Value::boolean(a != b);
            default: break;
            }
        }
        switch (c->ops[0]) {
        case CmpOpKind::Is: return Value::boolean(left.is(right));
        case CmpOpKind::IsNot: return Value::boolean(!left.is(right));
        case CmpOpKind::In: return Value::boolean(ops::contains(right, left));
        case CmpOpKind::NotIn: return Value::boolean(!ops::contains(right, left));
        default: return ops::compare(c->ops[0], left, right);
        }
    }
    Value result;
    for (size_t i = 0; i < c->ops.size(); ++i) {
        Value right = eval(c->comparators[i].get(), f);
        CmpOpKind op = c->ops[i];
        if (left.isInt() && right.isInt()) {
            int64_t a = left.asInt(), b = right.asInt();
            bool r;
            switch (op) {
            case CmpOpKind::Lt: r = a < b; break;
            case CmpOpKind::LtE: r = a <= b; break;
            case CmpOpKind::Gt: r = a > b; break;
            case CmpOpKind::GtE: r = a >= b; break;
            case CmpOpKind::Eq: case CmpOpKind::Is: r = a == b; break;
            case CmpOpKind::NotEq: case CmpOpKind::IsNot: r = a != b; break;
            default: goto generic;
            }
            result = Value::boolean(r);
        } else {
        generic:
            switch (op) {
            case CmpOpKind::Is: result = Value::boolean(left.is(right)); break;
            case CmpOpKind::IsNot: result = Value::boolean(!left.is(right)); break;
            case CmpOpKind::In: result = Value::boolean(ops::contains(right, left)); break;
            case CmpOpKind::NotIn: result = Value::boolean(!ops::contains(right, left)); break;
            default: result = ops::compare(op, left, right); break;
            }
        }
        if (i + 1 < c->ops.size()) {
            if (!ops::truthy(result)) return result;
            left = std::move(right);
        }
    }
    return result;
}

bool Evaluator::cachedTypeAttr(Type* t, Str* name, InlineCache& ic, Object*& descr, bool& dataDescr) {
    auto epoch = static_cast<uint32_t>(I.typeEpoch);
    if (ic.key == t && ic.version == epoch) {
        if (!(ic.index & 1)) return false;
        descr = static_cast<Object*>(const_cast<void*>(ic.value));
        dataDescr = (ic.index & 2) != 0;
        return true;
    }
    Value d = t->lookup(name);
    ic.key = t;
    ic.version = epoch;
    if (!d.isNull() && !d.isObj()) {
        ic.index = 0;
        return false;
    }
    descr = d.obj();  // kept alive by the class dict while the epoch holds
    dataDescr = descr && ops::isDataDescriptor(d);
    ic.value = descr;
    ic.index = 1 | (dataDescr ? 2 : 0);
    return true;
}

Value Evaluator::loadAttr(const Value& obj, Str* name, InlineCache& ic) {
    Object* o = obj.obj();
    if (o && !I.observer()) {
        Type* t = o->type();
        if (!t->hasGetattribute && t != I.types.type && t != I.types.super) {
            Object* descr = nullptr;
            bool data = false;
            if (cachedTypeAttr(t, name, ic, descr, data) && !data) {
                Value v = o->getAttr(name);
                if (v) return v;
                if (descr) return ops::bindDescriptor(Value(descr), obj, t);
            }
        }
    }
    return ops::getAttr(obj, name);
}

void Evaluator::storeAttr(const Value& obj, Str* name, InlineCache& ic, const Value& v) {
    Object* o = obj.obj();
    if (o) {
        Type* t = o->type();
        if (!t->hasSetattr && t != I.types.type) {
            Object* descr = nullptr;
            bool data = false;
            if (cachedTypeAttr(t, name, ic, descr, data) && !data && o->setAttr(name, v)) return;
        }
    }
    ops::setAttr(obj, name, v);
}

Value Evaluator::evalAttribute(const Attribute* a, Frame& f) {
    Value obj = eval(a->value.get(), f);
    return loadAttr(obj, static_cast<Str*>(const_cast<void*>(a->rtName)), a->cache);
}

Value Evaluator::evalSliceKey(const Expr* e, Frame& f) {
    if (e->kind == ExprKind::Tuple) {
        auto* t = static_cast<const lang::Tuple*>(e);
        std::vector<Value> items;
        items.reserve(t->elts.size());
        for (const auto& el : t->elts) {
            if (el->kind == ExprKind::Starred) {
                for (auto& v : ops::toVector(eval(static_cast<const Starred*>(el.get())->value.get(), f)))
                    items.push_back(v);
            } else {
                items.push_back(eval(el.get(), f));
            }
        }
        return I.newTuple(std::move(items));
    }
    return eval(e, f);
}

Value Evaluator::evalSubscript(const Subscript* s, Frame& f) {
    Value obj = eval(s->value.get(), f);
    Value key = evalSliceKey(s->slice.get(), f);
    if (obj.isObj() && key.isInt() && obj.obj()->type() == I.types.list) {
        auto& items = obj.as<runtime::List>()->items;
        int64_t i = key.asInt();
        if (i < 0) i += static_cast<int64_t>(items.size());
        if (i >= 0 && i < static_cast<int64_t>(items.size()) && !I.observer()) return items[static_cast<size_t>(i)];
    }
    return ops::getItem(obj, key);
}

std::vector<Value> Evaluator::evalSeqElements(const std::vector<ExprPtr>& elts, Frame& f) {
    std::vector<Value> out;
    out.reserve(elts.size());
    for (const auto& el : elts) {
        if (el->kind == ExprKind::Starred) {
            Value src = eval(static_cast<const Starred*>(el.get())->value.get(), f);
            Value it = ops::getIter(src);
            Value v;
            while (ops::next(it, v)) out.push_back(std::move(v));
        } else {
            out.push_back(eval(el.get(), f));
        }
    }
    return out;
}

Value Evaluator::evalJoinedStr(const JoinedStr* j, Frame& f) {
    std::string out;
    for (const auto& part : j->values) {
        if (part->kind == ExprKind::Constant) {
            out += static_cast<const Constant*>(part.get())->s;
        } else {
            Value v = eval(part.get(), f);
            out += v.as<Str>()->s();
        }
    }
    return I.newStr(out);
}

Value Evaluator::evalFormattedValue(const FormattedValue* fv, Frame& f) {
    Value v = eval(fv->value.get(), f);
    std::string spec;
    if (fv->formatSpec) spec = eval(fv->formatSpec.get(), f).as<Str>()->s();
    std::string text;
    char conv = fv->conversion;
    if (!fv->debugText.empty() && conv == 0 && spec.empty()) conv = 'r';
    if (conv == 'r' || conv == 'a') text = ops::repr(v);
    else if (conv == 's') text = ops::str(v);
    if (conv) text = spec.empty() ? text : ops::format(I.newStr(text), spec);
    else text = ops::format(v, spec);
    return I.newStr(fv->debugText + text);
}

// ---------------------------------------------------------------------------------------------
// Calls

Value Evaluator::evalCall(const Call* c, Frame& f) {
    f.line = c->loc.line;
    // The callee, and the receiver when `obj.method(...)` names a plain method (no bound-method
    // object is made).
    Value callee, self;
    const Expr* fe = c->func.get();
    if (fe->kind == ExprKind::Attribute) {
        auto* at = static_cast<const Attribute*>(fe);
        Value obj = eval(at->value.get(), f);
        Str* name = static_cast<Str*>(const_cast<void*>(at->rtName));
        Object* o = obj.obj();
        if (o && !I.observer() && !o->type()->hasGetattribute && o->type() != I.types.type && o->type() != I.types.super) {
            Type* t = o->type();
            Object* descr = nullptr;
            bool data = false;
            if (cachedTypeAttr(t, name, c->cache, descr, data) && descr &&
                (descr->type() == I.types.function ||
                 (descr->type() == I.types.builtinFunction && static_cast<NativeFunction*>(descr)->binds))) {
                Dict* d = o->instanceDict();
                if (!d || d->size() == 0 || d->find(Value(name)) < 0) {
                    callee = Value(descr);
                    self = std::move(obj);
                }
            }
        }
        if (callee.isNull()) callee = loadAttr(obj, name, at->cache);
    } else if (fe->kind == ExprKind::Name) {
        callee = evalName(static_cast<const Name*>(fe), f);
    } else {
        callee = eval(fe, f);
    }
    // Fast path: a scenario function with a plain positional signature gets its arguments
    // evaluated straight into its local slots.
    if (c->keywords.empty() && callee.isObj() && callee.obj()->type() == I.types.function) {
        auto* fn = callee.as<Function>();
        const CodeInfo* code = fn->code;
        size_t given = c->args.size() + (self.isNull() ? 0 : 1);
        if (given == static_cast<size_t>(code->nargs) && !code->isGenerator && code->varargSlot < 0 &&
            code->kwargSlot < 0 && code->nkwonly == 0) {
            bool plain = true;
            for (const auto& a : c->args) plain = plain && a->kind != ExprKind::Starred;
            if (plain) return callDirect(fn, self.isNull() ? nullptr : &self, c->args, f);
        }
    }
    return evalCallGeneric(c, f, callee, self);
}

Value Evaluator::evalCallGeneric(const Call* c, Frame& f, const Value& callee, Value& self) {
    SmallVec<Value, 8> args;
    SmallVec<KwArg, 4> kws;
    std::vector<Value> keepKeys;  // keyword names from **mappings
    if (!self.isNull()) args.push_back(std::move(self));
    for (const auto& a : c->args) {
        if (a->kind == ExprKind::Starred) {
            Value src = eval(static_cast<const Starred*>(a.get())->value.get(), f);
            Value it = ops::getIter(src);
            Value v;
            while (ops::next(it, v)) args.push_back(std::move(v));
        } else {
            args.push_back(eval(a.get(), f));
        }
    }
    for (const auto& k : c->keywords) {
        if (!k.arg.empty()) {
            kws.push_back(KwArg{static_cast<Str*>(const_cast<void*>(k.rtName)), eval(k.value.get(), f)});
            continue;
        }
        Value m = eval(k.value.get(), f);
        auto* md = m.dyn<runtime::Dict>();
        std::vector<Value> keys = md ? md->keys() : ops::toVector(ops::callMethod(m, I.intern("keys"), {}));
        for (auto& key : keys) {
            auto* ks = key.dyn<Str>();
            if (!ks) I.raise(I.types.TypeError, "keywords must be strings");
            for (auto& existing : kws)
                if (existing.name->view() == ks->view())
                    I.raise(I.types.TypeError, ops::repr(callee) + " got multiple values for keyword argument '" +
                                                   ks->s() + "'");
            keepKeys.push_back(key);
            kws.push_back(KwArg{ks, md ? md->get(key) : ops::getItem(m, key)});
        }
    }
    CallArgs ca{std::span<const Value>(args.data(), args.size()), std::span<const KwArg>(kws.data(), kws.size())};
    if (callee.isObj() && callee.obj()->type() == I.types.function) return callFunction(callee.as<Function>(), ca);
    return ops::call(callee, ca);
}

// ---------------------------------------------------------------------------------------------
// Functions, lambdas, comprehensions

std::vector<Value> Evaluator::closureFor(const CodeInfo* code, Frame& f) {
    std::vector<Value> cells;
    cells.reserve(code->closureSources.size());
    for (const auto& src : code->closureSources) cells.push_back(src.fromClosure ? f.closure[src.index] : f.fast[src.index]);
    return cells;
}

Value Evaluator::makeFunction(const CodeInfo* code, const Arguments& args, Frame& f) {
    auto fn = make<Function>(I.types.function, code, Ref<runtime::Dict>(f.globals));
    for (const auto& d : args.defaults) fn->defaults.push_back(eval(d.get(), f));
    for (const auto& d : args.kwDefaults) fn->kwDefaults.push_back(d ? eval(d.get(), f) : Value());
    fn->closure = closureFor(code, f);
    if (f.classNs) fn->classCell = f.classCell;
    else if (f.func) fn->classCell = f.func->classCell;
    else fn->classCell = f.classCell;
    Value modName = f.globals->getStr("__name__");
    if (auto* s = modName.dyn<Str>()) fn->moduleName = s->s();
    return fn;
}

Value Evaluator::evalLambda(const Lambda* l, Frame& f) {
    return makeFunction(Resolver::codeOf(l->scopeInfo), l->args, f);
}

Value Evaluator::evalComprehension(const Comp* c, Frame& f) {
    const CodeInfo* code = Resolver::codeOf(c->scopeInfo);
    Value firstIter = eval(c->generators.front().iter.get(), f);
    std::vector<Value> closure = closureFor(code, f);

    // Runs the loops in a fresh comprehension frame; `result` collects (or is Null for a
    // generator expression, whose elements are yielded to `gen`).
    auto run = [this, c, code](Dict* globals, const Value* cells, Function* func, const Value& it0, const Value& result,
                               Generator* gen) {
        Frame cf;
        cf.code = code;
        cf.globals = globals;
        cf.closure = cells;
        cf.func = func;
        cf.line = c->loc.line;
        cf.scenario = false;
        cf.generator = gen;
        auto n = static_cast<size_t>(code->nlocals);
        Value* fast = stack_->alloc(n);
        struct Release {
            ValueStack& s;
            Value* p;
            size_t n;
            ~Release() { s.release(p, n); }
        } rel{*stack_, fast, n};
        cf.fast = fast;
        for (int slot : code->cellSlots) cf.fast[slot] = make<Cell>(I.types.cell);
        const Comprehension& g0 = c->generators.front();
        Value v;
        while (ops::next(it0, v)) {
            I.step();
            assign(g0.target.get(), v, cf);
            bool ok = true;
            for (const auto& cond : g0.ifs)
                if (!ops::truthy(eval(cond.get(), cf))) {
                    ok = false;
                    break;
                }
            if (ok) compLoop(c, 1, cf, result);
        }
    };

    if (c->kind == ExprKind::GeneratorExp) {
        // Lazy: the first iterable is iterated now (like CPython), the loops run on demand.
        auto gen = make<Generator>(I.types.generator, I, "<genexpr>", code->qualname);
        Value it0 = ops::getIter(firstIter);
        gen->keep = std::move(closure);
        gen->keep.push_back(it0);
        gen->keep.push_back(Value(f.globals));
        if (f.func) gen->keep.push_back(Value(f.func));
        Dict* globals = f.globals;
        Function* func = f.func;
        Generator* g = gen.get();
        gen->body = [run, g, globals, func, it0]() -> Value {
            run(globals, g->keep.data(), func, it0, Value(), g);
            return Value::none();
        };
        return Value(gen.get());
    }
    Value result;
    switch (c->kind) {
    case ExprKind::ListComp: result = I.newList(); break;
    case ExprKind::SetComp: result = make<SetObject>(I.types.set, false); break;
    default: result = I.newDict(); break;
    }
    run(f.globals, closure.data(), f.func, ops::getIter(firstIter), result, nullptr);
    return result;
}

void Evaluator::compLoop(const Comp* c, size_t level, Frame& cf, const Value& result) {
    if (level == c->generators.size()) {
        switch (c->kind) {
        case ExprKind::GeneratorExp: cf.generator->yieldValue(eval(c->elt.get(), cf)); break;
        case ExprKind::ListComp: result.as<runtime::List>()->items.push_back(eval(c->elt.get(), cf)); break;
        case ExprKind::SetComp: result.as<SetObject>()->add(eval(c->elt.get(), cf)); break;
        default: {
            Value k = eval(c->key.get(), cf);
            Value v = eval(c->value.get(), cf);
            result.as<runtime::Dict>()->set(k, v);
        }
        }
        return;
    }
    const Comprehension& g = c->generators[level];
    Value src = eval(g.iter.get(), cf);
    Value it = ops::getIter(src);
    Value v;
    while (ops::next(it, v)) {
        I.step();
        assign(g.target.get(), v, cf);
        bool ok = true;
        for (const auto& cond : g.ifs)
            if (!ops::truthy(eval(cond.get(), cf))) { ok = false; break; }
        if (ok) compLoop(c, level + 1, cf, result);
    }
}

// ---------------------------------------------------------------------------------------------
// Assignment

void Evaluator::unpackTo(const std::vector<ExprPtr>& targets, const Value& v, Frame& f) {
    std::vector<Value> items = ops::toVector(v);  // reports onIterate
    size_t star = targets.size();
    for (size_t i = 0; i < targets.size(); ++i)
        if (targets[i]->kind == ExprKind::Starred) star = i;
    if (star == targets.size()) {
        if (items.size() > targets.size())
            I.raise(I.types.ValueError, "too many values to unpack (expected " + std::to_string(targets.size()) + ")");
        if (items.size() < targets.size())
            I.raise(I.types.ValueError, "not enough values to unpack (expected " + std::to_string(targets.size()) +
                                            ", got " + std::to_string(items.size()) + ")");
        for (size_t i = 0; i < targets.size(); ++i) assign(targets[i].get(), items[i], f);
        return;
    }
    size_t after = targets.size() - star - 1;
    if (items.size() < star + after)
        I.raise(I.types.ValueError, "not enough values to unpack (expected at least " +
                                        std::to_string(star + after) + ", got " + std::to_string(items.size()) + ")");
    for (size_t i = 0; i < star; ++i) assign(targets[i].get(), items[i], f);
    std::vector<Value> mid(items.begin() + static_cast<std::ptrdiff_t>(star),
                           items.end() - static_cast<std::ptrdiff_t>(after));
    assign(static_cast<const Starred*>(targets[star].get())->value.get(), I.newList(std::move(mid)), f);
    for (size_t i = 0; i < after; ++i) assign(targets[star + 1 + i].get(), items[items.size() - after + i], f);
}

void Evaluator::assign(const Expr* target, const Value& v, Frame& f) {
    switch (target->kind) {
    case ExprKind::Name:
        storeName(static_cast<const Name*>(target), v, f);
        return;
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(target);
        Value obj = eval(a->value.get(), f);
        storeAttr(obj, static_cast<Str*>(const_cast<void*>(a->rtName)), a->cache, v);
        return;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(target);
        Value obj = eval(s->value.get(), f);
        Value key = evalSliceKey(s->slice.get(), f);
        ops::setItem(obj, key, v);
        return;
    }
    case ExprKind::Tuple:
        unpackTo(static_cast<const lang::Tuple*>(target)->elts, v, f);
        return;
    case ExprKind::List:
        unpackTo(static_cast<const lang::List*>(target)->elts, v, f);
        return;
    case ExprKind::Starred:
        I.raise("SyntaxError", "starred assignment target must be in a list or tuple");
    default:
        I.raise("SyntaxError", "cannot assign to expression");
    }
}

} // namespace gs::runtime
