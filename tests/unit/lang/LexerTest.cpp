// Token streams: indentation, line joining, comments, numbers, strings and operators.
#include <gtest/gtest.h>

#include "core/lang/Lexer.h"
#include "core/lang/Parser.h"

using namespace gs::lang;

namespace {

// Space-separated token kinds; names, numbers, strings and operators show their text.
std::string tokens(const std::string& source) {
    SourceFile file("t.py", source);
    Lexer lexer(file);
    std::string out;
    for (;;) {
        Token t = lexer.next();
        if (!out.empty()) out += ' ';
        switch (t.kind) {
        case Tok::EndMarker: return out + "END";
        case Tok::Newline: out += "NL"; break;
        case Tok::Indent: out += "IN"; break;
        case Tok::Dedent: out += "DE"; break;
        default: out += std::string(t.text); break;
        }
    }
}

std::string positions(const std::string& source) {
    SourceFile file("t.py", source);
    Lexer lexer(file);
    std::string out;
    for (Token t = lexer.next(); t.kind != Tok::EndMarker; t = lexer.next()) {
        out += std::to_string(t.start.line) + ":" + std::to_string(t.start.col) + "-" + std::to_string(t.stop.line) +
               ":" + std::to_string(t.stop.col) + " ";
    }
    return out;
}

std::string lexError(const std::string& source) {
    try {
        tokens(source);
    } catch (const SyntaxError& e) {
        return std::to_string(e.diagnostic().line) + ":" + std::to_string(e.diagnostic().col) + ": " +
               e.diagnostic().message;
    }
    return "no error";
}

} // namespace

TEST(Lexer, IndentAndDedentFollowTheStack) {
    EXPECT_EQ(tokens("if a:\n    b\n    if c:\n        d\ne\n"),
              "if a : NL IN b NL if c : NL IN d NL DE DE e NL END");
}

TEST(Lexer, DedentsAndNewlineAreEmittedAtEndOfFile) {
    EXPECT_EQ(tokens("if a:\n  if b:\n    c"), "if a : NL IN if b : NL IN c NL DE DE END");
}

TEST(Lexer, BlankAndCommentLinesDoNotChangeIndentation) {
    EXPECT_EQ(tokens("if a:\n\n    # c\n  # odd\n    b\n"), "if a : NL IN b NL DE END");
}

TEST(Lexer, EmptyAndCommentOnlyFilesHaveNoNewline) {
    EXPECT_EQ(tokens(""), "END");
    EXPECT_EQ(tokens("# only a comment"), "END");
    EXPECT_EQ(tokens("\n\n   \n"), "END");
}

TEST(Lexer, BracketsJoinLinesAndSuppressIndentation) {
    EXPECT_EQ(tokens("x = (1,\n        2)\ny"), "x = ( 1 , 2 ) NL y NL END");
}

TEST(Lexer, BackslashJoinsLines) { EXPECT_EQ(tokens("x = 1 + \\\n  2\n"), "x = 1 + 2 NL END"); }

TEST(Lexer, TabsCountToMultiplesOfEight) {
    // A tab and eight spaces are the same level when both measures agree.
    EXPECT_EQ(tokens("if a:\n\tb\n\tc\n"), "if a : NL IN b NL c NL DE END");
    EXPECT_EQ(tokens("if a:\n    \tb\n    \tc\n"), "if a : NL IN b NL c NL DE END");
}

TEST(Lexer, InconsistentTabsAndSpacesAreATabError) {
    EXPECT_EQ(lexError("if a:\n\tb\n        c\n"), "3:9: inconsistent use of tabs and spaces in indentation");
}

TEST(Lexer, CrLfAndLoneCrAreLineEnds) {
    EXPECT_EQ(tokens("if a:\r\n    b\r\nc\r\n"), "if a : NL IN b NL DE c NL END");
    EXPECT_EQ(tokens("a\rb\r"), "a NL b NL END");
    EXPECT_EQ(positions("a\r\nbb\rc"), "1:1-1:2 1:2-1:2 2:1-2:3 2:3-2:3 3:1-3:2 3:2-3:2 ");
}

