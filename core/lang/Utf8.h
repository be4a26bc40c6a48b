#pragma once
// UTF-8 helpers for the scenario language front end: validation (scenario files are UTF-8,
// like Python 3 sources, PEP 3120), decoding, identifier classes and terminal display width.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gs::lang::utf8 {

struct Invalid {
    size_t offset = 0;     // byte offset of the first bad byte
    std::string reason;    // e.g. "invalid start byte 0xff"
};

// First malformed sequence (bad lead byte, bad or missing continuation, overlong form,
// surrogate, > U+10FFFF), or nothing when the whole text is valid UTF-8.
std::optional<Invalid> validate(std::string_view s);

// Length of the sequence that starts with lead byte b (1 for ASCII and for invalid bytes).
inline size_t seqLength(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    if (b >= 0xE0 && b < 0xF0) return 3;
    if (b >= 0xC2 && b < 0xE0) return 2;
    return 1;
}

// Decodes the code point at s[i] and advances i past it. Never reads past s.size(): a
// malformed or truncated sequence yields U+FFFD and advances one byte.
char32_t decode(std::string_view s, size_t& i);

// Appends cp as UTF-8 (surrogates are written as their 3-byte form, as Python's
// "surrogatepass" does, so that "\ud800" survives in a str constant).
void append(std::string& out, char32_t cp);

size_t countCodePoints(std::string_view s);

// Identifier classes (Python's XID_Start / XID_Continue, PEP 3131) approximated without
// Unicode tables: ASCII exactly; beyond ASCII every code point is a letter except the blocks
// of punctuation, symbols, spaces, controls and private use that users actually paste by
// mistake (full-width punctuation such as '（' '，' '：', CJK punctuation, arrows, math
// operators, box drawing, emoji, ...). Names are not NFKC-normalised.
bool isIdStart(char32_t cp);
bool isIdContinue(char32_t cp);

// Code points that CPython reports as "invalid non-printable character" (controls, NBSP,
// zero-width spaces, BOM in the middle of a file).
bool isNonPrintable(char32_t cp);

// Columns a terminal uses for cp: 2 for East Asian wide / full-width, 0 for combining marks,
// 1 otherwise (wcwidth-like; tabs are handled by the caller).
int displayWidth(char32_t cp);

} // namespace gs::lang::utf8
