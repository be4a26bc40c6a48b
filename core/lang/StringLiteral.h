#pragma once
// Decoding of STRING tokens (Python reference, "String and Bytes literals"): prefixes,
// escape sequences, universal newlines. f-string replacement fields are the parser's job.
#include <optional>
#include <string>
#include <string_view>

namespace gs::lang {

struct StringPrefix {
    bool raw = false;
    bool bytes = false;
    bool fstring = false;
    size_t prefixLen = 0;   // letters before the opening quote
    size_t quoteLen = 1;    // 1 or 3
};

// Reads the prefix and quotes of a complete STRING token text.
StringPrefix analyzeStringToken(std::string_view token);

struct EscapeError {
    size_t at = 0;          // byte offset (into the text passed in) of the backslash / bad char
    std::string message;
};

// Decodes the escape sequence at text[i] == '\\' (i < end) into out and moves i past it.
// str escapes produce UTF-8, bytes escapes produce raw bytes. Unknown escapes are kept as
// written (Python only warns about them).
std::optional<EscapeError> decodeEscape(std::string_view text, size_t& i, size_t end, bool bytes,
                                        std::string& out);

// Decodes a plain (non-f) literal body text[begin, end): escapes unless raw, "\r\n" and "\r"
// become "\n", and bytes literals may only hold ASCII.
std::optional<EscapeError> decodeStringBody(std::string_view text, size_t begin, size_t end, bool raw,
                                            bool bytes, std::string& out);

} // namespace gs::lang
