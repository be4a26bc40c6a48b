// Expression evaluation. Fast paths for int arithmetic and comparisons, local slots, cached
// global lookups and method calls without bound-method objects; everything else goes through
// the generic protocol in Ops.
#include "core/runtime/Evaluator.h"

#include <cmath>

#include "core/runtime/Complex.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Format.h"
#include "core/runtime/Generator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
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

Value* ValueStack::allocSlow(size_t n) {
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

// p belongs to an earlier chunk than the current one: the chunks after it are empty now.
void ValueStack::releaseSlow(Value* p) {
    while (true) {
        Chunk& c = chunks_[current_];
        if (p >= c.data.get() && p < c.data.get() + c.size) {
            c.used = static_cast<size_t>(p - c.data.get());
            return;
        }
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
        return evalCondition(i->test.get(), f) ? eval(i->body.get(), f) : eval(i->orelse.get(), f);
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
                // Traced: through keys() and m[k], whose hooks guard the keys and the values read.
                if (auto* md = m.dyn<runtime::Dict>(); md && !I.observer()) {
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

// A condition (if, while, assert, comprehension filter, conditional expression) takes each
// operand's truth once, as CPython's jumps do: `if a and b` with a false asks a.__bool__ once,
// not once more for the value `a and b` would produce.
bool Evaluator::evalCondition(const Expr* e, Frame& f) {
    if (e->kind == ExprKind::BoolOp) {
        auto* b = static_cast<const BoolOp*>(e);
        for (size_t i = 0; i + 1 < b->values.size(); ++i) {
            bool t = evalCondition(b->values[i].get(), f);
            if (b->op == BoolOpKind::And ? !t : t) return t;
        }
        return evalCondition(b->values.back().get(), f);
    }
    if (e->kind == ExprKind::UnaryOp && static_cast<const UnaryOp*>(e)->op == UnaryOpKind::Not)
        return !evalCondition(static_cast<const UnaryOp*>(e)->operand.get(), f);
    Value t = eval(e, f);
    return t.isBool() ? t.asBool() : ops::truthy(t);
}

Value Evaluator::evalConstant(const Constant* c) {
    switch (c->type) {
    case Constant::Type::None: return Value::none();
    case Constant::Type::Bool: return Value::boolean(c->b);
    case Constant::Type::Int: return Value::integer(c->i);
    case Constant::Type::Float: return Value::real(c->f);
    case Constant::Type::Ellipsis: return I.ellipsis();
    case Constant::Type::BigInt:
        if (!c->rtValue) {
            auto big = BigInt::parse(c->s, 10);  // the lexer checked the digits
            Value v = numbers::fromBig(big ? std::move(*big) : BigInt());
            I.keepAlive(v);
            c->rtValue = v.obj();
        }
        return Value(static_cast<Object*>(const_cast<void*>(c->rtValue)));
    case Constant::Type::Complex:
        if (!c->rtValue) {
            Value v = complex::make(0.0, c->f);
            I.keepAlive(v);
            c->rtValue = v.obj();
        }
        return Value(static_cast<Object*>(const_cast<void*>(c->rtValue)));
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
    if (o && !I.observer()) {  // an observer sees the store in ops::setAttr
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
    std::vector<Value> lazy;  // values a tracer let us show by their hints (Extension.h)
    for (const auto& part : j->values) {
        if (part->kind == ExprKind::Constant) {
            out += static_cast<const Constant*>(part.get())->s;
        } else if (part->kind == ExprKind::FormattedValue) {
            out += formatValue(static_cast<const FormattedValue*>(part.get()), f, &lazy);
        } else {
            Value v = eval(part.get(), f);
            out += v.as<Str>()->s();
        }
    }
    Value s = I.newStr(out);
    if (!lazy.empty())
        if (TraceObserver* ob = I.observer()) ob->onLazyString(s, std::span<const Value>(lazy.data(), lazy.size()));
    return s;
}

Value Evaluator::evalFormattedValue(const FormattedValue* fv, Frame& f) {
    return I.newStr(formatValue(fv, f, nullptr));
}

std::string Evaluator::formatValue(const FormattedValue* fv, Frame& f, std::vector<Value>* lazy) {
    Value v = eval(fv->value.get(), f);
    std::string spec;
    if (fv->formatSpec) {
        Value sv = eval(fv->formatSpec.get(), f);
        if (TraceObserver* ob = I.observer()) ob->onUse(sv);  // the spec's text is read here
        spec = sv.as<Str>()->s();
    }
    if (lazy)
        if (TraceObserver* ob = I.observer())
            if (Value hint = ob->lazyFormatHint(v); !hint.isNull()) {
                lazy->push_back(v);
                v = hint;
            }
    if (TraceObserver* ob = I.observer()) ob->onReadItems(v);  // f"{xs}" shows every item
    std::string text;
    char conv = fv->conversion;
    if (!fv->debugText.empty() && conv == 0 && spec.empty()) conv = 'r';
    if (conv == 'r' || conv == 'a') text = ops::repr(v);
    else if (conv == 's') text = ops::str(v);
    if (conv) text = spec.empty() ? text : ops::format(I.newStr(text), spec);
    else text = ops::format(v, spec);
    return fv->debugText + text;
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
        // Traced: through keys() and m[k], whose hooks guard the keys and the values read.
        auto* md = I.observer() ? nullptr : m.dyn<runtime::Dict>();
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

} // namespace gs::runtime
