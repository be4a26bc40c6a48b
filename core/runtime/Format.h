#pragma once
// String formatting: the format-spec mini-language, str.format(), and printf-style `%`.
#include <string>
#include <string_view>

#include "core/runtime/Value.h"

namespace gs::runtime::fmt {

// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct FormatSpec {
    char32_t fill = U' ';
    char align = 0;  // '<' '>' '^' '=' or 0
    char sign = 0;   // '+' '-' ' ' or 0
    bool alternate = false;
    bool zeroPad = false;
    int64_t width = -1;
    char grouping = 0;  // ',' '_' or 0
    int64_t precision = -1;
    char type = 0;
};

// Raises ValueError ("Invalid format specifier") on malformed specs.
FormatSpec parse(std::string_view spec);
// Pads `body` (already signed, grouped) to the spec's width; numeric bodies honour '='.
std::string pad(const std::string& body, const FormatSpec& spec, bool numeric, char defaultAlign);
// Inserts grouping separators into a string of digits.
std::string group(const std::string& digits, char sep, int every = 3);
// format(str, spec)
std::string formatStr(std::string_view s, std::string_view spec);
// fmt.format(*args, **kwargs)
std::string strFormat(std::string_view fmt, const CallArgs& args);
// fmt % values
std::string percentFormat(std::string_view fmt, const Value& values);

} // namespace gs::runtime::fmt
