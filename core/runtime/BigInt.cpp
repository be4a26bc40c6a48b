// Arbitrary-precision integer arithmetic (see BigInt.h). Schoolbook algorithms: the values a
// scenario builds (bit patterns, 2**100, factorials) are a few limbs long, so simplicity wins.
#include "core/runtime/BigInt.h"

#include <algorithm>
#include <cmath>

namespace gs::runtime {

namespace {
__extension__ using U128 = unsigned __int128;

void mulAddSmall(std::vector<uint32_t>& m, uint32_t mul, uint32_t add) {
    uint64_t carry = add;
    for (uint32_t& limb : m) {
        uint64_t t = static_cast<uint64_t>(limb) * mul + carry;
        limb = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) m.push_back(static_cast<uint32_t>(carry));
}
} // namespace

void BigInt::trim() {
    while (!mag_.empty() && mag_.back() == 0) mag_.pop_back();
    if (mag_.empty()) neg_ = false;
}

BigInt::BigInt(int64_t v) {
    uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    *this = fromU64(m);
    neg_ = v < 0;
}

BigInt BigInt::fromU64(uint64_t v) {
    BigInt r;
    if (v) r.mag_.push_back(static_cast<uint32_t>(v));
    if (v >> 32) r.mag_.push_back(static_cast<uint32_t>(v >> 32));
    return r;
}

BigInt BigInt::fromDouble(double d) {
    double t = std::trunc(std::fabs(d));
    BigInt r;
    if (t < 18446744073709551616.0) {
        r = fromU64(static_cast<uint64_t>(t));
    } else {
        int e = 0;
        double m = std::frexp(t, &e);  // t = m * 2**e, 0.5 <= m < 1
        auto mant = static_cast<uint64_t>(std::ldexp(m, 53));
        r = fromU64(mant).shl(static_cast<uint64_t>(e - 53));
    }
    r.neg_ = d < 0 && !r.isZero();
    return r;
}

std::optional<BigInt> BigInt::parse(std::string_view digits, int base) {
    if (digits.empty() || base < 2 || base > 36) return std::nullopt;
    BigInt r;
    for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return std::nullopt;
        if (d >= base) return std::nullopt;
        mulAddSmall(r.mag_, static_cast<uint32_t>(base), static_cast<uint32_t>(d));
    }
    r.trim();
    return r;
}

bool BigInt::fitsInt64() const {
    if (mag_.size() > 2) return false;
    uint64_t m = low64();
    if (neg_) m = 0 - m;  // magnitude
    return neg_ ? m <= (uint64_t{1} << 63) : m <= static_cast<uint64_t>(INT64_MAX);
}

int64_t BigInt::toInt64() const { return static_cast<int64_t>(low64()); }

uint64_t BigInt::low64() const {
    uint64_t m = 0;
    if (!mag_.empty()) m = mag_[0];
    if (mag_.size() > 1) m |= static_cast<uint64_t>(mag_[1]) << 32;
    return neg_ ? 0 - m : m;
}

size_t BigInt::bitLength() const {
    if (mag_.empty()) return 0;
    return 32 * (mag_.size() - 1) + (32 - static_cast<size_t>(__builtin_clz(mag_.back())));
}

