#include "core/tensor/Scalar.h"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace gs::tensor {

std::string Scalar::repr() const {
    switch (kind_) {
    case Kind::Bool: return i_ ? "True" : "False";
    case Kind::Int: return std::to_string(i_);
    case Kind::Float: return pythonFloatRepr(d_);
    case Kind::Complex: {
        // Python's complex repr: components without ".0", "1j" when the real part is +0.0
        auto part = [](double v) {
            std::string t = pythonFloatRepr(v);
            if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
            return t;
        };
        if (d_ == 0.0 && !std::signbit(d_)) return part(im_) + "j";
        std::string im = part(im_);
        std::string s = "(";
        s += part(d_);
        if (im[0] != '-') s += '+';
        s += im;
        s += "j)";
        return s;
    }
    }
    return {};
}

std::string pythonFloatRepr(double v) {
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v < 0 ? "-inf" : "inf";
    if (v == 0.0)
        return std::signbit(v) ? "-0.0" : "0.0";
    // Shortest digits via to_chars in scientific form: d[.ddd]e±XX.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    const bool neg = sci[0] == '-';
    if (neg)
        sci.erase(0, 1);
    const size_t e = sci.find('e');
    std::string digits = sci.substr(0, e);
    const int exp10 = std::atoi(sci.c_str() + e + 1);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int decpt = exp10 + 1; // position of the decimal point relative to the digits
    std::string out;
    if (decpt <= -4 || decpt > 16) { // Python's float_repr_style 'short' switch to exponent
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
        out += eb;
    } else if (decpt <= 0) {
        out.assign("0.");
        out.append(static_cast<size_t>(-decpt), '0');
        out.append(digits);
    } else if (static_cast<size_t>(decpt) >= digits.size()) {
        out = digits + std::string(static_cast<size_t>(decpt) - digits.size(), '0') + ".0";
    } else {
        out = digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
    }
    return neg ? "-" + out : out;
}

} // namespace gs::tensor
