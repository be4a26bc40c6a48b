// The numeric builtins: abs, round, pow, divmod, chr, ord, hex, bin, oct (CPython's messages).
#include <algorithm>
#include <cmath>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
__extension__ using Int128 = __int128;
Interpreter& in() { return Interpreter::current(); }

std::string intToBase(int64_t v, int base, const char* prefix) {
    uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    std::string digits;
    if (m == 0) digits = "0";
    while (m) {
        digits += "0123456789abcdef"[m % static_cast<uint64_t>(base)];
        m /= static_cast<uint64_t>(base);
    }
    std::reverse(digits.begin(), digits.end());
    return (v < 0 ? "-" : "") + std::string(prefix) + digits;
}

Value roundValue(const CallArgs& a) {
    Interpreter& I = in();
    ArgParser p(a, "round", {"number", "ndigits"}, 1);
    const Value& x = p[0];
    bool hasDigits = p.has(1) && !p[1].isNone();
    if (const BigInt* big = numbers::bigOf(x)) {
        if (!hasDigits || ops::toIndex(p[1]) >= 0) return x;
        if (ops::toIndex(p[1]) < -static_cast<int64_t>(numbers::kMaxIntBits)) return Value::integer(0);  // 10**k > |x|
        // round(n, -k): to the nearest multiple of 10**k, ties to even.
        Value pw = numbers::fromBig(BigInt(10).pow(static_cast<uint64_t>(-ops::toIndex(p[1]))));
        BigInt q, r, m = numbers::toBig(pw);
        BigInt::divMod(*big, m, q, r);
        int c = BigInt::compare(r + r, m);
        if (c > 0 || (c == 0 && (q.low64() & 1))) q = q + BigInt(1);
        return numbers::fromBig(q * m);
    }
    if (x.isIntLike()) {
        if (!hasDigits) return Value::integer(x.asInt());
        int64_t nd = ops::toIndex(p[1]);
        if (nd >= 0) return Value::integer(x.asInt());
        if (nd < -18) return Value::integer(0);
        int64_t pw = numbers::ipow(10, -nd);
        int64_t q = numbers::floorDiv(x.asInt(), pw), r = numbers::floorMod(x.asInt(), pw);
        if (2 * r > pw || (2 * r == pw && (q & 1))) ++q;
        return Value::integer(q * pw);
    }
    if (x.isFloat()) {
        double d = x.asFloat();
        if (!hasDigits) {
            if (std::isnan(d)) I.raise(I.types.ValueError, "cannot convert float NaN to integer");
            if (std::isinf(d)) I.raise(I.types.OverflowError, "cannot convert float infinity to integer");
            double r = std::nearbyint(d);
            if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) return numbers::fromBig(BigInt::fromDouble(r));
            return Value::integer(static_cast<int64_t>(r));
        }
        return Value::real(numbers::roundHalfEven(d, ops::toIndex(p[1])));
    }
    if (Object* o = x.obj()) {
        Value fn = ops::findDunder(o->type(), I.names.__round__);
        if (!fn) fn = o->type()->lookup(I.names.__round__);
        if (fn) {
            Value m = ops::bindDescriptor(fn, x, o->type());
            return hasDigits ? ops::call1(m, p[1]) : ops::call0(m);
        }
        double d;
        if (o->toFloat(d)) {
            Value args[2] = {Value::real(d), hasDigits ? p[1] : Value::none()};
            return roundValue(CallArgs{std::span<const Value>(args, 2), {}});
        }
    }
    I.raise(I.types.TypeError, "type " + typeName(x) + " doesn't define __round__ method");
}

Value builtin_abs(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("abs", 1, 1);
    const Value& x = a[0];
    if (x.isIntLike()) {
        if (x.asInt() == INT64_MIN) return numbers::fromBig(BigInt(x.asInt()).abs());
        return Value::integer(x.asInt() < 0 ? -x.asInt() : x.asInt());
    }
    if (const BigInt* big = numbers::bigOf(x)) return numbers::fromBig(big->abs());
    if (ComplexObject* c = complex::of(x)) return Value::real(std::hypot(c->re, c->im));
    if (x.isFloat()) return Value::real(std::fabs(x.asFloat()));
    if (Object* o = x.obj()) {
        Value fn = ops::findDunder(o->type(), In.names.__abs__);
        if (fn) return ops::call1(fn, x);
        Value r = o->unaryOp(UnaryOpKind::UAdd);
        double dv;
        if (o->toFloat(dv)) return Value::real(std::fabs(dv));
    }
    In.raise(In.types.TypeError, "bad operand type for abs(): '" + typeName(x) + "'");
}

