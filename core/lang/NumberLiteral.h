#pragma once
// Values of NUMBER tokens (Python reference, "Integer literals", "Floating-point literals",
// "Imaginary literals"). The lexer has already checked the spelling.
#include <string>
#include <string_view>

#include "core/lang/Ast.h"

namespace gs::lang {

// Python limits int <-> decimal string conversion to 4300 digits (sys.int_info); a literal
// beyond that is a SyntaxError there too. BigInt constants carry decimal digits, so the same
// bound applies to hexadecimal, octal and binary literals after conversion.
inline constexpr size_t kMaxIntDigits = 4300;

// Sets c.type and c.i / c.s / c.f from the token text. Ints that do not fit int64 become
// Constant::Type::BigInt with their decimal digits. Returns an error message, or "" on success.
std::string decodeNumber(std::string_view text, Constant& c);

} // namespace gs::lang