TEST(Lexer, OperatorsUseLongestMatch) {
    EXPECT_EQ(tokens("a **= b //= c >>= d <<= e ... f -> g := h @= i @ j != k"),
              "a **= b //= c >>= d <<= e ... f -> g := h @= i @ j != k NL END");
    EXPECT_EQ(tokens("a<=b>=c==d<e>f**g//h"), "a <= b >= c == d < e > f ** g // h NL END");
}

TEST(Lexer, NumbersOfEveryForm) {
    EXPECT_EQ(tokens("0x_1F 0o17 0b1_0 1_000 1.5e-3 .5 5. 1j 1E+5J 0 00"),
              "0x_1F 0o17 0b1_0 1_000 1.5e-3 .5 5. 1j 1E+5J 0 00 NL END");
}

TEST(Lexer, StringPrefixesInAnyCase) {
    EXPECT_EQ(tokens("r'a' B\"b\" Rb'c' bR'd' f'e' Fr'f' rF'g' u'h' U'i'"),
              "r'a' B\"b\" Rb'c' bR'd' f'e' Fr'f' rF'g' u'h' U'i' NL END");
}

TEST(Lexer, InvalidPrefixIsANameThenAString) { EXPECT_EQ(tokens("ur'x'"), "ur 'x' NL END"); }

TEST(Lexer, TripleQuotedStringsSpanLines) {
    EXPECT_EQ(tokens("x = '''a\nb''' + \"\"\"c\"\"\"\n"), "x = '''a\nb''' + \"\"\"c\"\"\" NL END");
    EXPECT_EQ(positions("'''a\nbc'''"), "1:1-2:6 2:6-2:6 ");
}

TEST(Lexer, EscapedQuoteDoesNotEndRawString) { EXPECT_EQ(tokens("r'\\'' x"), "r'\\'' x NL END"); }

TEST(Lexer, ColumnsCountCodePoints) {
    // "变量" is two code points (six bytes): the '=' is in column 4.
    EXPECT_EQ(positions("变量 = 1"), "1:1-1:3 1:4-1:5 1:6-1:7 1:7-1:7 ");
}

TEST(Lexer, NonAsciiIdentifiersAreNames) { EXPECT_EQ(tokens("café = 变量_1"), "café = 变量_1 NL END"); }

TEST(Lexer, ByteOrderMarkIsSkipped) { EXPECT_EQ(positions("\xEF\xBB\xBFx"), "1:1-1:2 1:2-1:2 "); }

TEST(Lexer, ErrorsInTheTokenStream) {
    EXPECT_EQ(lexError("x = 'abc\n"), "1:5: unterminated string literal (detected at line 1)");
    EXPECT_EQ(lexError("a\xFF"), "1:2: invalid UTF-8 in source: invalid start byte 0xff");
    EXPECT_EQ(lexError("ab\xE4\xB8"), "1:3: invalid UTF-8 in source: unexpected end of data after byte 0xe4");
    EXPECT_EQ(lexError("\xED\xA0\x80"), "1:1: invalid UTF-8 in source: encoded surrogate");
    EXPECT_EQ(lexError("\xC0\x80"), "1:1: invalid UTF-8 in source: invalid start byte 0xc0");
    EXPECT_EQ(lexError(std::string("x = 1\ny\0", 8)), "2:2: source code cannot contain null bytes");
    EXPECT_EQ(lexError("x = ？"), "1:5: invalid character '？' (U+FF1F)");
    EXPECT_EQ(lexError("x = ("), "1:6: unexpected EOF while parsing ('(' opened at line 1, column 5 was never closed)");
}

TEST(Lexer, TooManyNestedParentheses) {
    EXPECT_EQ(lexError(std::string(kMaxNesting, '(') + "1" + std::string(kMaxNesting, ')')), "no error");
    EXPECT_EQ(lexError(std::string(kMaxNesting + 1, '(')), "1:201: too many nested parentheses");
}

TEST(Lexer, TooManyIndentationLevels) {
    std::string ok;
    std::string bad;
    for (int i = 0; i <= 100; ++i) {
        std::string line = std::string(static_cast<size_t>(i), ' ') + "if x:\n";
        if (i < 100) ok += line;
        bad += line;
    }
    ok += std::string(100, ' ') + "pass\n";
    bad += std::string(101, ' ') + "pass\n";
    EXPECT_EQ(lexError(ok), "no error");
    EXPECT_EQ(lexError(bad), "102:102: too many levels of indentation");
}
