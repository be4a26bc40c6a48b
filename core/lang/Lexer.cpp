#include "core/lang/Lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "core/lang/Parser.h"
#include "core/lang/Utf8.h"

namespace gs::lang {

namespace {

constexpr int kTabSize = 8;      // CPython's tokenizer: a tab advances to the next multiple of 8
constexpr int kMaxIndent = 100;  // CPython's MAXINDENT

struct KeywordSpelling {
    std::string_view word;
    Tok kind;
};

constexpr std::array<KeywordSpelling, 35> kKeywords{{
    {"False", Tok::KwFalse},   {"None", Tok::KwNone},         {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},       {"as", Tok::KwAs},             {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},   {"await", Tok::KwAwait},       {"break", Tok::KwBreak},
    {"class", Tok::KwClass},   {"continue", Tok::KwContinue}, {"def", Tok::KwDef},
    {"del", Tok::KwDel},       {"elif", Tok::KwElif},         {"else", Tok::KwElse},
    {"except", Tok::KwExcept}, {"finally", Tok::KwFinally},   {"for", Tok::KwFor},
    {"from", Tok::KwFrom},     {"global", Tok::KwGlobal},     {"if", Tok::KwIf},
    {"import", Tok::KwImport}, {"in", Tok::KwIn},             {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda}, {"nonlocal", Tok::KwNonlocal}, {"not", Tok::KwNot},
    {"or", Tok::KwOr},         {"pass", Tok::KwPass},         {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn}, {"try", Tok::KwTry},           {"while", Tok::KwWhile},
    {"with", Tok::KwWith},     {"yield", Tok::KwYield},
}};

Tok keywordOrName(std::string_view word) {
    if (word.size() < 2 || word.size() > 8) return Tok::Name;
    // Keywords start with a lower-case letter or F/N/T: skip the rest without comparing.
    const char c = word[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return Tok::Name;
    for (const KeywordSpelling& k : kKeywords)
        if (k.word[0] == c && k.word == word) return k.kind;
    return Tok::Name;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isDigitOfBase(char c, int base) {
    switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 16: return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    default: return isDigit(c);
    }
}

bool isStringPrefix(std::string_view w) {
    if (w.empty() || w.size() > 2) return false;
    char a = static_cast<char>(w[0] | 0x20);
    if (w.size() == 1) return a == 'r' || a == 'u' || a == 'b' || a == 'f';
    char b = static_cast<char>(w[1] | 0x20);
    return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
}

std::string codePointName(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string quoteChar(char c) { return std::string("'") + c + "'"; }

} // namespace

std::string_view tokenName(Tok kind) {
    switch (kind) {
    case Tok::EndMarker: return "end of input";
    case Tok::Newline: return "newline";
    case Tok::Indent: return "indent";
    case Tok::Dedent: return "dedent";
    case Tok::Name: return "name";
    case Tok::Number: return "number";
    case Tok::String: return "string";
    default: break;
    }
    for (const KeywordSpelling& k : kKeywords)
        if (k.kind == kind) return k.word;
    switch (kind) {
    case Tok::LPar: return "(";
    case Tok::RPar: return ")";
    case Tok::LSqb: return "[";
    case Tok::RSqb: return "]";
    case Tok::LBrace: return "{";
    case Tok::RBrace: return "}";
    case Tok::Colon: return ":";
    case Tok::Comma: return ",";
    case Tok::Semi: return ";";
    case Tok::Plus: return "+";
    case Tok::Minus: return "-";
    case Tok::Star: return "*";
    case Tok::Slash: return "/";
    case Tok::VBar: return "|";
    case Tok::Amper: return "&";
    case Tok::Less: return "<";
    case Tok::Greater: return ">";
    case Tok::Equal: return "=";
    case Tok::Dot: return ".";
    case Tok::Percent: return "%";
    case Tok::EqEqual: return "==";
    case Tok::NotEqual: return "!=";
    case Tok::LessEqual: return "<=";
    case Tok::GreaterEqual: return ">=";
    case Tok::Tilde: return "~";
    case Tok::Circumflex: return "^";
    case Tok::LeftShift: return "<<";
    case Tok::RightShift: return ">>";
    case Tok::DoubleStar: return "**";
    case Tok::PlusEqual: return "+=";
    case Tok::MinEqual: return "-=";
    case Tok::StarEqual: return "*=";
    case Tok::SlashEqual: return "/=";
    case Tok::PercentEqual: return "%=";
    case Tok::AmperEqual: return "&=";
    case Tok::VBarEqual: return "|=";
    case Tok::CircumflexEqual: return "^=";
    case Tok::LeftShiftEqual: return "<<=";
    case Tok::RightShiftEqual: return ">>=";
    case Tok::DoubleStarEqual: return "**=";
    case Tok::DoubleSlash: return "//";
    case Tok::DoubleSlashEqual: return "//=";
    case Tok::At: return "@";
    case Tok::AtEqual: return "@=";
    case Tok::RArrow: return "->";
    case Tok::Ellipsis: return "...";
    case Tok::ColonEqual: return ":=";
    case Tok::Exclamation: return "!";
    default: return "?";
    }
}

void Lexer::checkEncoding(const SourceFile& src) {
    std::string_view text = src.text;
    auto posOf = [&](size_t off) {
        auto it = std::upper_bound(src.lineStarts.begin(), src.lineStarts.end(), off);
        int line = static_cast<int>(it - src.lineStarts.begin());
        size_t ls = src.lineStarts[static_cast<size_t>(line - 1)];
        if (ls == 0 && off >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") ls = 3;
        return Pos{line, 1 + static_cast<int>(utf8::countCodePoints(text.substr(ls, off - ls)))};
    };
    if (auto bad = utf8::validate(text)) {
        // Columns count the valid code points before the bad byte.
        Pos p = posOf(bad->offset);
        throwSyntaxError(src, p.line, p.col, "invalid UTF-8 in source: " + bad->reason);
    }
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        Pos p = posOf(nul);
        throwSyntaxError(src, p.line, p.col, "source code cannot contain null bytes");
    }
}

Lexer::Lexer(const SourceFile& src) : src_(src), text_(src.text), end_(src.text.size()) {
    checkEncoding(src);
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // BOM: not part of the first line's columns
}

Lexer::Lexer(const SourceFile& src, size_t begin, size_t end, Pos start, std::string prefix)
    : src_(src), text_(src.text), pos_(begin), end_(end), line_(start.line), col_(start.col),
      embedded_(true), prefix_(std::move(prefix)), atLineStart_(false), lastEnd_(start) {}

void Lexer::advanceChar() {
    pos_ += utf8::seqLength(static_cast<unsigned char>(text_[pos_]));
    if (pos_ > end_) pos_ = end_;
    ++col_;
}

void Lexer::consumeNewline() {
    if (text_[pos_] == '\r' && pos_ + 1 < end_ && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    col_ = 1;
}

void Lexer::fail(Pos at, const std::string& message) {
    failed_ = makeDiagnostic(src_, at.line, at.col, prefix_ + message);
    throw SyntaxError(*failed_);
}

Token Lexer::make(Tok kind, Pos start, size_t begin) {
    Token t;
    t.kind = kind;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(pos_);
    t.start = start;
    t.stop = here();
    t.text = text_.substr(begin, pos_ - begin);
    lastEnd_ = t.stop;
    lineHasTokens_ = true;
    afterContinuation_ = false;
    return t;
}

Token Lexer::marker(Tok kind, Pos at) const {
    Token t;
    t.kind = kind;
    t.begin = t.end = static_cast<uint32_t>(pos_);
    t.start = t.stop = at;
    return t;
}

Pos Lexer::eofPos() {
    if (!eof_) {
        // Just past the last non-blank character: where a reader sees the input end.
        size_t off = end_;
        while (off > 0) {
            char c = text_[off - 1];
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r') break;
            --off;
        }
        auto it = std::upper_bound(src_.lineStarts.begin(), src_.lineStarts.end(), off);
        int line = std::max(1, static_cast<int>(it - src_.lineStarts.begin()));
        size_t ls = src_.lineStarts[static_cast<size_t>(line - 1)];
        if (line == 1 && text_.substr(0, 3) == "\xEF\xBB\xBF" && off >= 3) ls = 3;
        if (off < ls) off = ls;
        eof_ = Pos{line, 1 + static_cast<int>(utf8::countCodePoints(text_.substr(ls, off - ls)))};
    }
    return *eof_;
}

Token Lexer::next() {
    if (failed_) throw SyntaxError(*failed_);
    if (pendingDedents_ > 0) {
        --pendingDedents_;
        return marker(Tok::Dedent, dedentPos_);
    }
    for (;;) {
        if (atLineStart_ && !embedded_) {
            atLineStart_ = false;
            if (auto t = indentation()) return *t;
        }
        if (atEnd()) return endOfInput();
        const char c = text_[pos_];
        if (c == ' ' || c == '\t' || c == '\f') {
            advanceAscii();
            continue;
        }
        if (c == '#') {
            // The newline that ends a comment resets the column, so the comment's own
            // characters need not be counted.
            const size_t nl = text_.find_first_of("\r\n", pos_);
            pos_ = nl == std::string_view::npos || nl > end_ ? end_ : nl;
            continue;
        }
        if (c == '\\') {
            Pos at = here();
            advanceAscii();
            if (atEnd()) fail(at, "unexpected EOF while parsing");
            if (!atNewline()) fail(at, "unexpected character after line continuation character");
            consumeNewline();
            afterContinuation_ = true;
            continue;
        }
        if (c == '\n' || c == '\r') {
            afterContinuation_ = false;
            if (embedded_ || !brackets_.empty() || !lineHasTokens_) {
                // Implicit line joining, or a blank / comment-only line.
                consumeNewline();
                if (!embedded_ && brackets_.empty()) atLineStart_ = true;
                continue;
            }
            Token t = marker(Tok::Newline, lastEnd_);
            consumeNewline();
            atLineStart_ = true;
            lineHasTokens_ = false;
            return t;
        }
        break;
    }

    const char c = text_[pos_];
    if (isDigit(c) || (c == '.' && isDigit(peekChar(1)))) return lexNumber();
    if (c == '"' || c == '\'') return lexString(here(), pos_);
    if (static_cast<unsigned char>(c) >= 0x80) {
        size_t i = pos_;
        char32_t cp = utf8::decode(text_, i);
        if (utf8::isIdStart(cp)) return lexName();
        std::string shown;
        utf8::append(shown, cp);
        if (utf8::isNonPrintable(cp)) fail(here(), "invalid non-printable character " + codePointName(cp));
        fail(here(), "invalid character '" + shown + "' (" + codePointName(cp) + ")");
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return lexName();
    return lexOperator();
}

std::optional<Token> Lexer::indentation() {
    // Measure the indentation of a new logical line twice, as CPython does: with tabs to
    // multiples of 8 and with tabs as one column. The two must order the stack the same way,
    // or the indentation depends on the tab size (TabError).
    int col = 0;
    int alt = 0;
    int continuationCol = 0; // column of the first backslash continuation, if not at column 0
    while (!atEnd()) {
        const char c = text_[pos_];
        if (c == ' ') {
            ++col;
            ++alt;
        } else if (c == '\t') {
            col = (col / kTabSize + 1) * kTabSize;
            ++alt;
        } else if (c == '\f') {
            col = alt = 0;
        } else if (c == '\\' && (peekChar(1) == '\n' || peekChar(1) == '\r')) {
            // Indentation cannot be split over physical lines: the first backslash fixes
            // it, unless it stands in column 0 (then the next line's counts), as in CPython.
            if (continuationCol == 0) continuationCol = col;
            advanceAscii();
            consumeNewline();
            afterContinuation_ = true;
            continue;
        } else {
            break;
        }
        advanceAscii();
    }
    if (atEnd()) return std::nullopt;
    char c = text_[pos_];
    if (c == '#' || c == '\n' || c == '\r') return std::nullopt; // blank line: no indentation
    if (continuationCol != 0) col = alt = continuationCol;

    const char* tabError = "inconsistent use of tabs and spaces in indentation";
    if (col == indents_.back()) {
        if (alt != altIndents_.back()) fail(here(), tabError);
        return std::nullopt;
    }
    if (col > indents_.back()) {
        if (static_cast<int>(indents_.size()) > kMaxIndent) fail(here(), "too many levels of indentation");
        if (alt <= altIndents_.back()) fail(here(), tabError);
        indents_.push_back(col);
        altIndents_.push_back(alt);
        return marker(Tok::Indent, here());
    }
    int dedents = 0;
    while (indents_.size() > 1 && col < indents_.back()) {
        indents_.pop_back();
        altIndents_.pop_back();
        ++dedents;
    }
    if (col != indents_.back()) fail(here(), "unindent does not match any outer indentation level");
    if (alt != altIndents_.back()) fail(here(), tabError);
    pendingDedents_ = dedents - 1;
    dedentPos_ = here();
    return marker(Tok::Dedent, here());
}

Token Lexer::endOfInput() {
    if (embedded_) {
        if (!brackets_.empty())
            fail(brackets_.back().pos, quoteChar(brackets_.back().c) + " was never closed");
        return marker(Tok::EndMarker, here());
    }
    if (afterContinuation_) fail(eofPos(), "unexpected EOF while parsing");
    if (!brackets_.empty()) {
        const Open& o = brackets_.back();
        fail(eofPos(), "unexpected EOF while parsing (" + quoteChar(o.c) + " opened at line " +
                           std::to_string(o.pos.line) + ", column " + std::to_string(o.pos.col) +
                           " was never closed)");
    }
    if (lineHasTokens_) {
        lineHasTokens_ = false;
        return marker(Tok::Newline, lastEnd_);
    }
    if (indents_.size() > 1) {
        indents_.pop_back();
        altIndents_.pop_back();
        return marker(Tok::Dedent, eofPos());
    }
    return marker(Tok::EndMarker, eofPos());
}

Token Lexer::lexName() {
    Pos start = here();
    size_t begin = pos_;
    while (!atEnd()) {
        auto b = static_cast<unsigned char>(text_[pos_]);
        if (b < 0x80) {
            if (!(isDigit(static_cast<char>(b)) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                  b == '_'))
                break;
            advanceAscii();
        } else {
            size_t i = pos_;
            if (!utf8::isIdContinue(utf8::decode(text_, i))) break;
            advanceChar();
        }
    }
    std::string_view word = text_.substr(begin, pos_ - begin);
    if (!atEnd() && (text_[pos_] == '"' || text_[pos_] == '\'') && isStringPrefix(word))
        return lexString(start, begin);
    return make(keywordOrName(word), start, begin);
}

void Lexer::skipDigits(int base, const char* kind) {
    // digit ('_'? digit)*: an underscore must sit between two digits.
    while (!atEnd()) {
        char c = text_[pos_];
        if (isDigitOfBase(c, base)) {
            advanceAscii();
        } else if (c == '_' && isDigitOfBase(peekChar(1), base)) {
            advanceAscii(2);
        } else if (c == '_') {
            fail(here(), std::string("invalid ") + kind + " literal");
        } else {
            break;
        }
    }
}

Token Lexer::lexNumber() {
    Pos start = here();
    size_t begin = pos_;
    const char* kind = "decimal";
    bool isInt = true;
    char c1 = static_cast<char>(peekChar(1) | 0x20);
    if (text_[pos_] == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
        int base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
        kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        advanceAscii(2);
        if (peekChar() == '_') advanceAscii();
        if (!isDigitOfBase(peekChar(), base)) {
            if (isDigit(peekChar()))
                fail(here(), std::string("invalid digit '") + peekChar() + "' in " + kind + " literal");
            fail(start, std::string("invalid ") + kind + " literal");
        }
        skipDigits(base, kind);
        if (isDigit(peekChar()))
            fail(here(), std::string("invalid digit '") + peekChar() + "' in " + kind + " literal");
    } else {
        if (text_[pos_] != '.') skipDigits(10, kind);
        if (peekChar() == '.') {
            isInt = false;
            advanceAscii();
            if (isDigit(peekChar())) skipDigits(10, kind);
        }
        // "1else": CPython lets a keyword follow a number directly (with a warning).
        const bool elseFollows = text_.substr(pos_, 4) == "else" &&
                                 !(pos_ + 4 < end_ && (std::isalnum(static_cast<unsigned char>(text_[pos_ + 4])) ||
                                                       text_[pos_ + 4] == '_'));
        if ((peekChar() | 0x20) == 'e' && !elseFollows) {
            size_t sign = (peekChar(1) == '+' || peekChar(1) == '-') ? 1 : 0;
            if (isDigit(peekChar(1 + sign))) {
                isInt = false;
                advanceAscii(1 + sign);
                skipDigits(10, kind);
            } else {
                fail(start, "invalid decimal literal");
            }
        }
        if ((peekChar() | 0x20) == 'j') {
            isInt = false;
            advanceAscii();
        }
        if (isInt && text_[begin] == '0') {
            for (size_t i = begin; i < pos_; ++i)
                if (text_[i] != '0' && text_[i] != '_')
                    fail(start, "leading zeros in decimal integer literals are not permitted; use an "
                                "0o prefix for octal integers");
        }
    }
    // A name glued to a number is an error, except the keywords CPython still accepts there
    // ("1if x else 2").
    if (!atEnd()) {
        size_t i = pos_;
        char32_t cp = utf8::decode(text_, i);
        if (utf8::isIdStart(cp) || isDigit(static_cast<char>(cp))) {
            static constexpr std::string_view kAllowed[] = {"and", "else", "for", "if",
                                                             "in",  "is",   "not", "or"};
            bool ok = false;
            for (std::string_view kw : kAllowed) {
                if (text_.substr(pos_, kw.size()) != kw) continue;
                size_t j = pos_ + kw.size();
                size_t k = j;
                if (j >= end_ || !utf8::isIdContinue(utf8::decode(text_, k))) ok = true;
            }
            if (!ok) fail(start, std::string("invalid ") + kind + " literal");
        }
    }
    return make(Tok::Number, start, begin);
}

Token Lexer::lexString(Pos start, size_t begin) {
    const char q = text_[pos_];
    const bool triple = peekChar(1) == q && peekChar(2) == q;
    advanceAscii(triple ? 3 : 1);
    for (;;) {
        if (atEnd()) {
            if (embedded_) fail(start, "unterminated string");
            fail(start, std::string(triple ? "unterminated triple-quoted string literal"
                                           : "unterminated string literal") +
                            " (detected at line " + std::to_string(eofPos().line) + ")");
        }
        char c = text_[pos_];
        if (c == '\\') {
            // A backslash always takes the next character along, even in raw strings
            // (r"\"" is one string).
            advanceAscii();
            if (atEnd()) continue;
            if (atNewline()) {
                consumeNewline();
            } else {
                advanceChar();
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple)
                fail(start, "unterminated string literal (detected at line " + std::to_string(line_) + ")");
            consumeNewline();
        } else if (c == q) {
            if (!triple) {
                advanceAscii();
                break;
            }
            if (peekChar(1) == q && peekChar(2) == q) {
                advanceAscii(3);
                break;
            }
            advanceAscii();
        } else {
            advanceChar();
        }
    }
    return make(Tok::String, start, begin);
}

Token Lexer::lexOperator() {
    Pos start = here();
    size_t begin = pos_;
    const char c = text_[pos_];
    const char n1 = peekChar(1);
    const char n2 = peekChar(2);
    auto op = [&](Tok kind, size_t len) {
        advanceAscii(len);
        return make(kind, start, begin);
    };
    switch (c) {
    case '(':
    case '[':
    case '{': {
        if (static_cast<int>(brackets_.size()) >= kMaxNesting) fail(start, "too many nested parentheses");
        brackets_.push_back({c, start});
        return op(c == '(' ? Tok::LPar : c == '[' ? Tok::LSqb : Tok::LBrace, 1);
    }
    case ')':
    case ']':
    case '}': {
        if (brackets_.empty()) fail(start, "unmatched " + quoteChar(c));
        const Open o = brackets_.back();
        const char want = o.c == '(' ? ')' : o.c == '[' ? ']' : '}';
        if (c != want) {
            std::string msg = "closing parenthesis " + quoteChar(c) + " does not match opening parenthesis " +
                              quoteChar(o.c);
            if (o.pos.line != start.line) msg += " on line " + std::to_string(o.pos.line);
            fail(start, msg);
        }
        brackets_.pop_back();
        return op(c == ')' ? Tok::RPar : c == ']' ? Tok::RSqb : Tok::RBrace, 1);
    }
    case ':': return n1 == '=' ? op(Tok::ColonEqual, 2) : op(Tok::Colon, 1);
    case ',': return op(Tok::Comma, 1);
    case ';': return op(Tok::Semi, 1);
    case '+': return n1 == '=' ? op(Tok::PlusEqual, 2) : op(Tok::Plus, 1);
    case '-':
        if (n1 == '=') return op(Tok::MinEqual, 2);
        if (n1 == '>') return op(Tok::RArrow, 2);
        return op(Tok::Minus, 1);
    case '*':
        if (n1 == '*') return n2 == '=' ? op(Tok::DoubleStarEqual, 3) : op(Tok::DoubleStar, 2);
        return n1 == '=' ? op(Tok::StarEqual, 2) : op(Tok::Star, 1);
    case '/':
        if (n1 == '/') return n2 == '=' ? op(Tok::DoubleSlashEqual, 3) : op(Tok::DoubleSlash, 2);
        return n1 == '=' ? op(Tok::SlashEqual, 2) : op(Tok::Slash, 1);
    case '|': return n1 == '=' ? op(Tok::VBarEqual, 2) : op(Tok::VBar, 1);
    case '&': return n1 == '=' ? op(Tok::AmperEqual, 2) : op(Tok::Amper, 1);
    case '^': return n1 == '=' ? op(Tok::CircumflexEqual, 2) : op(Tok::Circumflex, 1);
    case '%': return n1 == '=' ? op(Tok::PercentEqual, 2) : op(Tok::Percent, 1);
    case '@': return n1 == '=' ? op(Tok::AtEqual, 2) : op(Tok::At, 1);
    case '~': return op(Tok::Tilde, 1);
    case '=': return n1 == '=' ? op(Tok::EqEqual, 2) : op(Tok::Equal, 1);
    case '!': return n1 == '=' ? op(Tok::NotEqual, 2) : op(Tok::Exclamation, 1);
    case '<':
        if (n1 == '<') return n2 == '=' ? op(Tok::LeftShiftEqual, 3) : op(Tok::LeftShift, 2);
        return n1 == '=' ? op(Tok::LessEqual, 2) : op(Tok::Less, 1);
    case '>':
        if (n1 == '>') return n2 == '=' ? op(Tok::RightShiftEqual, 3) : op(Tok::RightShift, 2);
        return n1 == '=' ? op(Tok::GreaterEqual, 2) : op(Tok::Greater, 1);
    case '.':
        if (n1 == '.' && n2 == '.') return op(Tok::Ellipsis, 3);
        return op(Tok::Dot, 1);
    default: break;
    }
    auto cp = static_cast<unsigned char>(c);
    if (cp < 0x20 || cp == 0x7F) fail(start, "invalid non-printable character " + codePointName(cp));
    fail(start, "invalid syntax"); // '$', '?', '`'
}

} // namespace gs::lang
