// The math module (a native module: see Stdlib.h).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

namespace {

Interpreter& in() { return Interpreter::current(); }

double num(const Value& v) { return ops::toDouble(v); }

[[noreturn]] void domain() { in().raise(in().types.ValueError, "math domain error"); }

} // namespace

namespace {

Value math_log(const CallArgs& a) {
    a.expect("log", 1, 2);
    double x = num(a[0]);
    if (x <= 0) domain();
    double r = std::log(x);
    if (a.size() == 2) {
        double b = num(a[1]);
        if (b <= 0 || b == 1) {
            if (b == 1) in().raise(in().types.ZeroDivisionError, "float division by zero");
            domain();
        }
        r /= std::log(b);
    }
    return Value::real(r);
}

Value math_pow(const CallArgs& a) {
    a.expect("pow", 2, 2);
    double x = num(a[0]), y = num(a[1]);
    if (x == 0 && y < 0) domain();
    if (x < 0 && std::floor(y) != y && std::isfinite(y)) domain();
    return Value::real(std::pow(x, y));
}

Value math_atan2(const CallArgs& a) {
    a.expect("atan2", 2, 2);
    return Value::real(std::atan2(num(a[0]), num(a[1])));
}

Value math_copysign(const CallArgs& a) {
    a.expect("copysign", 2, 2);
    return Value::real(std::copysign(num(a[0]), num(a[1])));
}

Value math_fmod(const CallArgs& a) {
    a.expect("fmod", 2, 2);
    double y = num(a[1]);
    if (y == 0) domain();
    return Value::real(std::fmod(num(a[0]), y));
}

Value math_hypot(const CallArgs& a) {
    double s = 0;
    for (const auto& v : a.pos) s += num(v) * num(v);
    return Value::real(std::sqrt(s));
}

Value math_isnan(const CallArgs& a) {
    a.expect("isnan", 1, 1);
    return Value::boolean(std::isnan(num(a[0])));
}

Value math_isinf(const CallArgs& a) {
    a.expect("isinf", 1, 1);
    return Value::boolean(std::isinf(num(a[0])));
}

Value math_isfinite(const CallArgs& a) {
    a.expect("isfinite", 1, 1);
    return Value::boolean(std::isfinite(num(a[0])));
}

Value math_isclose(const CallArgs& a) {
    ArgParser p(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2);
    double x = num(p[0]), y = num(p[1]);
    double rel = p.getFloat(2, 1e-9), abs = p.getFloat(3, 0.0);
    if (rel < 0 || abs < 0) in().raise(in().types.ValueError, "tolerances must be non-negative");
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs);
}

Value math_prod(const CallArgs& a) {
    ArgParser p(a, "prod", {"iterable", "start"}, 1, 1);
    Value acc = p.has(1) ? p[1] : Value::integer(1);
    for (auto& v : ops::toVector(p[0])) acc = ops::binary(BinOpKind::Mult, acc, v);
    return acc;
}

Value math_fsum(const CallArgs& a) {
    a.expect("fsum", 1, 1);
    long double s = 0;
    for (auto& v : ops::toVector(a[0])) s += num(v);
    return Value::real(static_cast<double>(s));
}

Value math_gcd(const CallArgs& a) {
    int64_t g = 0;
    for (const auto& v : a.pos) g = std::gcd(g, ops::toIndex(v));
    return Value::integer(g < 0 ? -g : g);
}

Value math_lcm(const CallArgs& a) {
    int64_t l = 1;
    for (const auto& v : a.pos) {
        int64_t x = ops::toIndex(v);
        if (x == 0) return Value::integer(0);
        int64_t g = std::gcd(l, x);
        int64_t r;
        if (__builtin_mul_overflow(l / g, x < 0 ? -x : x, &r)) numbers::overflow();
        l = r;
    }
    return Value::integer(l);
}

Value math_factorial(const CallArgs& a) {
    a.expect("factorial", 1, 1);
    if (!a[0].isIntLike()) in().raise(in().types.TypeError, "'" + typeName(a[0]) + "' object cannot be interpreted as an integer");
    int64_t n = a[0].asInt();
    if (n < 0) in().raise(in().types.ValueError, "factorial() not defined for negative values");
    int64_t r = 1;
    for (int64_t k = 2; k <= n; ++k)
        if (__builtin_mul_overflow(r, k, &r)) numbers::overflow();
    return Value::integer(r);
}

