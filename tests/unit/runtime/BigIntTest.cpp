// BigInt on its own (no interpreter): the arithmetic behind Python's unbounded int. Expected
// values are Python's (python3 -c ...), stated as decimal strings.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/runtime/BigInt.h"

using gs::runtime::BigInt;

namespace {
BigInt big(const char* text) {
    std::string_view s(text);
    bool neg = !s.empty() && s[0] == '-';
    if (neg) s.remove_prefix(1);
    auto v = BigInt::parse(s, 10);
    EXPECT_TRUE(v.has_value()) << text;
    return neg ? -*v : *v;
}
std::string str(const BigInt& v) { return v.toString(10); }
BigInt floorDiv(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    BigInt::divMod(a, b, q, r);
    return q;
}
BigInt floorMod(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    BigInt::divMod(a, b, q, r);
    return r;
}
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
} // namespace

TEST(BigInt, Int64EdgesRoundTripAndStepOutOfRange) {
    EXPECT_EQ(str(BigInt(kMin)), "-9223372036854775808");
    EXPECT_TRUE(BigInt(kMin).fitsInt64());
    EXPECT_EQ(BigInt(kMin).toInt64(), kMin);
    EXPECT_EQ(BigInt(kMax).toInt64(), kMax);
    BigInt below = BigInt(kMin) - BigInt(1), above = BigInt(kMax) + BigInt(1);
    EXPECT_FALSE(below.fitsInt64());
    EXPECT_FALSE(above.fitsInt64());
    EXPECT_EQ(str(below), "-9223372036854775809");
    EXPECT_EQ(str(above), "9223372036854775808");
    EXPECT_EQ(str(-BigInt(kMin)), "9223372036854775808");  // -INT64_MIN is not an int64
    EXPECT_TRUE((below + BigInt(1)).fitsInt64());
    EXPECT_EQ((below + BigInt(1)).toInt64(), kMin);
    EXPECT_EQ(str(BigInt(kMin) * BigInt(-1)), "9223372036854775808");
    EXPECT_EQ(str(BigInt(kMin) * BigInt(kMin)), "85070591730234615865843651857942052864");
}

TEST(BigInt, FloorDivisionAndModuloRoundTowardNegativeInfinity) {
    EXPECT_EQ(str(floorDiv(BigInt(kMin), BigInt(-1))), "9223372036854775808");
    EXPECT_EQ(str(floorMod(BigInt(kMin), BigInt(-1))), "0");
    BigInt x = big("-1180591620717411303424");  // -2**70
    EXPECT_EQ(str(floorDiv(x, BigInt(7))), "-168655945816773043347");
    EXPECT_EQ(str(floorMod(x, BigInt(7))), "5");
    EXPECT_EQ(str(floorDiv(-x, BigInt(-7))), "-168655945816773043347");
    EXPECT_EQ(str(floorMod(-x, BigInt(-7))), "-5");
    EXPECT_EQ(str(floorDiv(x, x)), "1");
    EXPECT_EQ(str(floorMod(x, x)), "0");
    // multi-limb divisor: 2**64 divmod (2**32 + 1) and its negative
    BigInt p64 = BigInt(1).shl(64), d = BigInt::fromU64((uint64_t{1} << 32) + 1);
    EXPECT_EQ(str(floorDiv(p64, d)), "4294967295");
    EXPECT_EQ(str(floorMod(p64, d)), "1");
    EXPECT_EQ(str(floorDiv(-p64, d)), "-4294967296");
    EXPECT_EQ(str(floorMod(-p64, d)), "4294967296");
    BigInt a = big("123456789012345678901234567890123"), b = big("-98765432109876543210");
    BigInt q, r;
    BigInt::divMod(a, b, q, r);
    EXPECT_EQ(str(q), "-1249999988610");
    EXPECT_EQ(str(r), "-61728379771604947977");
    EXPECT_EQ(q * b + r, a);
}

TEST(BigInt, ShiftsCrossTheSixtyFourBitBoundary) {
    EXPECT_EQ(str(BigInt(1).shl(63)), "9223372036854775808");
    EXPECT_EQ(str(BigInt(1).shl(64)), "18446744073709551616");
    EXPECT_EQ(str(BigInt(-1).shl(64)), "-18446744073709551616");
    EXPECT_EQ(str(BigInt(3).shl(100)), "3802951800684688204490109616128");
    EXPECT_EQ(str(BigInt(1).shl(64).shr(1)), "9223372036854775808");
    EXPECT_TRUE(BigInt(1).shl(64).shr(2).fitsInt64());
    EXPECT_EQ(str((-BigInt(1).shl(64)).shr(1)), "-9223372036854775808");
    EXPECT_EQ(str(big("-18446744073709551617").shr(1)), "-9223372036854775809");  // floor
    EXPECT_EQ(str(BigInt(-1).shr(200)), "-1");
    EXPECT_EQ(str(BigInt(5).shr(200)), "0");
}

