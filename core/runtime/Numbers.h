#pragma once
// int (int64 with overflow checks), float and bool arithmetic with Python semantics: floor
// division and modulo round toward negative infinity, true division always gives a float,
// int ** negative int gives a float, overflow raises OverflowError("integer overflow
// (Guardscope ints are 64-bit)") instead of growing a big int.
#include <string>

#include "core/runtime/Value.h"

namespace gs::runtime::numbers {

inline constexpr const char* kOverflow = "integer overflow (Guardscope ints are 64-bit)";

Value binary(BinOpKind op, const Value& a, const Value& b);  // both int/float/bool
Value unary(UnaryOpKind op, const Value& a);
bool compare(CmpOpKind op, const Value& a, const Value& b);
int64_t intHash(int64_t v);     // CPython's: v mod (2**61 - 1), -1 -> -2
int64_t floatHash(double d);    // equal to intHash for integral floats
// repr(float): shortest round-trip digits, '1e+16', 'inf', 'nan', '1.0'.
std::string floatRepr(double d);
// format(x, spec) for int, float and bool (format specification mini-language).
std::string format(const Value& v, std::string_view spec);
int64_t floorDiv(int64_t a, int64_t b);  // b != 0; raises on overflow
int64_t floorMod(int64_t a, int64_t b);
int64_t ipow(int64_t base, int64_t exp);  // exp >= 0; raises on overflow
// Python's round(x) (half to even) and round(x, n).
double roundHalfEven(double x, int64_t ndigits);
[[noreturn]] void overflow();

} // namespace gs::runtime::numbers
