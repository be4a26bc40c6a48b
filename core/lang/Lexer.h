#pragma once
// Turns scenario source into tokens on demand (Python reference, "Lexical analysis"):
// INDENT/DEDENT from an indentation stack with CPython's tab rules, implicit line joining
// inside brackets, backslash continuation, comments, NEWLINE at EOF. String and number
// tokens keep their source text; the parser decodes them.
#include <optional>
#include <string>
#include <vector>

#include "core/lang/Ast.h"
#include "core/lang/Diagnostic.h"
#include "core/lang/Token.h"

namespace gs::lang {

class Lexer {
public:
    // Lexes a whole file. Throws SyntaxError at once if the text is not valid UTF-8 or holds
    // a NUL byte (CPython decodes the whole file before tokenizing, too).
    explicit Lexer(const SourceFile& src);

    // Lexes src.text[begin, end) as if it stood inside brackets (newlines are whitespace, no
    // NEWLINE / INDENT / DEDENT), starting at position `start`; used for the expressions of
    // f-string replacement fields. The text must already be validated. Messages get `prefix`.
    Lexer(const SourceFile& src, size_t begin, size_t end, Pos start, std::string prefix);

    // Throws SyntaxError at the first invalid UTF-8 sequence or NUL byte of the file.
    static void checkEncoding(const SourceFile& src);

    // The next token; ENDMARKER forever at the end. Throws SyntaxError on malformed input and
    // keeps throwing the same error afterwards.
    Token next();

private:
    struct Open {
        char c;
        Pos pos;
    };

    Pos here() const { return {line_, col_}; }
    bool atEnd() const { return pos_ >= end_; }
    char peekChar(size_t ahead = 0) const {
        return pos_ + ahead < end_ ? text_[pos_ + ahead] : '\0';
    }
    void advanceChar();
    void advanceAscii(size_t n = 1) {
        pos_ += n;
        col_ += static_cast<int>(n);
    }
    void consumeNewline();
    bool atNewline() const { return !atEnd() && (text_[pos_] == '\n' || text_[pos_] == '\r'); }

    [[noreturn]] void fail(Pos at, const std::string& message);
    Token make(Tok kind, Pos start, size_t begin);
    Token marker(Tok kind, Pos at) const;

    std::optional<Token> indentation();
    Token endOfInput();
    Token lexName();
    Token lexNumber();
    Token lexString(Pos start, size_t begin);
    Token lexOperator();
    void skipDigits(int base, const char* kind);
    Pos eofPos();

    const SourceFile& src_;
    std::string_view text_;
    size_t pos_ = 0;
    size_t end_ = 0;
    int line_ = 1;
    int col_ = 1;
    bool embedded_ = false;
    std::string prefix_;

    bool atLineStart_ = true;
    bool lineHasTokens_ = false;
    bool afterContinuation_ = false; // a backslash joined this line to the next
    std::vector<int> indents_{0};
    std::vector<int> altIndents_{0};
    int pendingDedents_ = 0;
    Pos dedentPos_;
    std::vector<Open> brackets_;
    Pos lastEnd_;
    std::optional<Pos> eof_;
    std::optional<Diagnostic> failed_;
};

} // namespace gs::lang
