#include "core/engine/TrackedScalar.h"

#include <cmath>

#include "core/engine/Engine.h"
#include "core/engine/Tracer.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::BinOpKind;
using runtime::CmpOpKind;
using runtime::Value;

namespace {

bool isNumber(const Value& v) { return v.isIntLike() || v.isFloat(); }
double asDouble(const Value& v) { return v.isFloat() ? v.asFloat() : static_cast<double>(v.asInt()); }

} // namespace

Value numericBinary(BinOpKind op, const Value& a, const Value& b) {
    if (!isNumber(a) || !isNumber(b)) return {};
    auto& I = runtime::Interpreter::current();
    bool ints = a.isIntLike() && b.isIntLike();
    // ints: Python's own arithmetic (unbounded: an int64 overflow gives a LongInt)
    if (ints) return runtime::numbers::binary(op, a, b);
    double x = asDouble(a), y = asDouble(b);
    switch (op) {
    case BinOpKind::Add: return Value::real(x + y);
    case BinOpKind::Sub: return Value::real(x - y);
    case BinOpKind::Mult: return Value::real(x * y);
    case BinOpKind::Div:
        if (y == 0) I.raise("ZeroDivisionError", "float division by zero");
        return Value::real(x / y);
    case BinOpKind::FloorDiv:
        if (y == 0) I.raise("ZeroDivisionError", "float floor division by zero");
        return Value::real(std::floor(x / y));
    case BinOpKind::Mod: {
        if (y == 0) I.raise("ZeroDivisionError", "float modulo");
        double m = std::fmod(x, y);
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return Value::real(m);
    }
    case BinOpKind::Pow: return Value::real(std::pow(x, y));
    default: return {};
    }
}

Value numericCompare(CmpOpKind op, const Value& a, const Value& b) {
    if (!isNumber(a) || !isNumber(b)) {
        if (op == CmpOpKind::Eq) return Value::boolean(false);
        if (op == CmpOpKind::NotEq) return Value::boolean(true);
        return {};
    }
    double x = asDouble(a), y = asDouble(b);
    if (a.isIntLike() && b.isIntLike()) {
        int64_t p = a.asInt(), q = b.asInt();
        switch (op) {
        case CmpOpKind::Eq: return Value::boolean(p == q);
        case CmpOpKind::NotEq: return Value::boolean(p != q);
        case CmpOpKind::Lt: return Value::boolean(p < q);
        case CmpOpKind::LtE: return Value::boolean(p <= q);
        case CmpOpKind::Gt: return Value::boolean(p > q);
        case CmpOpKind::GtE: return Value::boolean(p >= q);
        default: return {};
        }
    }
    switch (op) {
    case CmpOpKind::Eq: return Value::boolean(x == y);
    case CmpOpKind::NotEq: return Value::boolean(x != y);
    case CmpOpKind::Lt: return Value::boolean(x < y);
    case CmpOpKind::LtE: return Value::boolean(x <= y);
    case CmpOpKind::Gt: return Value::boolean(x > y);
    case CmpOpKind::GtE: return Value::boolean(x >= y);
    default: return {};
    }
}

Value concreteValue(const Value& v) {
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) return s->concrete();
    return v;
}

Value TrackedScalar::concrete() {
    if (auto t = tracer.lock(); t && t->active) return t->useScalar(this);
    return value;
}

runtime::Type* TrackedScalar::visibleType() {
    auto& I = runtime::Interpreter::current();
    switch (kind) {
    case Kind::Bool: return I.types.bool_;
    case Kind::Float:
    case Kind::SymFloat: return I.types.float_;
    default: return I.types.int_;
    }
}

std::string TrackedScalar::repr() {
    Value c = concrete();
    auto& I = runtime::Interpreter::current();
    Value r = I.call(I.builtinsDict()->getStr("repr"), {c});
    return static_cast<runtime::Str*>(r.obj())->s();
}
std::string TrackedScalar::str() {
    Value c = concrete();
    auto& I = runtime::Interpreter::current();
    Value r = I.call(I.builtinsDict()->getStr("str"), {c});
    return static_cast<runtime::Str*>(r.obj())->s();
}
std::string TrackedScalar::format(std::string_view spec) {
    Value c = concrete();
    auto& I = runtime::Interpreter::current();
    Value r = I.call(I.builtinsDict()->getStr("format"), {c, I.newStr(spec)});
    return static_cast<runtime::Str*>(r.obj())->s();
}

