// int / float / bool arithmetic, hashing, repr and number formatting (see Numbers.h).
#include "core/runtime/Numbers.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "core/runtime/Format.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

namespace gs::runtime::numbers {

namespace {
Interpreter& in() { return Interpreter::current(); }
bool isInt(const Value& v) { return v.isInt() || v.isBool(); }
double asDouble(const Value& v) { return v.isFloat() ? v.asFloat() : static_cast<double>(v.asInt()); }
[[noreturn]] void zeroDiv(const char* msg) { in().raise(in().types.ZeroDivisionError, msg); }
[[noreturn]] void unsupported(BinOpKind op, const Value& a, const Value& b) {
    std::string sym(lang::toString(op));
    if (op == BinOpKind::Pow) sym = "** or pow()";
    in().raise(in().types.TypeError,
               "unsupported operand type(s) for " + sym + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
}

// exact comparison of an int64 with a double (long double holds every int64 exactly)
int cmpIntFloat(int64_t i, double d) {
    long double li = static_cast<long double>(i);
    long double ld = d;
    return li < ld ? -1 : (li > ld ? 1 : 0);
}

double floatFloorDiv(double a, double b, double* modOut) {
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, b);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, a / b);
    }
    if (modOut) *modOut = mod;
    return floordiv;
}
} // namespace

void overflow() { in().raise(in().types.OverflowError, kOverflow); }