Value math_comb(const CallArgs& a) {
    a.expect("comb", 2, 2);
    int64_t n = ops::toIndex(a[0]), k = ops::toIndex(a[1]);
    if (n < 0 || k < 0) in().raise(in().types.ValueError, n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
    if (k > n) return Value::integer(0);
    k = std::min(k, n - k);
    __extension__ using I128 = __int128;
    I128 r = 1;
    for (int64_t i = 1; i <= k; ++i) {
        r = r * (n - k + i) / i;
        if (r > INT64_MAX) numbers::overflow();
    }
    return Value::integer(static_cast<int64_t>(r));
}

Value math_perm(const CallArgs& a) {
    a.expect("perm", 1, 2);
    int64_t n = ops::toIndex(a[0]);
    int64_t k = a.size() > 1 && !a[1].isNone() ? ops::toIndex(a[1]) : n;
    if (n < 0 || k < 0) in().raise(in().types.ValueError, n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
    if (k > n) return Value::integer(0);
    int64_t r = 1;
    for (int64_t i = 0; i < k; ++i)
        if (__builtin_mul_overflow(r, n - i, &r)) numbers::overflow();
    return Value::integer(r);
}

Value math_modf(const CallArgs& a) {
    a.expect("modf", 1, 1);
    double ip;
    double fp = std::modf(num(a[0]), &ip);
    return in().newTuple({Value::real(fp), Value::real(ip)});
}

Value math_frexp(const CallArgs& a) {
    a.expect("frexp", 1, 1);
    int e;
    double m2 = std::frexp(num(a[0]), &e);
    return in().newTuple({Value::real(m2), Value::integer(e)});
}

Value math_ldexp(const CallArgs& a) {
    a.expect("ldexp", 2, 2);
    return Value::real(std::ldexp(num(a[0]), static_cast<int>(ops::toIndex(a[1]))));
}

Value math_isqrt(const CallArgs& a) {
    a.expect("isqrt", 1, 1);
    int64_t n = ops::toIndex(a[0]);
    if (n < 0) in().raise(in().types.ValueError, "isqrt() argument must be nonnegative");
    auto r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
    while (r * r > n) --r;
    while ((r + 1) * (r + 1) <= n) ++r;
    return Value::integer(r);
}

// math's one-argument float functions: ValueError("math domain error") outside the domain
// `ok` (when given) or when a number goes in and NaN comes out.
Value unaryMath(const CallArgs& a, const char* name, double (*f)(double), bool (*ok)(double)) {
    a.expect(name, 1, 1);
    double x = num(a[0]);
    if (ok && !ok(x)) domain();
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) domain();
    return Value::real(r);
}

Value math_sqrt(const CallArgs& a) {
    return unaryMath(a, "sqrt", [](double x) { return std::sqrt(x); }, [](double x) { return x >= 0 || std::isnan(x); });
}
Value math_exp(const CallArgs& a) { return unaryMath(a, "exp", [](double x) { return std::exp(x); }, nullptr); }
Value math_sin(const CallArgs& a) {
    return unaryMath(a, "sin", [](double x) { return std::sin(x); }, [](double x) { return !std::isinf(x); });
}
Value math_cos(const CallArgs& a) {
    return unaryMath(a, "cos", [](double x) { return std::cos(x); }, [](double x) { return !std::isinf(x); });
}
Value math_tan(const CallArgs& a) {
    return unaryMath(a, "tan", [](double x) { return std::tan(x); }, [](double x) { return !std::isinf(x); });
}
Value math_asin(const CallArgs& a) {
    return unaryMath(a, "asin", [](double x) { return std::asin(x); }, [](double x) { return x >= -1 && x <= 1; });
}
Value math_acos(const CallArgs& a) {
    return unaryMath(a, "acos", [](double x) { return std::acos(x); }, [](double x) { return x >= -1 && x <= 1; });
}
Value math_atan(const CallArgs& a) { return unaryMath(a, "atan", [](double x) { return std::atan(x); }, nullptr); }
Value math_sinh(const CallArgs& a) { return unaryMath(a, "sinh", [](double x) { return std::sinh(x); }, nullptr); }
Value math_cosh(const CallArgs& a) { return unaryMath(a, "cosh", [](double x) { return std::cosh(x); }, nullptr); }
Value math_tanh(const CallArgs& a) { return unaryMath(a, "tanh", [](double x) { return std::tanh(x); }, nullptr); }
Value math_fabs(const CallArgs& a) { return unaryMath(a, "fabs", [](double x) { return std::fabs(x); }, nullptr); }
Value math_log2(const CallArgs& a) {
    return unaryMath(a, "log2", [](double x) { return std::log2(x); }, [](double x) { return x > 0; });
}
Value math_log10(const CallArgs& a) {
    return unaryMath(a, "log10", [](double x) { return std::log10(x); }, [](double x) { return x > 0; });
}
Value math_log1p(const CallArgs& a) {
    return unaryMath(a, "log1p", [](double x) { return std::log1p(x); }, [](double x) { return x > -1; });
}
Value math_expm1(const CallArgs& a) { return unaryMath(a, "expm1", [](double x) { return std::expm1(x); }, nullptr); }
Value math_degrees(const CallArgs& a) {
    return unaryMath(a, "degrees", [](double x) { return x * 180.0 / M_PI; }, nullptr);
}
Value math_radians(const CallArgs& a) {
    return unaryMath(a, "radians", [](double x) { return x * M_PI / 180.0; }, nullptr);
}
Value math_erf(const CallArgs& a) { return unaryMath(a, "erf", [](double x) { return std::erf(x); }, nullptr); }
Value math_erfc(const CallArgs& a) { return unaryMath(a, "erfc", [](double x) { return std::erfc(x); }, nullptr); }
Value math_gamma(const CallArgs& a) { return unaryMath(a, "gamma", [](double x) { return std::tgamma(x); }, nullptr); }
Value math_lgamma(const CallArgs& a) {
    return unaryMath(a, "lgamma", [](double x) { return std::lgamma(x); }, nullptr);
}

// float -> int for floor/ceil/trunc: ValueError for NaN, OverflowError for infinities and
// values outside the 64-bit range.
Value floatToInt(double r) {
    if (std::isnan(r)) in().raise(in().types.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(r)) in().raise(in().types.OverflowError, "cannot convert float infinity to integer");
    if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) numbers::overflow();
    return Value::integer(static_cast<int64_t>(r));
}