Value builtin_divmod(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("divmod", 2, 2);
    if (a[0].isIntLike() && a[1].isIntLike()) {
        if (a[1].asInt() == 0) In.raise(In.types.ZeroDivisionError, "integer division or modulo by zero");
        if (a[0].asInt() != INT64_MIN || a[1].asInt() != -1)
            return In.newTuple({Value::integer(numbers::floorDiv(a[0].asInt(), a[1].asInt())),
                                Value::integer(numbers::floorMod(a[0].asInt(), a[1].asInt()))});
    }
    if (numbers::isIntegral(a[0]) && numbers::isIntegral(a[1]))
        return In.newTuple({numbers::bigBinary(BinOpKind::FloorDiv, a[0], a[1]), numbers::bigBinary(BinOpKind::Mod, a[0], a[1])});
    if ((numbers::isIntegral(a[0]) || a[0].isFloat()) && (numbers::isIntegral(a[1]) || a[1].isFloat())) {
        double y = ops::toDouble(a[1]);
        if (y == 0) In.raise(In.types.ZeroDivisionError, "float divmod()");
        return In.newTuple({ops::binary(BinOpKind::FloorDiv, a[0], a[1]), ops::binary(BinOpKind::Mod, a[0], a[1])});
    }
    if (Object* o = a[0].obj()) {
        Value fn = ops::findDunder(o->type(), In.names.__divmod__);
        if (fn) return ops::call2(fn, a[0], a[1]);
    }
    In.raise(In.types.TypeError, "unsupported operand type(s) for divmod(): '" + typeName(a[0]) + "' and '" + typeName(a[1]) + "'");
}

Value builtin_pow(const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "pow", {"base", "exp", "mod"}, 2);
    if (p.has(2) && !p[2].isNone()) {
        if (!numbers::isIntegral(p[0]) || !numbers::isIntegral(p[1]) || !numbers::isIntegral(p[2]))
            In.raise(In.types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        if (!p[0].isIntLike() || !p[1].isIntLike() || !p[2].isIntLike()) {
            // Square-and-multiply in BigInt, reducing mod m after every step.
            BigInt m = numbers::toBig(p[2]), e = numbers::toBig(p[1]), r(1), q, b;
            if (m.isZero()) In.raise(In.types.ValueError, "pow() 3rd argument cannot be 0");
            if (e.isNegative()) In.raise(In.types.ValueError, "base is not invertible for the given modulus");
            BigInt::divMod(numbers::toBig(p[0]), m, q, b);
            for (size_t i = 0, n = e.bitLength(); i < n; ++i) {
                if (!(e.shr(i).low64() & 1)) { BigInt::divMod(b * b, m, q, b); continue; }
                BigInt::divMod(r * b, m, q, r);
                BigInt::divMod(b * b, m, q, b);
            }
            BigInt::divMod(r, m, q, r);
            return numbers::fromBig(r);
        }
        int64_t base = p[0].asInt(), exp = p[1].asInt(), mod = p[2].asInt();
        if (mod == 0) In.raise(In.types.ValueError, "pow() 3rd argument cannot be 0");
        if (exp < 0) In.raise(In.types.ValueError, "base is not invertible for the given modulus");
        Int128 result = 1, b = numbers::floorMod(base, mod);
        while (exp > 0) {
            if (exp & 1) result = (result * b) % mod;
            b = (b * b) % mod;
            exp >>= 1;
        }
        return Value::integer(numbers::floorMod(static_cast<int64_t>(result), mod));
    }
    return ops::binary(BinOpKind::Pow, p[0], p[1]);
}

Value builtin_chr(const CallArgs& a) {
    a.expect("chr", 1, 1);
    int64_t c = ops::toIndex(a[0]);
    if (c < 0 || c > 0x10FFFF) in().raise(in().types.ValueError, "chr() arg not in range(0x110000)");
    std::string s;
    appendUtf8(s, static_cast<uint32_t>(c));
    return in().newStr(s);
}

Value builtin_ord(const CallArgs& a) {
    a.expect("ord", 1, 1);
    if (auto* b = a[0].dyn<Bytes>()) {
        if (b->data.size() != 1)
            in().raise(in().types.TypeError, "ord() expected a character, but string of length " + std::to_string(b->data.size()) + " found");
        return Value::integer(static_cast<unsigned char>(b->data[0]));
    }
    auto* s = a[0].dyn<Str>();
    if (!s) in().raise(in().types.TypeError, "ord() expected string of length 1, but " + typeName(a[0]) + " found");
    if (s->length() != 1)
        in().raise(in().types.TypeError, "ord() expected a character, but string of length " + std::to_string(s->length()) + " found");
    size_t i = 0;
    return Value::integer(decodeUtf8(s->view(), i));
}

Value intToBaseValue(const Value& v, int base, const char* prefix) {
    if (const BigInt* big = numbers::bigOf(v))
        return in().newStr((big->isNegative() ? "-" : "") + std::string(prefix) + big->abs().toString(base));
    return in().newStr(intToBase(ops::toIndex(v), base, prefix));
}

Value builtin_hex(const CallArgs& a) {
    a.expect("hex", 1, 1);
    return intToBaseValue(a[0], 16, "0x");
}

Value builtin_bin(const CallArgs& a) {
    a.expect("bin", 1, 1);
    return intToBaseValue(a[0], 2, "0b");
}

Value builtin_oct(const CallArgs& a) {
    a.expect("oct", 1, 1);
    return intToBaseValue(a[0], 8, "0o");
}

constexpr NativeDef kNumberBuiltins[] = {
    {"abs", builtin_abs},
    {"divmod", builtin_divmod},
    {"pow", builtin_pow},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"hex", builtin_hex},
    {"bin", builtin_bin},
    {"oct", builtin_oct},
    {"round", roundValue},
};

} // namespace

void defineNumberBuiltins(Interpreter& I, Module* builtins) { defineFunctions(I, builtins, kNumberBuiltins); }

} // namespace gs::runtime