int64_t floorDiv(int64_t a, int64_t b) {
    if (a == INT64_MIN && b == -1) overflow();
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floorMod(int64_t a, int64_t b) {
    if (b == -1) return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

bool ipowChecked(int64_t base, int64_t exp, int64_t& result) {
    result = 1;
    while (exp > 0) {
        if (exp & 1)
            if (__builtin_mul_overflow(result, base, &result)) return false;
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(base, base, &base)) return false;
    }
    return true;
}

int64_t ipow(int64_t base, int64_t exp) {
    int64_t result;
    if (!ipowChecked(base, exp, result)) overflow();
    return result;
}

Value binary(BinOpKind op, const Value& a, const Value& b) {
    if (isInt(a) && isInt(b)) {
        int64_t x = a.asInt(), y = b.asInt(), r;
        // Every overflow of the int64 fast path is computed again in BigInt (Python's ints
        // are unbounded); results that fit come back as inline ints.
        switch (op) {
        case BinOpKind::Add:
            if (__builtin_add_overflow(x, y, &r)) return bigBinary(op, a, b);
            return Value::integer(r);
        case BinOpKind::Sub:
            if (__builtin_sub_overflow(x, y, &r)) return bigBinary(op, a, b);
            return Value::integer(r);
        case BinOpKind::Mult:
            if (__builtin_mul_overflow(x, y, &r)) return bigBinary(op, a, b);
            return Value::integer(r);
        case BinOpKind::Div:
            if (y == 0) zeroDiv("division by zero");
            return Value::real(static_cast<double>(x) / static_cast<double>(y));
        case BinOpKind::FloorDiv:
            if (y == 0) zeroDiv("integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) return bigBinary(op, a, b);
            return Value::integer(floorDiv(x, y));
        case BinOpKind::Mod:
            if (y == 0) zeroDiv("integer modulo by zero");
            return Value::integer(floorMod(x, y));
        case BinOpKind::Pow:
            if (y < 0) {
                if (x == 0) zeroDiv("0.0 cannot be raised to a negative power");
                return Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
            }
            if (!ipowChecked(x, y, r)) return bigBinary(op, a, b);
            return Value::integer(r);
        case BinOpKind::LShift:
            if (y < 0) in().raise(in().types.ValueError, "negative shift count");
            if (x == 0) return Value::integer(0);
            if (y >= 63) return bigBinary(op, a, b);
            r = static_cast<int64_t>(static_cast<uint64_t>(x) << y);
            if ((r >> y) != x) return bigBinary(op, a, b);
            return Value::integer(r);
        case BinOpKind::RShift:
            if (y < 0) in().raise(in().types.ValueError, "negative shift count");
            if (y >= 64) return Value::integer(x < 0 ? -1 : 0);
            return Value::integer(x >> y);
        case BinOpKind::BitAnd:
            return a.isBool() && b.isBool() ? Value::boolean(x & y) : Value::integer(x & y);
        case BinOpKind::BitOr:
            return a.isBool() && b.isBool() ? Value::boolean(x | y) : Value::integer(x | y);
        case BinOpKind::BitXor:
            return a.isBool() && b.isBool() ? Value::boolean(x ^ y) : Value::integer(x ^ y);
        case BinOpKind::MatMult:
            unsupported(op, a, b);
        }
    }
    double x = asDouble(a), y = asDouble(b);
    switch (op) {
    case BinOpKind::Add: return Value::real(x + y);
    case BinOpKind::Sub: return Value::real(x - y);
    case BinOpKind::Mult: return Value::real(x * y);
    case BinOpKind::Div:
        if (y == 0) zeroDiv("float division by zero");
        return Value::real(x / y);
    case BinOpKind::FloorDiv:
        if (y == 0) zeroDiv("float floor division by zero");
        return Value::real(floatFloorDiv(x, y, nullptr));
    case BinOpKind::Mod: {
        if (y == 0) zeroDiv("float modulo");
        double m;
        floatFloorDiv(x, y, &m);
        return Value::real(m);
    }
    case BinOpKind::Pow:
        if (x == 0 && y < 0) zeroDiv("0.0 cannot be raised to a negative power");
        if (x < 0 && std::floor(y) != y && std::isfinite(y))
            in().raise(in().types.ValueError, "complex results are not supported (negative number to a fractional power)");
        return Value::real(std::pow(x, y));
    default:
        unsupported(op, a, b);
    }
}

Value unary(UnaryOpKind op, const Value& a) {
    if (isInt(a)) {
        int64_t x = a.asInt();
        switch (op) {
        case UnaryOpKind::USub:
            if (x == INT64_MIN) return fromBig(-BigInt(x));
            return Value::integer(-x);
        case UnaryOpKind::UAdd: return Value::integer(x);
        case UnaryOpKind::Invert: return Value::integer(~x);
        case UnaryOpKind::Not: return Value::boolean(x == 0);
        }
    }
    double d = a.asFloat();
    switch (op) {
    case UnaryOpKind::USub: return Value::real(-d);
    case UnaryOpKind::UAdd: return Value::real(d);
    case UnaryOpKind::Not: return Value::boolean(d == 0);
    case UnaryOpKind::Invert: break;
    }
    in().raise(in().types.TypeError, "bad operand type for unary ~: 'float'");
}

bool compare(CmpOpKind op, const Value& a, const Value& b) {
    int c;
    if (isInt(a) && isInt(b)) {
        c = a.asInt() < b.asInt() ? -1 : (a.asInt() > b.asInt() ? 1 : 0);
    } else {
        bool nan = (a.isFloat() && std::isnan(a.asFloat())) || (b.isFloat() && std::isnan(b.asFloat()));
        if (nan) return op == CmpOpKind::NotEq;
        if (isInt(a)) c = cmpIntFloat(a.asInt(), b.asFloat());
        else if (isInt(b)) c = -cmpIntFloat(b.asInt(), a.asFloat());
        else c = a.asFloat() < b.asFloat() ? -1 : (a.asFloat() > b.asFloat() ? 1 : 0);
    }
    switch (op) {
    case CmpOpKind::Lt: return c < 0;
    case CmpOpKind::LtE: return c <= 0;
    case CmpOpKind::Gt: return c > 0;
    case CmpOpKind::GtE: return c >= 0;
    case CmpOpKind::Eq: return c == 0;
    case CmpOpKind::NotEq: return c != 0;
    default: return false;
    }
}

Value comparison(CmpOpKind op, int c) {
    switch (op) {
    case CmpOpKind::Lt: return Value::boolean(c < 0);
    case CmpOpKind::LtE: return Value::boolean(c <= 0);
    case CmpOpKind::Gt: return Value::boolean(c > 0);
    case CmpOpKind::GtE: return Value::boolean(c >= 0);
    case CmpOpKind::Eq: return Value::boolean(c == 0);
    case CmpOpKind::NotEq: return Value::boolean(c != 0);
    default: return {};
    }
}

int64_t intHash(int64_t v) {
    constexpr uint64_t P = (uint64_t{1} << 61) - 1;
    uint64_t mag = v < 0 ? (v == INT64_MIN ? uint64_t{1} << 63 : static_cast<uint64_t>(-v)) : static_cast<uint64_t>(v);
    int64_t h = static_cast<int64_t>(mag % P);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

int64_t floatHash(double v) {
    constexpr uint64_t P = (uint64_t{1} << 61) - 1;
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    auto h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

std::string floatRepr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, r.ptr);
    // s = [-]D[.DDD]e[+-]XX
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    size_t epos = s.find('e');
    int exp = std::atoi(s.c_str() + epos + 1);
    std::string digits;
    for (size_t i = 0; i < epos; ++i)
        if (s[i] != '.') digits += s[i];
    std::string out;
    if (exp >= -5 + 1 && exp < 16) {  // CPython 'r': fixed when -4 <= exp < 16
        if (exp >= 0) {
            if (static_cast<int>(digits.size()) <= exp + 1) {
                out = digits + std::string(static_cast<size_t>(exp + 1) - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, static_cast<size_t>(exp + 1)) + "." + digits.substr(static_cast<size_t>(exp + 1));
            }
        } else {
            out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return neg ? "-" + out : out;
}

double roundHalfEven(double x, int64_t ndigits) {
    if (!std::isfinite(x)) return x;
    if (ndigits > 22) return x;
    if (ndigits < -22) return 0.0 * x;
    if (ndigits >= 0) {
        // Correctly rounded decimal conversion (the exact binary value decides ties), as
        // CPython's round() does through dtoa.
        char buf[512];
        auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, static_cast<int>(ndigits));
        double out = 0;
        std::from_chars(buf, r.ptr, out);
        return out;
    }
    double p = std::pow(10.0, static_cast<double>(-ndigits));
    double y = x / p;
    double z = std::nearbyint(y);
    return z * p;
}

std::string format(const Value& v, std::string_view specText) {
    fmt::FormatSpec spec = fmt::parse(specText);
    Interpreter& I = in();
    char type = spec.type;
    if (v.isBool() && specText.empty()) return v.asBool() ? "True" : "False";
    const BigInt* big = bigOf(v);
    bool isInteger = v.isInt() || v.isBool() || big;
    if (isInteger && (type == 0 || type == 'd' || type == 'n' || type == 'b' || type == 'o' || type == 'x' ||
                      type == 'X' || type == 'c')) {
        if (spec.precision >= 0) I.raise(I.types.ValueError, "Precision not allowed in integer format specifier");
        if (type == 'c') {
            if (big) I.raise(I.types.OverflowError, "%c arg not in range(0x110000)");
            std::string s;
            appendUtf8(s, static_cast<uint32_t>(v.asInt()));
            return fmt::pad(s, spec, false, '<');
        }
        int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        std::string digits;
        bool negative;
        if (big) {
            digits = big->abs().toString(base);
            negative = big->isNegative();
        } else {
            int64_t x = v.asInt();
            uint64_t mag = x < 0 ? (0 - static_cast<uint64_t>(x)) : static_cast<uint64_t>(x);
            char buf[80];
            auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
            digits.assign(buf, r.ptr);
            negative = x < 0;
        }
        if (type == 'X')
            for (auto& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (spec.grouping) digits = fmt::group(digits, spec.grouping, base == 10 ? 3 : 4);
        std::string prefix;
        if (spec.alternate && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : (type == 'X' ? "0X" : "0x");
        std::string sign = negative ? "-" : (spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "");
        return fmt::pad(sign + prefix + digits, spec, true, '>');
    }
    double d;
    if (big) d = bigToDouble(*big);
    else if (isInteger) d = static_cast<double>(v.asInt());
    else d = v.asFloat();
    if (type != 0 && type != 'e' && type != 'E' && type != 'f' && type != 'F' && type != 'g' && type != 'G' &&
        type != '%' && type != 'n')
        I.raise(I.types.ValueError, std::string("Unknown format code '") + type + "' for object of type '" +
                                        (isInteger ? "int" : "float") + "'");
    bool neg = std::signbit(d) && !std::isnan(d);
    double mag = std::fabs(d);
    std::string body;
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (std::isnan(mag) || std::isinf(mag)) {
        body = std::isnan(mag) ? "nan" : "inf";
        if (upper) body = std::isnan(mag) ? "NAN" : "INF";
        if (type == '%') body += "%";
    } else if (type == 0 && spec.precision < 0) {
        body = isInteger ? std::to_string(static_cast<int64_t>(mag)) : floatRepr(mag);
    } else {
        char buf[512];
        int prec = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
        std::to_chars_result r{};
        char t = type == 0 ? 'g' : static_cast<char>(std::tolower(static_cast<unsigned char>(type)));
        if (t == 'n') t = 'g';
        if (t == '%') {
            r = std::to_chars(buf, buf + sizeof buf, mag * 100, std::chars_format::fixed, prec);
            body = std::string(buf, r.ptr) + "%";
        } else if (t == 'f') {
            r = std::to_chars(buf, buf + sizeof buf, mag, std::chars_format::fixed, prec);
            body = std::string(buf, r.ptr);
        } else if (t == 'e') {
            r = std::to_chars(buf, buf + sizeof buf, mag, std::chars_format::scientific, prec);
            body = std::string(buf, r.ptr);
        } else {
            if (prec == 0) prec = 1;
            if (spec.alternate) {
                std::snprintf(buf, sizeof buf, "%#.*g", prec, mag);
                body = buf;
            } else {
                r = std::to_chars(buf, buf + sizeof buf, mag, std::chars_format::general, prec);
                body = std::string(buf, r.ptr);
            }
            if (type == 0 && body.find_first_of(".e") == std::string::npos) body += ".0";
        }
        if (spec.alternate && body.find('.') == std::string::npos && (t == 'f' || t == 'e' || t == '%')) {
            size_t p = body.find_first_of("e%");
            body.insert(p == std::string::npos ? body.size() : p, ".");
        }
        if (upper)
            for (auto& ch : body) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    if (spec.grouping && !body.empty() && std::isdigit(static_cast<unsigned char>(body[0]))) {
        size_t end = body.find_first_not_of("0123456789");
        std::string intPart = body.substr(0, end);
        body = fmt::group(intPart, spec.grouping) + (end == std::string::npos ? "" : body.substr(end));
    }
    std::string sign = neg ? "-" : (spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "");
    return fmt::pad(sign + body, spec, true, '>');
}

} // namespace gs::runtime::numbers
