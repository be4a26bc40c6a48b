#pragma once
// Tokens of the scenario language (Python 3 lexical structure, "Lexical analysis" chapter of
// the Python reference).
#include <cstdint>
#include <string_view>

namespace gs::lang {

// 1-based line and code-point column.
struct Pos {
    int line = 1;
    int col = 1;
};

enum class Tok : uint8_t {
    EndMarker, Newline, Indent, Dedent, Name, Number, String,
    // keywords
    KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
    KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal,
    KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise, KwReturn,
    KwTry, KwWhile, KwWith, KwYield,
    // operators and delimiters
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash,
    VBar, Amper, Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual,
    GreaterEqual, Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual,
    StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual,
    LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At,
    AtEqual, RArrow, Ellipsis, ColonEqual, Exclamation,
};

struct Token {
    Tok kind = Tok::EndMarker;
    uint32_t begin = 0;     // byte offsets into SourceFile::text
    uint32_t end = 0;
    Pos start;              // first character
    Pos stop;               // just past the last character
    std::string_view text;  // the token's source text (empty for Newline/Indent/Dedent/EndMarker)
};

// Spelling of a token kind for messages ("'('", "NEWLINE", "'def'").
std::string_view tokenName(Tok kind);

inline bool isKeyword(Tok k) { return k >= Tok::KwFalse && k <= Tok::KwYield; }

} // namespace gs::lang
