#pragma once
// int, float and bool arithmetic with Python semantics: floor division and modulo round toward
// negative infinity, true division always gives a float, int ** negative int gives a float.
// ints are unbounded as in Python: the int64 fast path checks for overflow and then computes
// the result as a BigInt, which fromBig() returns as an inline int again when it fits.
#include <string>

#include "core/runtime/BigInt.h"
#include "core/runtime/Value.h"

namespace gs::runtime::numbers {

inline constexpr const char* kOverflow = "integer overflow (Guardscope ints are 64-bit)";
// Bound on the size of an int, so `x = x * x` in a loop ends with an OverflowError instead of
// exhausting memory (CPython would run until MemoryError). 2**18 bits is ~79000 decimal digits.
inline constexpr size_t kMaxIntBits = size_t{1} << 18;

Value fromBig(BigInt v);               // an inline int when it fits int64, else a LongInt
const BigInt* bigOf(const Value& v);   // the LongInt's value, else nullptr
bool isIntegral(const Value& v);       // int, bool or LongInt
BigInt toBig(const Value& v);          // of an isIntegral value
// Arithmetic on two integral values in BigInt (the overflow path of binary()).
Value bigBinary(BinOpKind op, const Value& a, const Value& b);
double bigToDouble(const BigInt& v);   // OverflowError "int too large to convert to float"

Value binary(BinOpKind op, const Value& a, const Value& b);  // both int/float/bool
Value unary(UnaryOpKind op, const Value& a);
bool compare(CmpOpKind op, const Value& a, const Value& b);
// The bool a rich comparison gives for a three-way result c (<0, 0, >0); Null for `in`/`is`.
Value comparison(CmpOpKind op, int c);
int64_t intHash(int64_t v);     // CPython's: v mod (2**61 - 1), -1 -> -2
int64_t floatHash(double d);    // equal to intHash for integral floats
// repr(float): shortest round-trip digits, '1e+16', 'inf', 'nan', '1.0'.
std::string floatRepr(double d);
// format(x, spec) for int, float and bool (format specification mini-language).
std::string format(const Value& v, std::string_view spec);
int64_t floorDiv(int64_t a, int64_t b);  // b != 0; raises on overflow
int64_t floorMod(int64_t a, int64_t b);
bool ipowChecked(int64_t base, int64_t exp, int64_t& result);  // false on overflow
int64_t ipow(int64_t base, int64_t exp);  // exp >= 0; raises on overflow (callers needing int64)
// Python's round(x) (half to even) and round(x, n).
double roundHalfEven(double x, int64_t ndigits);
[[noreturn]] void overflow();

} // namespace gs::runtime::numbers
