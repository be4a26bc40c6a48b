// Python ints beyond int64 (see LongInt.h) and the BigInt side of numbers:: (Numbers.h).
#include "core/runtime/LongInt.h"

#include <cmath>

#include "core/runtime/Interpreter.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

[[noreturn]] void tooLarge() {
    in().raise(in().types.OverflowError,
               "int too large: Guardscope bounds ints to " + std::to_string(numbers::kMaxIntBits) + " bits");
}
void checkBits(size_t bits) {
    if (bits > numbers::kMaxIntBits) tooLarge();
}
} // namespace

namespace numbers {

Value fromBig(BigInt v) {
    if (v.fitsInt64()) return Value::integer(v.toInt64());
    checkBits(v.bitLength());
    return Value(new LongInt(in().types.int_, std::move(v)));
}

const BigInt* bigOf(const Value& v) {
    Object* o = v.obj();
    if (o && o->type() == in().types.int_) return &static_cast<LongInt*>(o)->value;
    return nullptr;
}

bool isIntegral(const Value& v) { return v.isIntLike() || bigOf(v) != nullptr; }

BigInt toBig(const Value& v) {
    if (const BigInt* b = bigOf(v)) return *b;
    return BigInt(v.asInt());
}

double bigToDouble(const BigInt& v) {
    auto d = v.toDouble();
    if (!d) in().raise(in().types.OverflowError, "int too large to convert to float");
    return *d;
}

Value bigBinary(BinOpKind op, const Value& a, const Value& b) {
    Interpreter& I = in();
    BigInt x = toBig(a), y = toBig(b);
    switch (op) {
    case BinOpKind::Add: return fromBig(x + y);
    case BinOpKind::Sub: return fromBig(x - y);
    case BinOpKind::Mult:
        checkBits(x.bitLength() + y.bitLength() - 1);
        return fromBig(x * y);
    case BinOpKind::Div: {
        if (y.isZero()) I.raise(I.types.ZeroDivisionError, "division by zero");
        // Both operands rounded first, then divided: exact for operands within 2**53 and
        // within one rounding step otherwise (CPython rounds the exact quotient once).
        auto dx = x.toDouble(), dy = y.toDouble();
        if (!dx || !dy) I.raise(I.types.OverflowError, "integer division result too large for a float");
        return Value::real(*dx / *dy);
    }
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
        if (y.isZero())
            I.raise(I.types.ZeroDivisionError, op == BinOpKind::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        BigInt q, r;
        BigInt::divMod(x, y, q, r);
        return fromBig(op == BinOpKind::Mod ? std::move(r) : std::move(q));
    }
    case BinOpKind::Pow: {
        if (y.isNegative()) {
            if (x.isZero()) I.raise(I.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return Value::real(std::pow(bigToDouble(x), bigToDouble(y)));
        }
        if (x.isZero() || x == BigInt(1)) return fromBig(x);
        if (x == BigInt(-1)) return Value::integer(y.low64() & 1 ? -1 : 1);
        if (!y.fitsInt64() || (x.bitLength() - 1) * static_cast<size_t>(y.toInt64()) > kMaxIntBits) tooLarge();
        return fromBig(x.pow(static_cast<uint64_t>(y.toInt64())));
    }
    case BinOpKind::LShift:
        if (y.isNegative()) I.raise(I.types.ValueError, "negative shift count");
        if (x.isZero()) return Value::integer(0);
        if (!y.fitsInt64()) tooLarge();
        checkBits(x.bitLength() + static_cast<size_t>(y.toInt64()));
        return fromBig(x.shl(static_cast<uint64_t>(y.toInt64())));
    case BinOpKind::RShift:
        if (y.isNegative()) I.raise(I.types.ValueError, "negative shift count");
        if (!y.fitsInt64()) return Value::integer(x.isNegative() ? -1 : 0);
        return fromBig(x.shr(static_cast<uint64_t>(y.toInt64())));
    case BinOpKind::BitAnd: return fromBig(x & y);
    case BinOpKind::BitOr: return fromBig(x | y);
    case BinOpKind::BitXor: return fromBig(x ^ y);
    case BinOpKind::MatMult: break;
    }
    return {};
}

} // namespace numbers

std::string LongInt::format(std::string_view spec) { return numbers::format(Value(this), spec); }

Value LongInt::richCompare(CmpOpKind op, const Value& other) {
    int c;
    if (numbers::isIntegral(other)) {
        c = BigInt::compare(value, numbers::toBig(other));
    } else if (other.isFloat()) {
        double d = other.asFloat();
        if (std::isnan(d)) return Value::boolean(op == CmpOpKind::NotEq);
        c = value.compareDouble(d);
    } else {
        return {};
    }
    return numbers::comparison(op, c);
}

Value LongInt::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    Value self(this);
    if (numbers::isIntegral(other)) return reflected ? numbers::bigBinary(op, other, self) : numbers::bigBinary(op, self, other);
    if (other.isFloat()) {
        Value me = Value::real(numbers::bigToDouble(value));
        return reflected ? numbers::binary(op, other, me) : numbers::binary(op, me, other);
    }
    return {};
}

Value LongInt::unaryOp(UnaryOpKind op) {
    switch (op) {
    case UnaryOpKind::USub: return numbers::fromBig(-value);
    case UnaryOpKind::UAdd: return Value(this);
    case UnaryOpKind::Invert: return numbers::fromBig(~value);
    case UnaryOpKind::Not: return Value::boolean(false);
    }
    return {};
}

bool LongInt::toIndex(int64_t& out) {
    (void)out;
    in().raise(in().types.OverflowError, "cannot fit 'int' into an index-sized integer");
}

bool LongInt::toFloat(double& out) {
    out = numbers::bigToDouble(value);
    return true;
}

} // namespace gs::runtime