Value math_floor(const CallArgs& a) {
    a.expect("floor", 1, 1);
    if (a[0].isIntLike()) return Value::integer(a[0].asInt());
    if (Object* o = a[0].obj(); o && o->type()->heap) {
        Value fn = ops::findDunder(o->type(), in().names.__floor__);
        if (fn) return ops::call1(fn, a[0]);
    }
    return floatToInt(std::floor(num(a[0])));
}

Value math_ceil(const CallArgs& a) {
    a.expect("ceil", 1, 1);
    if (a[0].isIntLike()) return Value::integer(a[0].asInt());
    if (Object* o = a[0].obj(); o && o->type()->heap) {
        Value fn = ops::findDunder(o->type(), in().names.__ceil__);
        if (fn) return ops::call1(fn, a[0]);
    }
    return floatToInt(std::ceil(num(a[0])));
}

Value math_trunc(const CallArgs& a) {
    a.expect("trunc", 1, 1);
    if (a[0].isIntLike()) return Value::integer(a[0].asInt());
    return floatToInt(std::trunc(num(a[0])));
}

constexpr NativeDef kMathFunctions[] = {
    {"sqrt", math_sqrt},
    {"exp", math_exp},
    {"sin", math_sin},
    {"cos", math_cos},
    {"tan", math_tan},
    {"asin", math_asin},
    {"acos", math_acos},
    {"atan", math_atan},
    {"sinh", math_sinh},
    {"cosh", math_cosh},
    {"tanh", math_tanh},
    {"fabs", math_fabs},
    {"log2", math_log2},
    {"log10", math_log10},
    {"log1p", math_log1p},
    {"expm1", math_expm1},
    {"degrees", math_degrees},
    {"radians", math_radians},
    {"erf", math_erf},
    {"erfc", math_erfc},
    {"gamma", math_gamma},
    {"lgamma", math_lgamma},
    {"log", math_log},
    {"floor", math_floor},
    {"ceil", math_ceil},
    {"trunc", math_trunc},
    {"pow", math_pow},
    {"atan2", math_atan2},
    {"copysign", math_copysign},
    {"fmod", math_fmod},
    {"hypot", math_hypot},
    {"isnan", math_isnan},
    {"isinf", math_isinf},
    {"isfinite", math_isfinite},
    {"isclose", math_isclose},
    {"prod", math_prod},
    {"fsum", math_fsum},
    {"gcd", math_gcd},
    {"lcm", math_lcm},
    {"factorial", math_factorial},
    {"comb", math_comb},
    {"perm", math_perm},
    {"modf", math_modf},
    {"frexp", math_frexp},
    {"ldexp", math_ldexp},
    {"isqrt", math_isqrt},
};

} // namespace

void initMath(Interpreter& I, Module* m) {
    Dict* d = m->dict.get();
    d->setStr("pi", Value::real(M_PI));
    d->setStr("e", Value::real(M_E));
    d->setStr("tau", Value::real(2 * M_PI));
    d->setStr("inf", Value::real(INFINITY));
    d->setStr("nan", Value::real(NAN));
    defineFunctions(I, m, kMathFunctions);
}

} // namespace gs::runtime::stdlib