int TrackedScalar::truth() {
    if (kind == Kind::SymInt) {
        if (auto t = tracer.lock(); t && t->active) {
            Value r = t->symCompare(CmpOpKind::NotEq, sym, SymExpr::constant(0));
            return r.asBool() ? 1 : 0;
        }
    }
    if (kind == Kind::SymFloat) {  // bool(y): y != 0.0
        if (auto t = tracer.lock(); t && t->active) {
            Value r = t->floatCompare(CmpOpKind::NotEq, this, Value::real(0.0));
            if (!r.isNull()) return r.asBool() ? 1 : 0;
        }
    }
    Value c = concrete();
    if (c.isFloat()) return c.asFloat() != 0.0;
    return c.asInt() != 0;
}

int64_t TrackedScalar::hash() {
    Value c = concrete();
    if (c.isFloat()) {
        double d = c.asFloat();
        if (d == std::floor(d) && std::abs(d) < 9e18) return static_cast<int64_t>(d) == -1 ? -2 : static_cast<int64_t>(d);
        return static_cast<int64_t>(std::hash<double>{}(d));
    }
    return c.asInt() == -1 ? -2 : c.asInt();
}

bool TrackedScalar::toIndex(int64_t& out) {
    if (kind == Kind::Float || kind == Kind::SymFloat) return false;
    out = concrete().asInt();
    return true;
}
bool TrackedScalar::toInt(int64_t& out) {
    Value c = concrete();
    out = c.isFloat() ? static_cast<int64_t>(c.asFloat()) : c.asInt();
    return true;
}
bool TrackedScalar::toFloat(double& out) {
    Value c = concrete();
    out = c.isFloat() ? c.asFloat() : static_cast<double>(c.asInt());
    return true;
}

Value TrackedScalar::richCompare(CmpOpKind op, const Value& other) {
    if (kind == Kind::SymFloat) {
        if (auto t = tracer.lock(); t && t->active) {
            Value r = t->floatCompare(op, this, other);
            if (!r.isNull()) return r;
        }
    }
    if (kind == Kind::SymInt) {
        if (auto t = tracer.lock(); t && t->active) {
            SymPtr o = t->symOf(other);
            if (o) return t->symCompare(op, sym, o);
        }
    }
    Value o = concreteValue(other);
    if (!o.isIntLike() && !o.isFloat()) {
        if (op == CmpOpKind::Eq || op == CmpOpKind::NotEq) {
            if (!o.isObj()) return Value::boolean(op == CmpOpKind::NotEq);
            return {};
        }
        return {};
    }
    return numericCompare(op, concrete(), o);
}

Value TrackedScalar::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    auto* otherScalar = dynamic_cast<TrackedScalar*>(other.obj());
    if (kind == Kind::SymFloat || (otherScalar && otherScalar->kind == Kind::SymFloat)) {
        if (auto t = tracer.lock(); t && t->active) {
            Value self(this);
            Value r = reflected ? t->symFloatBinary(op, other, self) : t->symFloatBinary(op, self, other);
            if (!r.isNull()) return r;
        }
    }
    if (kind == Kind::SymInt) {
        if (auto t = tracer.lock(); t && t->active) {
            SymPtr o = t->symOf(other);
            if (o && op != BinOpKind::Div && op != BinOpKind::Pow)
                return reflected ? t->symBinary(op, o, sym) : t->symBinary(op, sym, o);
        }
    }
    Value o = concreteValue(other);
    if (!o.isIntLike() && !o.isFloat()) return {};
    Value c = concrete();
    return reflected ? numericBinary(op, o, c) : numericBinary(op, c, o);
}

Value TrackedScalar::unaryOp(runtime::UnaryOpKind op) {
    if (kind == Kind::SymFloat && (op == runtime::UnaryOpKind::USub || op == runtime::UnaryOpKind::UAdd)) {
        if (auto t = tracer.lock(); t && t->active)
            return t->symFloatBinary(op == runtime::UnaryOpKind::USub ? BinOpKind::Mult : BinOpKind::Add, Value(this),
                                     op == runtime::UnaryOpKind::USub ? Value::real(-1.0) : Value::real(0.0));
    }
    if (kind == Kind::SymInt && op == runtime::UnaryOpKind::USub) {
        if (auto t = tracer.lock(); t && t->active) return t->symBinary(BinOpKind::Sub, SymExpr::constant(0), sym);
    }
    Value c = concrete();
    switch (op) {
    case runtime::UnaryOpKind::USub: return c.isFloat() ? Value::real(-c.asFloat()) : Value::integer(-c.asInt());
    case runtime::UnaryOpKind::UAdd: return c.isBool() ? Value::integer(c.asInt()) : c;
    case runtime::UnaryOpKind::Invert: return c.isFloat() ? Value() : Value::integer(~c.asInt());
    case runtime::UnaryOpKind::Not: return Value::boolean(c.isFloat() ? c.asFloat() == 0 : c.asInt() == 0);
    }
    return {};
}

} // namespace gs::engine