std::optional<double> BigInt::toDouble() const {
    size_t bl = bitLength();
    double d;
    if (bl <= 64) {
        BigInt a = abs();
        d = static_cast<double>(a.low64());
    } else {
        // The top 64 bits plus a sticky bit for everything below: one correct rounding.
        size_t shift = bl - 64;
        BigInt top = abs().shr(shift);
        uint64_t t = top.low64();
        bool sticky = false;
        for (size_t i = 0; i < shift / 32 && !sticky; ++i) sticky = mag_[i] != 0;
        if (!sticky && shift % 32) sticky = (mag_[shift / 32] & ((uint32_t{1} << (shift % 32)) - 1)) != 0;
        if (sticky) t |= 1;
        d = std::ldexp(static_cast<double>(t), static_cast<int>(std::min<size_t>(shift, 4096)));
    }
    if (std::isinf(d)) return std::nullopt;
    return neg_ ? -d : d;
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.isZero()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

int BigInt::cmpMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

std::vector<uint32_t> BigInt::addMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    const auto& x = a.size() >= b.size() ? a : b;
    const auto& y = a.size() >= b.size() ? b : a;
    std::vector<uint32_t> r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t t = static_cast<uint64_t>(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    r[x.size()] = static_cast<uint32_t>(carry);
    return r;
}

std::vector<uint32_t> BigInt::subMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<uint32_t> r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t t = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        borrow = t < 0 ? 1 : 0;
        r[i] = static_cast<uint32_t>(t + (borrow << 32));
    }
    return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.neg_ == b.neg_) {
        r.mag_ = BigInt::addMag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else if (BigInt::cmpMag(a.mag_, b.mag_) >= 0) {
        r.mag_ = BigInt::subMag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else {
        r.mag_ = BigInt::subMag(b.mag_, a.mag_);
        r.neg_ = b.neg_;
    }
    r.trim();
    return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.isZero() || b.isZero()) return r;
    r.mag_.assign(a.mag_.size() + b.mag_.size(), 0);
    for (size_t i = 0; i < a.mag_.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.mag_.size(); ++j) {
            uint64_t t = static_cast<uint64_t>(a.mag_[i]) * b.mag_[j] + r.mag_[i + j] + carry;
            r.mag_[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        for (size_t k = i + b.mag_.size(); carry; ++k) {
            uint64_t t = static_cast<uint64_t>(r.mag_[k]) + carry;
            r.mag_[k] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    r.neg_ = a.neg_ != b.neg_;
    r.trim();
    return r;
}

uint32_t BigInt::divSmall(std::vector<uint32_t>& a, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    while (!a.empty() && a.back() == 0) a.pop_back();
    return static_cast<uint32_t>(rem);
}

void BigInt::divModMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                       std::vector<uint32_t>& q, std::vector<uint32_t>& r) {
    if (b.size() == 1) {
        q = a;
        uint32_t rem = divSmall(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    // Binary long division: one shift and at most one subtraction per bit of a.
    q.assign(a.size(), 0);
    r.clear();
    for (size_t bit = a.size() * 32; bit-- > 0;) {
        uint32_t carry = (a[bit / 32] >> (bit % 32)) & 1;
        for (uint32_t& limb : r) {
            uint32_t next = limb >> 31;
            limb = (limb << 1) | carry;
            carry = next;
        }
        if (carry) r.push_back(carry);
        if (cmpMag(r, b) >= 0) {
            r = subMag(r, b);
            while (!r.empty() && r.back() == 0) r.pop_back();
            q[bit / 32] |= uint32_t{1} << (bit % 32);
        }
    }
    while (!q.empty() && q.back() == 0) q.pop_back();
}

void BigInt::divMod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    BigInt qq, rr;
    divModMag(a.mag_, b.mag_, qq.mag_, rr.mag_);
    qq.neg_ = a.neg_ != b.neg_;
    rr.neg_ = a.neg_;
    qq.trim();
    rr.trim();
    if (!rr.isZero() && rr.neg_ != b.neg_) {  // truncated -> floor
        qq = qq - BigInt(1);
        rr = rr + b;
    }
    q = std::move(qq);
    r = std::move(rr);
}

BigInt BigInt::pow(uint64_t exp) const {
    BigInt result(1), base = *this;
    while (exp) {
        if (exp & 1) result = result * base;
        exp >>= 1;
        if (exp) base = base * base;
    }
    return result;
}

BigInt BigInt::shl(uint64_t n) const {
    if (isZero()) return *this;
    BigInt r;
    size_t limbs = n / 32, bits = n % 32;
    r.mag_.assign(limbs, 0);
    uint32_t carry = 0;
    for (uint32_t limb : mag_) {
        r.mag_.push_back(bits ? (limb << bits) | carry : limb);
        carry = bits ? limb >> (32 - bits) : 0;
    }
    if (carry) r.mag_.push_back(carry);
    r.neg_ = neg_;
    r.trim();
    return r;
}

BigInt BigInt::shr(uint64_t n) const {
    if (neg_) return -((-*this - BigInt(1)).shr(n)) - BigInt(1);  // floor for negatives
    size_t limbs = n / 32, bits = n % 32;
    BigInt r;
    if (limbs >= mag_.size()) return r;
    for (size_t i = limbs; i < mag_.size(); ++i) {
        uint32_t lo = mag_[i] >> bits;
        uint32_t hi = (bits && i + 1 < mag_.size()) ? mag_[i + 1] << (32 - bits) : 0;
        r.mag_.push_back(lo | hi);
    }
    r.trim();
    return r;
}

BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, BitOp op) {
    size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
    auto twos = [n](const BigInt& x) {
        std::vector<uint32_t> m = x.mag_;
        m.resize(n, 0);
        if (x.neg_) {
            m = subMag(m, {1});
            for (uint32_t& limb : m) limb = ~limb;
        }
        return m;
    };
    std::vector<uint32_t> x = twos(a), y = twos(b), r(n);
    auto apply = [op](uint32_t p, uint32_t q) {
        return op == BitOp::And ? (p & q) : op == BitOp::Or ? (p | q) : (p ^ q);
    };
    for (size_t i = 0; i < n; ++i) r[i] = apply(x[i], y[i]);
    bool neg = apply(a.neg_ ? 1u : 0u, b.neg_ ? 1u : 0u) != 0;
    BigInt out;
    if (neg) {  // magnitude of a negative two's complement value: ~r + 1
        for (uint32_t& limb : r) limb = ~limb;
        r = addMag(r, {1});
    }
    out.mag_ = std::move(r);
    out.neg_ = neg;
    out.trim();
    return out;
}

BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::And); }
BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Or); }
BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Xor); }
BigInt BigInt::operator~() const { return -*this - BigInt(1); }

int BigInt::compare(const BigInt& a, const BigInt& b) {
    if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
    int c = cmpMag(a.mag_, b.mag_);
    return a.neg_ ? -c : c;
}

int BigInt::compareDouble(double d) const {
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    int c = compare(*this, fromDouble(d));
    if (c != 0) return c;
    double frac = d - std::trunc(d);
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

int64_t BigInt::hash() const {
    constexpr uint64_t P = (uint64_t{1} << 61) - 1;
    uint64_t acc = 0;
    for (size_t i = mag_.size(); i-- > 0;) acc = static_cast<uint64_t>(((static_cast<U128>(acc) << 32) | mag_[i]) % P);
    auto h = static_cast<int64_t>(acc);
    if (neg_) h = -h;
    return h == -1 ? -2 : h;
}

std::string BigInt::toString(int base) const {
    if (isZero()) return "0";
    uint32_t chunk = static_cast<uint32_t>(base);
    int perChunk = 1;
    while (static_cast<uint64_t>(chunk) * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
        chunk *= static_cast<uint32_t>(base);
        ++perChunk;
    }
    std::vector<uint32_t> m = mag_;
    std::string out;  // reversed
    while (!m.empty()) {
        uint32_t rem = divSmall(m, chunk);
        for (int k = 0; k < perChunk && (!m.empty() || rem); ++k) {
            out += "0123456789abcdefghijklmnopqrstuvwxyz"[rem % static_cast<uint32_t>(base)];
            rem /= static_cast<uint32_t>(base);
        }
    }
    if (neg_) out += '-';
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace gs::runtime
