// Source lines, diagnostic formatting and carets under the right character.
#include <gtest/gtest.h>

#include "LangTestUtil.h"

using namespace gs::lang;
using namespace gs::lang::test;

namespace {

std::string formatted(const std::string& source) {
    try {
        parseModule(source, "t.py");
    } catch (const SyntaxError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(SourceFile, SplitsLinesOnLfCrLfAndLoneCr) {
    SourceFile f("a.py", "one\ntwo\r\nthree\rfour");
    ASSERT_EQ(f.lineCount(), 4);
    EXPECT_EQ(f.line(1), "one");
    EXPECT_EQ(f.line(2), "two");
    EXPECT_EQ(f.line(3), "three");
    EXPECT_EQ(f.line(4), "four");
    EXPECT_EQ(f.lineStarts, (std::vector<size_t>{0, 4, 9, 15}));
}

TEST(SourceFile, TrailingNewlineStartsAnEmptyLastLine) {
    SourceFile f("a.py", "x\r\n");
    ASSERT_EQ(f.lineCount(), 2);
    EXPECT_EQ(f.line(1), "x");
    EXPECT_EQ(f.line(2), "");
}

TEST(SourceFile, OutOfRangeLinesAreEmpty) {
    SourceFile f("a.py", "x");
    EXPECT_EQ(f.line(0), "");
    EXPECT_EQ(f.line(2), "");
    EXPECT_EQ(SourceFile("e.py", "").lineCount(), 1);
}

TEST(OperatorSpelling, ForMessages) {
    EXPECT_EQ(toString(BinOpKind::MatMult), "@");
    EXPECT_EQ(toString(BinOpKind::FloorDiv), "//");
    EXPECT_EQ(toString(BinOpKind::Pow), "**");
    EXPECT_EQ(toString(UnaryOpKind::Not), "not");
    EXPECT_EQ(toString(UnaryOpKind::Invert), "~");
    EXPECT_EQ(toString(CmpOpKind::IsNot), "is not");
    EXPECT_EQ(toString(CmpOpKind::NotIn), "not in");
    EXPECT_EQ(toString(CmpOpKind::LtE), "<=");
}

TEST(FormatDiagnostic, HeaderLineAndCaret) {
    Diagnostic d{"scen.py", 3, 5, "invalid syntax", "x = $"};
    EXPECT_EQ(formatDiagnostic(d), "scen.py:3:5: error: invalid syntax\nx = $\n    ^");
}

TEST(FormatDiagnostic, CaretAfterTheLastCharacterAtEndOfInput) {
    EXPECT_EQ(formatted("x = (1,"),
              "t.py:1:8: error: unexpected EOF while parsing ('(' opened at line 1, column 5 was never closed)\n"
              "x = (1,\n"
              "       ^");
}

TEST(FormatDiagnostic, ChineseCharactersBeforeTheErrorKeepTheCaretAligned) {
    // Column 10 counts code points; the caret is padded by display cells (wide = 2).
    EXPECT_EQ(formatted("x = '中文' $"), "t.py:1:10: error: invalid syntax\n"
                                         "x = '中文' $\n"
                                         "           ^");
}

TEST(FormatDiagnostic, ChineseCommentOnThePreviousLineDoesNotShiftColumns) {
    EXPECT_EQ(errorOf("# 中文注释\nx = 1 +\n"), "t.py:2:8: invalid syntax");
}

TEST(FormatDiagnostic, TabsAreExpandedInTheLineAndTheCaret) {
    EXPECT_EQ(formatted("if x:\n\tf() = 1\n"), "t.py:2:2: error: cannot assign to function call\n"
                                               "        f() = 1\n"
                                               "        ^");
    EXPECT_EQ(formatted("x = 1;\ty = $\n"), "t.py:1:12: error: invalid syntax\n"
                                            "x = 1;  y = $\n"
                                            "            ^");
}

TEST(FormatDiagnostic, CrLfSourceShowsTheLineWithoutCarriageReturn) {
    EXPECT_EQ(formatted("x = 1\r\nf() = 2\r\n"), "t.py:2:1: error: cannot assign to function call\n"
                                                 "f() = 2\n"
                                                 "^");
    EXPECT_EQ(errorOf("x = 1\ry = (\r"), "t.py:2:6: unexpected EOF while parsing ('(' opened at line 2, column 5 was "
                                         "never closed)");
}

TEST(FormatDiagnostic, InvalidBytesAreShownAsReplacementCharacters) {
    EXPECT_EQ(formatted("ab = \xFF\n"), "t.py:1:6: error: invalid UTF-8 in source: invalid start byte 0xff\n"
                                        "ab = \xEF\xBF\xBD\n"
                                        "     ^");
}

TEST(FormatDiagnostic, ByteOrderMarkIsNotAColumn) {
    EXPECT_EQ(formatted("\xEF\xBB\xBFx = $"), "t.py:1:5: error: invalid syntax\nx = $\n    ^");
}

TEST(FormatDiagnostic, NoLineMeansHeaderOnly) {
    Diagnostic d{"f.py", 0, 0, "cannot read file", ""};
    EXPECT_EQ(formatDiagnostic(d), "f.py:0:0: error: cannot read file");
}

TEST(SyntaxErrorType, CarriesTheDiagnostic) {
    SyntaxError e(Diagnostic{"a.py", 2, 3, "msg", "abcdef"});
    EXPECT_EQ(e.diagnostic().line, 2);
    EXPECT_EQ(e.diagnostic().col, 3);
    EXPECT_STREQ(e.what(), "a.py:2:3: error: msg\nabcdef\n  ^");
}

// Issue 12: a syntax error in a huge one-line file echoes a window around the column, with
// "..." where text was left out, and the caret still under the offending character.
TEST(Diagnostic, ALongLineIsShownAsAWindowAroundTheColumn) {
    std::string source = "x = [";
    for (int i = 0; i < 200000; ++i) source += "1, ";
    source += ")\n";
    const std::string msg = formatted(source);
    ASSERT_LT(msg.size(), 600u) << "the whole line was echoed";
    const size_t nl = msg.find('\n');
    const size_t nl2 = msg.find('\n', nl + 1);
    ASSERT_NE(nl2, std::string::npos) << msg;
    const std::string shown = msg.substr(nl + 1, nl2 - nl - 1);
    const std::string caret = msg.substr(nl2 + 1);
    EXPECT_EQ(shown.substr(0, 3), "...") << shown;
    ASSERT_EQ(caret.back(), '^');
    EXPECT_EQ(shown[caret.size() - 1], ')') << "the caret is not under the ')': " << msg;
}

TEST(Diagnostic, TheStartOfALongLineEndsWithAMark) {
    Diagnostic d{"t.py", 1, 3, "bad", std::string(5000, 'a')};
    const std::string msg = formatDiagnostic(d);
    EXPECT_LT(msg.size(), 400u);
    EXPECT_NE(msg.find("aaa...\n  ^"), std::string::npos) << msg;
}

TEST(Diagnostic, ClipLineKeepsShortLinesAndCutsLongOnesOnACodePoint) {
    EXPECT_EQ(clipLine("short"), "short");
    std::string wide;
    for (int i = 0; i < 100; ++i) wide += "\xC3\xA9";  // é, two bytes each
    const std::string cut = clipLine(wide, 51);
    EXPECT_EQ(cut, wide.substr(0, 50) + " ...");
}
