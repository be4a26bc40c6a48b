#include "core/lang/NumberLiteral.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <vector>

namespace gs::lang {

namespace {

int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    return (c | 0x20) - 'a' + 10;
}

// Decimal digits of the number whose base-`base` digits are given (no prefix, no '_').
std::string toDecimal(std::string_view digits, int base) {
    std::vector<uint32_t> limbs; // little-endian base 2^32
    for (char c : digits) {
        uint64_t carry = static_cast<uint64_t>(digitValue(c));
        for (uint32_t& l : limbs) {
            uint64_t v = static_cast<uint64_t>(l) * static_cast<uint64_t>(base) + carry;
            l = static_cast<uint32_t>(v);
            carry = v >> 32;
        }
        if (carry) limbs.push_back(static_cast<uint32_t>(carry));
    }
    std::string out;
    while (!limbs.empty()) {
        // Divide by 10^9 and emit nine digits per step.
        uint64_t rem = 0;
        for (size_t i = limbs.size(); i-- > 0;) {
            uint64_t cur = (rem << 32) | limbs[i];
            limbs[i] = static_cast<uint32_t>(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
        for (int k = 0; k < 9; ++k) {
            out += static_cast<char>('0' + rem % 10);
            rem /= 10;
            if (limbs.empty() && rem == 0) break;
        }
    }
    if (out.empty()) out.push_back('0'); // (not `= "0"`: GCC 12 -Wrestrict false positive)
    return std::string(out.rbegin(), out.rend());
}

std::string tooManyDigits(size_t n) {
    return "Exceeds the limit (" + std::to_string(kMaxIntDigits) +
           " digits) for integer string conversion: value has " + std::to_string(n) +
           " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
           "for huge integer literals to avoid decimal conversion limits.";
}

bool parseDouble(const std::string& s, double& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc::result_out_of_range) {
        // Python rounds overflow to inf and underflow to 0.
        size_t e = s.find_first_of("eE");
        bool negExp = e != std::string::npos && e + 1 < s.size() && s[e + 1] == '-';
        out = negExp ? 0.0 : std::numeric_limits<double>::infinity();
        return true;
    }
    return ec == std::errc() && ptr == s.data() + s.size();
}

} // namespace

std::string decodeNumber(std::string_view text, Constant& c) {
    std::string s;
    s.reserve(text.size());
    for (char ch : text)
        if (ch != '_') s += ch;
    if (s.empty()) return "invalid number";

    const char last = static_cast<char>(s.back() | 0x20);
    if (last == 'j') {
        s.pop_back();
        c.type = Constant::Type::Complex;
        return parseDouble(s, c.f) ? "" : "invalid imaginary literal";
    }
    int base = 10;
    std::string_view digits = s;
    if (s.size() > 1 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        if (p == 'x' || p == 'o' || p == 'b') {
            base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            digits.remove_prefix(2);
        }
    }
    if (base == 10 && s.find_first_of(".eE") != std::string::npos) {
        c.type = Constant::Type::Float;
        return parseDouble(s, c.f) ? "" : "invalid decimal literal";
    }
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    if (digits.empty()) return "invalid number";

    uint64_t v = 0;
    bool overflow = false;
    for (char ch : digits) {
        auto d = static_cast<uint64_t>(digitValue(ch));
        if (v > (std::numeric_limits<uint64_t>::max() - d) / static_cast<uint64_t>(base)) {
            overflow = true;
            break;
        }
        v = v * static_cast<uint64_t>(base) + d;
    }
    if (!overflow && v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        c.type = Constant::Type::Int;
        c.i = static_cast<int64_t>(v);
        return "";
    }
    c.type = Constant::Type::BigInt;
    if (base == 10) {
        if (digits.size() > kMaxIntDigits) return tooManyDigits(digits.size());
        c.s = std::string(digits);
        return "";
    }
    // log10(2) ~ 0.30103: refuse before doing quadratic work on an absurd literal.
    const double bitsPerDigit = base == 16 ? 4 : base == 8 ? 3 : 1;
    const double approxDecimal = static_cast<double>(digits.size()) * bitsPerDigit * 0.30103;
    if (approxDecimal > static_cast<double>(kMaxIntDigits) + 2)
        return tooManyDigits(static_cast<size_t>(approxDecimal) + 1);
    c.s = toDecimal(digits, base);
    if (c.s.size() > kMaxIntDigits) return tooManyDigits(c.s.size());
    return "";
}

} // namespace gs::lang
