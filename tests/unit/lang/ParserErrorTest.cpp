// Malformed scenarios: each must raise a SyntaxError at the offending token with CPython's
// wording (file:line:col exact; columns are 1-based code points).
#include <gtest/gtest.h>

#include "LangTestUtil.h"

using namespace gs::lang;
using namespace gs::lang::test;

namespace {

struct ErrorCase {
    const char* name;
    const char* source;
    const char* error; // "t.py:LINE:COL: MESSAGE"
};

class ParserError : public ::testing::TestWithParam<ErrorCase> {};

const ErrorCase kErrors[] = {
    // brackets and end of input
    {"UnclosedParenAtEofPointsWhereInputEnded", "x = (1,",
     "t.py:1:8: unexpected EOF while parsing ('(' opened at line 1, column 5 was never closed)"},
    {"UnclosedParenIgnoresTrailingBlankLines", "x = [1,\n\n  \n",
     "t.py:1:8: unexpected EOF while parsing ('[' opened at line 1, column 5 was never closed)"},
    {"UnmatchedClosingParen", "x = )", "t.py:1:5: unmatched ')'"},
    {"MismatchedClosingParen", "x = (]", "t.py:1:6: closing parenthesis ']' does not match opening parenthesis '('"},
    {"MismatchedClosingParenOnOtherLine", "x = [1,\n2)",
     "t.py:2:2: closing parenthesis ')' does not match opening parenthesis '[' on line 1"},
    {"IncompleteBinaryOperation", "a = 1 +", "t.py:1:8: invalid syntax"},
    {"BackslashThenEof", "x = 1 +\\\n", "t.py:1:9: unexpected EOF while parsing"},
    {"BackslashAloneAtEof", "raise\n\\\n", "t.py:2:2: unexpected EOF while parsing"},
    {"IndentedBackslashAtEof", "  \\\n", "t.py:1:4: unexpected EOF while parsing"},
    {"BackslashAtColumnZeroThenIndentedLine", "x = 1\n\\\n y\n", "t.py:3:2: unexpected indent"},
    {"BackslashThenBlankLineIsFine", "\\\n\n", "no error"},
    {"CharacterAfterBackslash", "x = 5 \\ 3", "t.py:1:7: unexpected character after line continuation character"},
    // definitions
    {"ColonInParameterList", "def f(:\n    pass", "t.py:1:7: invalid syntax"},
    {"DefWithoutParentheses", "def f", "t.py:1:6: expected '('"},
    {"ClassWithoutName", "class", "t.py:1:6: invalid syntax"},
    {"DuplicateParameter", "def f(a, a): pass", "t.py:1:10: duplicate argument 'a' in function definition"},
    {"NonDefaultAfterDefault", "def f(a=1, b): pass",
     "t.py:1:12: parameter without a default follows parameter with a default"},
    {"BareStarAlone", "def f(*): pass", "t.py:1:7: named arguments must follow bare *"},
    {"BareStarBeforeKwargs", "def f(*, **k): pass", "t.py:1:7: named arguments must follow bare *"},
    {"ParameterAfterKwargs", "def f(**k, a): pass", "t.py:1:12: arguments cannot follow var-keyword argument"},
    {"SlashFirst", "def f(/, a): pass", "t.py:1:7: at least one argument must precede /"},
    {"SlashAfterStar", "def f(a, *, b, /): pass", "t.py:1:16: / must be ahead of *"},
    {"TwoStars", "def f(*a, *b): pass", "t.py:1:11: * argument may appear only once"},
    {"VarargDefault", "def f(a, *b=1): pass", "t.py:1:12: var-positional argument cannot have default value"},
    {"DecoratorWithoutDef", "@dec\nx = 1", "t.py:2:1: invalid syntax"},
    {"AsyncUnsupported", "async def f(): pass", "t.py:1:1: async functions and statements are not supported"},
    {"AwaitUnsupported", "await x", "t.py:1:1: 'await' outside async function"},
    // blocks and indentation
    {"MissingColon", "if x\n    pass", "t.py:1:5: expected ':'"},
    {"MissingIndentedBlock", "if x:\npass", "t.py:2:1: expected an indented block after 'if' statement on line 1"},
    {"MissingFunctionBody", "def f():\n", "t.py:1:9: expected an indented block after function definition on line 1"},
    {"UnexpectedIndent", "  x = 1", "t.py:1:3: unexpected indent"},
    {"UnindentMismatch", "if x:\n        a\n    b", "t.py:3:5: unindent does not match any outer indentation level"},
    {"UnindentMismatchAfterBlock", "if True:\n    x = 1\n   y = 2",
     "t.py:3:4: unindent does not match any outer indentation level"},
    {"TabsThenSpacesAreInconsistent", "if x:\n\ta\n        b",
     "t.py:3:9: inconsistent use of tabs and spaces in indentation"},
    {"SpacesThenTabIndentIsInconsistent", "if x:\n        a\n\tb",
     "t.py:3:2: inconsistent use of tabs and spaces in indentation"},
    {"ElseWithoutIf", "else: pass", "t.py:1:1: invalid syntax"},
    {"TryWithoutHandlers", "try:\n    pass\nx = 1", "t.py:3:1: expected 'except' or 'finally' block"},
    {"BareExceptNotLast", "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
     "t.py:3:1: default 'except:' must be last"},
    {"UnparenthesizedExceptTuple", "try:\n    pass\nexcept A, B:\n    pass",
     "t.py:3:8: multiple exception types must be parenthesized"},
    // context
    {"ReturnOutsideFunction", "return 1", "t.py:1:1: 'return' outside function"},
    {"ReturnInClassBody", "def f():\n    class A:\n        return 1", "t.py:3:9: 'return' outside function"},
    {"BreakOutsideLoop", "break", "t.py:1:1: 'break' outside loop"},
    {"BreakInFunctionInsideLoop", "for x in y:\n    def f():\n        break", "t.py:3:9: 'break' outside loop"},
    {"BreakInLoopElse", "for x in y:\n    pass\nelse:\n    break", "t.py:4:5: 'break' outside loop"},
    {"ContinueOutsideLoop", "continue", "t.py:1:1: 'continue' not properly in loop"},
    {"NonlocalAtModuleLevel", "nonlocal x", "t.py:1:1: nonlocal declaration not allowed at module level"},
    {"YieldAtModuleLevel", "yield 1", "t.py:1:1: 'yield' outside function"},
    {"YieldInClassBody", "class A:\n    yield 1", "t.py:2:5: 'yield' outside function"},
    {"YieldInListComprehension", "def f():\n    [(yield x) for x in y]", "t.py:2:7: 'yield' inside list comprehension"},
    {"YieldInGeneratorCondition", "def f():\n    g = (x for x in y if (yield))",
     "t.py:2:27: 'yield' inside generator expression"},
    {"ImportStarInFunction", "def f():\n    from os import *", "t.py:2:20: import * only allowed at module level"},
    // targets
    {"AssignToCall", "f() = 1", "t.py:1:1: cannot assign to function call"},
    {"AssignToLiteral", "1 = x", "t.py:1:1: cannot assign to literal"},
    {"AssignToOperator", "a + b = c", "t.py:1:1: cannot assign to expression"},
    {"AssignToCallInTuple", "(a, f()) = 1", "t.py:1:5: cannot assign to function call"},
    {"AssignToComprehension", "[x for x in y] = 1", "t.py:1:1: cannot assign to list comprehension"},
    {"AssignToTrue", "x = True = 1", "t.py:1:5: cannot assign to True"},
    {"AssignToConditional", "x = 1 if 2 else 3 = 4", "t.py:1:5: cannot assign to conditional expression"},
    {"AssignToDebug", "__debug__ = 1", "t.py:1:1: cannot assign to __debug__"},
    {"StarredAloneAsTarget", "*a = b", "t.py:1:1: starred assignment target must be in a list or tuple"},
    {"TwoStarredTargets", "a, *b, *c = d", "t.py:1:8: multiple starred expressions in assignment"},
    {"StarredAsValue", "x = *a", "t.py:1:5: can't use starred expression here"},
    {"StarredAsForIterable", "for x in *a: pass", "t.py:1:10: can't use starred expression here"},
    {"StarredAsYieldValue", "def f(): yield *a", "t.py:1:16: can't use starred expression here"},
    {"WalrusAsSliceBound", "x[a := b:c]", "t.py:1:9: invalid syntax"},
    {"DeleteCall", "del f()", "t.py:1:5: cannot delete function call"},
    {"DeleteStarred", "del *a", "t.py:1:5: cannot delete starred"},
    {"AugmentedTuple", "a, b += 1", "t.py:1:1: 'tuple' is an illegal expression for augmented assignment"},
    {"AnnotatedTuple", "a, b: int", "t.py:1:1: only single target (not tuple) can be annotated"},
    {"ForTargetCall", "for f() in x: pass", "t.py:1:5: cannot assign to function call"},
    {"WithTargetCall", "with a as f(): pass", "t.py:1:11: cannot assign to function call"},
    {"WalrusAtStatementLevel", "a := 1", "t.py:1:3: invalid syntax"},
    {"WalrusOnAttribute", "(a.b := 1)", "t.py:1:2: cannot use assignment expressions with attribute"},
    {"AssignInIfTest", "if x = 1:\n    pass", "t.py:1:6: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    // calls
    {"PositionalAfterKeyword", "f(a=1, b)", "t.py:1:8: positional argument follows keyword argument"},
    {"PositionalAfterDoubleStar", "f(**k, b)", "t.py:1:8: positional argument follows keyword argument unpacking"},
    {"StarAfterDoubleStar", "f(**k, *a)", "t.py:1:8: iterable argument unpacking follows keyword argument unpacking"},
    {"KeywordIsAttribute", "f(a.b=1)", "t.py:1:3: expression cannot contain assignment, perhaps you meant \"==\"?"},
    {"KeywordIsTrue", "f(True=1)", "t.py:1:3: cannot assign to True"},
    {"UnparenthesizedGenerator", "f(x for x in y, 1)", "t.py:1:3: Generator expression must be parenthesized"},
    {"RepeatedKeyword", "f(a=1, a=2)", "t.py:1:8: keyword argument repeated: a"},
    {"MissingComma", "f(a b)", "t.py:1:5: invalid syntax. Perhaps you forgot a comma?"},
    {"PrintStatement", "print \"hello\"", "t.py:1:1: Missing parentheses in call to 'print'. Did you mean print(...)?"},
    // expressions
    {"ConditionalWithoutElse", "x = a if b", "t.py:1:11: expected 'else' after 'if' expression"},
    {"NotWithoutOperand", "x = not", "t.py:1:8: invalid syntax"},
    {"SliceWithFourParts", "a[1:2:3:4]", "t.py:1:8: invalid syntax"},
    {"StarredInComprehension", "x = [*a for a in b]", "t.py:1:6: iterable unpacking cannot be used in comprehension"},
    {"DictMissingColon", "x = {1: 2, 3}", "t.py:1:13: ':' expected after dictionary key"},
    {"DollarSign", "x = $", "t.py:1:5: invalid syntax"},
    {"ImportTrailingDot", "import a.", "t.py:1:10: invalid syntax"},
    {"FromImportTrailingComma", "from . import a,",
     "t.py:1:17: trailing comma not allowed without surrounding parentheses"},
    // literals
    {"UnterminatedString", "x = 'abc", "t.py:1:5: unterminated string literal (detected at line 1)"},
    {"UnterminatedTripleString", "x = \"\"\"abc\n\ndef",
     "t.py:1:5: unterminated triple-quoted string literal (detected at line 3)"},
    {"LeadingZeros", "x = 0777",
     "t.py:1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
    {"DoubleUnderscoreInNumber", "x = 1__0", "t.py:1:6: invalid decimal literal"},
    {"BadBinaryDigit", "x = 0b2", "t.py:1:7: invalid digit '2' in binary literal"},
    {"BadOctalDigit", "x = 0o18", "t.py:1:8: invalid digit '8' in octal literal"},
    {"HexWithoutDigits", "x = 0x", "t.py:1:5: invalid hexadecimal literal"},
    {"NameGluedToNumber", "x = 1abc", "t.py:1:5: invalid decimal literal"},
    {"ExponentWithoutDigits", "x = 1e", "t.py:1:5: invalid decimal literal"},
    {"TruncatedHexEscape", "x = 'ab\\x4'", "t.py:1:8: (unicode error) truncated \\xXX escape"},
    {"TruncatedUnicodeEscape", "x = '\\u12'", "t.py:1:6: (unicode error) truncated \\uXXXX escape"},
    {"UnicodeEscapeOutOfRange", "x = '\\U00110000'", "t.py:1:6: (unicode error) illegal Unicode character"},
    {"NamedUnicodeEscapeUnsupported", "x = \"\\N{DASH}\"", "t.py:1:6: (unicode error) \\N{...} escapes are not supported"},
    {"NonAsciiInBytes", "x = b\"é\"", "t.py:1:7: bytes can only contain ASCII literal characters"},
    {"MixedBytesAndStr", "x = \"a\" b\"b\"", "t.py:1:9: cannot mix bytes and nonbytes literals"},
    {"FStringEmptyExpression", "x = f\"{}\"", "t.py:1:8: f-string: empty expression not allowed"},
    {"FStringBadConversion", "x = f\"{x!z}\"",
     "t.py:1:10: f-string: invalid conversion character: expected 's', 'r', or 'a'"},
    {"FStringSingleClosingBrace", "x = f\"}\"", "t.py:1:7: f-string: single '}' is not allowed"},
    {"FStringUnclosedField", "x = f\"{x\"", "t.py:1:7: f-string: expecting '}'"},
    {"FStringBadExpression", "x = f\"{a + }\"", "t.py:1:12: f-string: invalid syntax"},
    {"FStringErrorInsideExpressionHasItsColumn", "x = f'ab{c d}'", "t.py:1:12: f-string: invalid syntax"},
    {"FStringHash", "x = f\"{a#}\"", "t.py:1:9: f-string expression part cannot include '#'"},
    {"FStringSpecNestedTooDeeply", "f'{x:{y:{z}}}'", "t.py:1:9: f-string: expressions nested too deeply"},
    {"FullWidthParenthesis", "x = （1）", "t.py:1:5: invalid character '（' (U+FF08)"},
    {"NonBreakingSpace", "x =\xC2\xA0" "1", "t.py:1:4: invalid non-printable character U+00A0"},
    {"ControlCharacter", "x = \x01", "t.py:1:5: invalid non-printable character U+0001"},
};

} // namespace

TEST_P(ParserError, IsReportedAtTheOffendingToken) {
    EXPECT_EQ(errorOf(GetParam().source), GetParam().error) << "source:\n" << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(Parser, ParserError, ::testing::ValuesIn(kErrors),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(ParserErrorMessage, WhatIsTheFormattedDiagnostic) {
    try {
        parseModule("x = 1\nf() = 2\n", "scenario.py");
        FAIL() << "expected a SyntaxError";
    } catch (const SyntaxError& e) {
        EXPECT_STREQ(e.what(), "scenario.py:2:1: error: cannot assign to function call\nf() = 2\n^");
    }
}

TEST(ParserErrorMessage, ParseExpressionReportsItsFileName) {
    try {
        parseExpression("1 +", "expr.py");
        FAIL() << "expected a SyntaxError";
    } catch (const SyntaxError& e) {
        EXPECT_EQ(e.diagnostic().file, "expr.py");
        EXPECT_EQ(e.diagnostic().line, 1);
        EXPECT_EQ(e.diagnostic().col, 4);
        EXPECT_EQ(e.diagnostic().message, "unexpected EOF while parsing");
    }
}
