// complex (see Complex.h).
#include "core/runtime/Complex.h"

#include <cmath>

#include "core/runtime/Extension.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

// The type lives in a private module so that rebinding builtins.complex cannot change what a
// literal `2j` is (BuiltinTypes has no slot for it).
constexpr const char* kHome = "_guardscope_complex";

Type* complexType() {
    Interpreter& I = in();
    Module* m = I.nativeModule(kHome);
    return static_cast<Type*>(m->dict->getStr("complex").obj());
}

struct C {
    double re, im;
};

C mul(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm, as CPython's _Py_c_quot (the rounding is visible in repr).
C quot(C a, C b) {
    double absBr = std::fabs(b.re), absBi = std::fabs(b.im);
    if (absBr >= absBi) {
        if (absBr == 0.0) in().raise(in().types.ZeroDivisionError, "complex division by zero");
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (absBi >= absBr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return {NAN, NAN};  // NaNs in b
}

C powu(C x, uint64_t n) {
    C r{1.0, 0.0}, p = x;
    for (uint64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = mul(r, p);
        p = mul(p, p);
    }
    return r;
}

C power(C a, C b) {
    // small integral exponents: repeated squaring (CPython: |n| <= 100)
    if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
        auto n = static_cast<int64_t>(b.re);
        if (n >= 0) return powu(a, static_cast<uint64_t>(n));
        if (a.re == 0.0 && a.im == 0.0) in().raise(in().types.ZeroDivisionError, "0.0 to a negative or complex power");
        return quot({1.0, 0.0}, powu(a, static_cast<uint64_t>(-n)));
    }
    if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) in().raise(in().types.ZeroDivisionError, "0.0 to a negative or complex power");
        return {0.0, 0.0};
    }
    double vabs = std::hypot(a.re, a.im), len = std::pow(vabs, b.re), at = std::atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= std::exp(at * b.im);
        phase += b.im * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
}

// repr of one component: repr(float) without a trailing ".0" (CPython's 'r' format, no '#').
std::string part(double d) {
    std::string s = numbers::floatRepr(d);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

// complex("1+2j"), complex(" (3-4j) "), complex("5"), complex("-j"); ValueError otherwise.
C parse(std::string_view text) {
    auto bad = [] [[noreturn]] () { in().raise(in().types.ValueError, "complex() arg is a malformed string"); };
    std::string s(text);
    auto trim = [](std::string& t) {
        size_t b = t.find_first_not_of(" \t\n\r\f\v"), e = t.find_last_not_of(" \t\n\r\f\v");
        t = b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
    };
    trim(s);
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        s = s.substr(1, s.size() - 2);
        trim(s);
    }
    if (s.empty()) bad();
    auto number = [&](const std::string& t) -> double {
        if (t.empty() || t == "+") return 1.0;
        if (t == "-") return -1.0;
        char* end = nullptr;
        double d = std::strtod(t.c_str(), &end);
        if (end != t.c_str() + t.size() || std::isspace(static_cast<unsigned char>(t[0]))) bad();
        return d;
    };
    if (s.back() != 'j' && s.back() != 'J') return {number(s), 0.0};
    std::string body = s.substr(0, s.size() - 1);
    // split before the last sign that is not an exponent's sign and not the first character
    for (size_t i = body.size(); i-- > 1;) {
        if ((body[i] == '+' || body[i] == '-') && body[i - 1] != 'e' && body[i - 1] != 'E')
            return {number(body.substr(0, i)), number(body.substr(i))};
    }
    return {0.0, number(body)};
}
} // namespace

