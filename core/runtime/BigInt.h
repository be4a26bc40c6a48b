#pragma once
// Arbitrary-precision integers for Python's unbounded int (Python reference, "Integers"): the
// slow path behind the inline int64 Value. Arithmetic only, no interpreter dependency, so it is
// unit-tested on its own (tests/unit/runtime/BigIntTest.cpp). Values that fit int64 are turned
// back into inline ints by the caller (numbers::normalize), so a BigInt object always holds a
// value outside int64 — equal values compare and hash as the int64 ones would.
//
// Representation: sign + magnitude in base 2**32 limbs, least significant first, no leading zero
// limbs; zero is an empty magnitude with neg=false. Division is floor division (Python's //, %),
// right shift rounds toward negative infinity, bitwise operators act on the infinite two's
// complement form, as Python's do.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::runtime {

class BigInt {
public:
    BigInt() = default;
    BigInt(int64_t v);  // NOLINT: implicit, like Python's int promotion
    static BigInt fromU64(uint64_t v);
    // Truncates toward zero; d must be finite.
    static BigInt fromDouble(double d);
    // Digits only (no sign, no underscores, no prefix); 2 <= base <= 36. nullopt on a bad digit.
    static std::optional<BigInt> parse(std::string_view digits, int base);

    bool isZero() const { return mag_.empty(); }
    bool isNegative() const { return neg_; }
    bool fitsInt64() const;
    int64_t toInt64() const;  // only if fitsInt64()
    // The low 64 bits of the two's complement form (struct's 'Q' of a value in [0, 2**64)).
    uint64_t low64() const;
    size_t bitLength() const;  // of |x|
    // Correctly rounded (half to even); nullopt when the result would be infinite.
    std::optional<double> toDouble() const;

    BigInt operator-() const;
    BigInt abs() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    // Floor division and modulo; b must not be zero.
    static void divMod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
    BigInt pow(uint64_t exp) const;
    BigInt shl(uint64_t n) const;
    BigInt shr(uint64_t n) const;  // floor(x / 2**n)
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt operator~() const;  // -x - 1

    static int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
    friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
    // Exact comparison with a finite or infinite double (NaN is the caller's business).
    int compareDouble(double d) const;

    // CPython's hash: |x| mod (2**61 - 1) with x's sign, -1 -> -2; equal to the int64 hash.
    int64_t hash() const;
    // Lower-case digits with a '-' sign, no prefix.
    std::string toString(int base = 10) const;

private:
    enum class BitOp { And, Or, Xor };
    static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op);
    static std::vector<uint32_t> addMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
    static std::vector<uint32_t> subMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);  // a >= b
    static int cmpMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
    static uint32_t divSmall(std::vector<uint32_t>& a, uint32_t d);  // in place, returns remainder
    static void divModMag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                          std::vector<uint32_t>& q, std::vector<uint32_t>& r);
    void trim();

    bool neg_ = false;
    std::vector<uint32_t> mag_;
};

} // namespace gs::runtime