TEST(BigInt, BitwiseActsOnInfiniteTwosComplement) {
    BigInt x = BigInt::fromU64(0xFFF8000000001234ull);
    EXPECT_EQ(str(x), "18444492273895871028");
    EXPECT_EQ(str(x & BigInt(0xFF)), "52");
    EXPECT_EQ(str(~x), "-18444492273895871029");
    EXPECT_EQ(str((-x) & BigInt(0xFFFF)), "60876");
    EXPECT_EQ(str(BigInt(1).shl(64) ^ BigInt(1).shl(63)), "27670116110564327424");
    EXPECT_EQ(str((-BigInt(1).shl(64)) | BigInt(1)), "-18446744073709551615");
    EXPECT_EQ(str(BigInt(-1) & x), str(x));
    EXPECT_EQ(str(BigInt(kMin) ^ BigInt(-1)), std::to_string(kMax));
    EXPECT_EQ(x.low64(), 0xFFF8000000001234ull);
}

TEST(BigInt, HashEqualsTheInt64HashWhereBothExist) {
    // CPython: hash(2**61 - 1) == 0, hash(2**64) == 8, hash(-2**64) == -8, hash(-1) == -2
    EXPECT_EQ(BigInt((int64_t{1} << 61) - 1).hash(), 0);
    EXPECT_EQ(BigInt(1).shl(64).hash(), 8);
    EXPECT_EQ((-BigInt(1).shl(64)).hash(), -8);
    EXPECT_EQ(BigInt(-1).hash(), -2);
    EXPECT_EQ(BigInt(kMax).hash(), 3);
    EXPECT_EQ(BigInt(kMin).hash(), -4);
    // the same value built two ways hashes the same
    EXPECT_EQ((BigInt(1).shl(70) + BigInt(1)).hash(), (big("1180591620717411303425")).hash());
}

TEST(BigInt, PowersAndStringsInOtherBases) {
    EXPECT_EQ(str(BigInt(3).pow(80)), "147808829414345923316083210206383297601");
    EXPECT_EQ(str(BigInt(-3).pow(81)), "-443426488243037769948249630619149892803");
    EXPECT_EQ(BigInt(1).shl(100).toString(16), "10000000000000000000000000");
    EXPECT_EQ((-BigInt(1).shl(70)).toString(8), "-200000000000000000000000");
    EXPECT_EQ(BigInt(1).shl(65).toString(2), "1" + std::string(65, '0'));
    EXPECT_EQ(str(*BigInt::parse("fff8000000001234", 16)), "18444492273895871028");
    EXPECT_FALSE(BigInt::parse("12a", 10).has_value());
    EXPECT_EQ(str(big("1000000000000000000000000000000") - big("1000000000000000000000000000000")), "0");
    EXPECT_FALSE((big("5") - big("5")).isNegative());  // zero has no sign
}

TEST(BigInt, FloatConversionRoundsHalfToEvenAndReportsOverflow) {
    EXPECT_EQ(*BigInt(1).shl(63).toDouble(), 9223372036854775808.0);
    // 2**53 + 1 rounds to 2**53 (tie, even); 2**54 + 3 rounds up to 2**54 + 4
    EXPECT_EQ(*(BigInt(1).shl(53) + BigInt(1)).toDouble(), 9007199254740992.0);
    EXPECT_EQ(*(BigInt(1).shl(54) + BigInt(3)).toDouble(), 18014398509481988.0);
    // beyond 64 bits: the sticky bit decides ties (2**80 + 2**27 + 1 rounds up)
    BigInt t = BigInt(1).shl(80) + BigInt(1).shl(27);
    EXPECT_EQ(*t.toDouble(), std::ldexp(1.0, 80));
    EXPECT_EQ(*(t + BigInt(1)).toDouble(), std::ldexp(1.0, 80) + std::ldexp(1.0, 28));
    EXPECT_FALSE(BigInt(1).shl(1024).toDouble().has_value());
    EXPECT_TRUE(BigInt(1).shl(1023).toDouble().has_value());
    EXPECT_EQ(*(-BigInt(1).shl(100)).toDouble(), -std::ldexp(1.0, 100));
    EXPECT_EQ(str(BigInt::fromDouble(1e30)), "1000000000000000019884624838656");
    EXPECT_EQ(str(BigInt::fromDouble(-2.5)), "-2");
    EXPECT_EQ(BigInt(1).shl(64).compareDouble(1.8446744073709552e19), 0);
    EXPECT_EQ(BigInt(1).shl(64).compareDouble(INFINITY), -1);
    EXPECT_EQ(BigInt(kMax).compareDouble(9223372036854775808.0), -1);
    EXPECT_EQ(BigInt(3).compareDouble(2.5), 1);
    EXPECT_EQ(BigInt(-3).compareDouble(-2.5), -1);
}