namespace complex {

Value make(double re, double im) { return Value(new ComplexObject(complexType(), re, im)); }

ComplexObject* of(const Value& v) { return v.isObj() ? dynamic_cast<ComplexObject*>(v.obj()) : nullptr; }

bool components(const Value& v, double& re, double& im) {
    if (ComplexObject* c = of(v)) {
        re = c->re;
        im = c->im;
        return true;
    }
    im = 0.0;
    if (v.isIntLike() || v.isFloat() || numbers::bigOf(v)) {
        re = ops::toDouble(v);
        return true;
    }
    return false;
}

void define(Interpreter& I, Module* builtins) {
    Type* t = I.newNativeType("complex", "builtins");
    I.setAttr(I.nativeModule(kHome), "complex", Value(t));
    I.setAttr(builtins, "complex", Value(t));
    t->construct = [](Type*, const CallArgs& a) -> Value {
        ArgParser p(a, "complex", {"real", "imag"}, 0);
        if (!p.has(0)) return make(0.0, 0.0);
        if (auto* s = p[0].dyn<Str>()) {
            if (p.has(1)) in().raise(in().types.TypeError, "complex() can't take second arg if first is a string");
            C c = parse(s->view());
            return make(c.re, c.im);
        }
        double r0, i0, r1 = 0.0, i1 = 0.0;
        if (!components(p[0], r0, i0))
            in().raise(in().types.TypeError, "complex() first argument must be a string or a number, not '" + typeName(p[0]) + "'");
        if (p.has(1) && !components(p[1], r1, i1))
            in().raise(in().types.TypeError, "complex() second argument must be a number, not '" + typeName(p[1]) + "'");
        if (!p.has(1)) return of(p[0]) ? p[0] : make(r0, i0);
        // real + imag * 1j, adding only what a complex argument brings (CPython keeps the sign
        // of complex(1.0, -0.0)'s zero: no 0.0 + -0.0)
        double re = of(p[1]) ? r0 - i1 : r0;
        double im = of(p[0]) ? i0 + r1 : r1;
        return make(re, im);
    };
    I.addProperty(t, "real", [](const Value& self) { return Value::real(of(self)->re); });
    I.addProperty(t, "imag", [](const Value& self) { return Value::real(of(self)->im); });
    I.addMethod(t, "conjugate", [](const CallArgs& a) {
        a.expect("conjugate", 1, 1);
        ComplexObject* c = of(a[0]);
        return make(c->re, -c->im);
    });
}

} // namespace complex

std::string ComplexObject::repr() {
    if (re == 0.0 && !std::signbit(re)) return part(im) + "j";
    std::string i = part(im);
    if (i[0] != '-') i = "+" + i;
    return "(" + part(re) + i + "j)";
}

int64_t ComplexObject::hash() {
    // CPython: hash(re) + 1000003 * hash(im), in unsigned arithmetic; -1 is reserved.
    auto h = static_cast<uint64_t>(numbers::floatHash(re)) + 1000003u * static_cast<uint64_t>(numbers::floatHash(im));
    auto r = static_cast<int64_t>(h);
    return r == -1 ? -2 : r;
}

Value ComplexObject::richCompare(CmpOpKind op, const Value& other) {
    double r, i;
    if (op != CmpOpKind::Eq && op != CmpOpKind::NotEq) return {};
    if (!complex::components(other, r, i)) return {};
    bool eq = re == r && im == i;
    if (auto* big = numbers::bigOf(other)) eq = im == 0.0 && big->compareDouble(re) == 0;  // exact, as Python
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

Value ComplexObject::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    C o;
    if (!complex::components(other, o.re, o.im)) return {};
    C a{re, im}, b = o;
    if (reflected) std::swap(a, b);
    C r;
    switch (op) {
    case BinOpKind::Add: r = {a.re + b.re, a.im + b.im}; break;
    case BinOpKind::Sub: r = {a.re - b.re, a.im - b.im}; break;
    case BinOpKind::Mult: r = mul(a, b); break;
    case BinOpKind::Div: r = quot(a, b); break;
    case BinOpKind::Pow: r = power(a, b); break;
    default: return {};  // //, %, bit operators: TypeError from the caller
    }
    return complex::make(r.re, r.im);
}

Value ComplexObject::unaryOp(UnaryOpKind op) {
    switch (op) {
    case UnaryOpKind::USub: return complex::make(-re, -im);
    case UnaryOpKind::UAdd: return complex::make(re, im);
    case UnaryOpKind::Not: return Value::boolean(!truth());
    case UnaryOpKind::Invert: break;
    }
    return {};
}

} // namespace gs::runtime
