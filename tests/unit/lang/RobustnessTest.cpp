// Hostile input: deep nesting, long chains, random and truncated bytes. Every input either
// parses or raises a SyntaxError that points inside the source; nothing crashes or hangs.
#include <gtest/gtest.h>

#include "tests/unit/SharedData.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "LangTestUtil.h"
#include "core/lang/Utf8.h"

using namespace gs::lang;
using namespace gs::lang::test;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// Parses; a SyntaxError is fine if its position lies inside the source.
::testing::AssertionResult parsesOrFailsCleanly(const std::string& source) {
    SourceFile file("t.py", source);
    try {
        auto m = parseModule(source, "t.py");
        (void)dumpAst(*m);
    } catch (const SyntaxError& e) {
        const Diagnostic& d = e.diagnostic();
        if (d.line < 1 || d.line > file.lineCount() || d.col < 1)
            return ::testing::AssertionFailure() << "position outside the source: " << e.what();
        std::string_view line = file.line(d.line);
        if (d.line == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (static_cast<size_t>(d.col) > utf8::countCodePoints(line) + 1)
            return ::testing::AssertionFailure() << "column past the end of the line: " << e.what();
    } catch (const std::exception& e) {
        return ::testing::AssertionFailure() << "unexpected exception: " << e.what();
    }
    return ::testing::AssertionSuccess();
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(Nesting, ParenthesesUpToTheLimitParse) {
    EXPECT_EQ(errorOf("x = " + repeat("(", kMaxNesting - 1) + "1" + repeat(")", kMaxNesting - 1)), "no error");
}

TEST(Nesting, TooManyParenthesesIsASyntaxError) {
    EXPECT_EQ(errorOf("x = " + repeat("[", 5000)), "t.py:1:205: too many nested parentheses");
}

TEST(Nesting, DeepUnaryOperatorsAreTooDeeplyNested) {
    EXPECT_EQ(errorOf("x = " + repeat("-", 100000) + "1"), "t.py:1:205: too deeply nested");
    EXPECT_EQ(errorOf("x = " + repeat("not ", 300) + "1"), "t.py:1:805: too deeply nested");
    EXPECT_EQ(errorOf("x = " + repeat("~", 150) + "1"), "no error");
}

TEST(Nesting, RightRecursiveExpressionsAreBounded) {
    EXPECT_NE(errorOf("x = " + repeat("a if b else ", 5000) + "c").find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = " + repeat("lambda: ", 5000) + "0").find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = " + repeat("a ** ", 5000) + "b").find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = " + repeat("f(", 150) + repeat("-", 100) + "1" + repeat(")", 150)).find("too deeply nested"),
              std::string::npos);
}

TEST(Nesting, LongLeftAssociativeChainsAreBoundedByTreeDepth) {
    EXPECT_EQ(errorOf("x = 1" + repeat(" + 1", 900)), "no error");
    EXPECT_NE(errorOf("x = 1" + repeat("+1", 100000)).find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = a" + repeat(".b", 100000)).find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = a" + repeat("[0]", 100000)).find("too deeply nested"), std::string::npos);
    EXPECT_NE(errorOf("x = a" + repeat("()", 100000)).find("too deeply nested"), std::string::npos);
}

TEST(Nesting, FlatListsAreNotDeep) {
    std::string big = "x = [" + repeat("1, ", 100000) + "]\n";
    auto m = parseModule(big, "t.py");
    EXPECT_EQ(static_cast<const List&>(*static_cast<const Assign&>(*m->body[0]).value).elts.size(), 100000u);
}

TEST(Nesting, ElifChainsAreBoundedByTreeDepth) {
    EXPECT_EQ(errorOf("if a: pass\n" + repeat("elif b: pass\n", 500)), "no error");
    EXPECT_NE(errorOf("if a: pass\n" + repeat("elif b: pass\n", 5000)).find("too deeply nested"), std::string::npos);
}

TEST(Nesting, FStringsInsideFStrings) {
    EXPECT_EQ(errorOf("x = f'''{f\"\"\"{f'{f\"{1}\"}'}\"\"\"}'''"), "no error");
}

TEST(Literals, HugeIntegersAreBigIntsWithinPythonsDigitLimit) {
    auto e = parseExpression(repeat("9", 4300));
    EXPECT_EQ(static_cast<const Constant&>(*e).type, Constant::Type::BigInt);
    EXPECT_EQ(static_cast<const Constant&>(*e).s, repeat("9", 4300));
    EXPECT_NE(errorOf("x = " + repeat("9", 4301)).find("Exceeds the limit (4300 digits)"), std::string::npos);
    EXPECT_NE(errorOf("x = 0x" + repeat("F", 100000)).find("Exceeds the limit (4300 digits)"), std::string::npos);
    auto hex = parseExpression("0x1" + repeat("0", 32));
    EXPECT_EQ(static_cast<const Constant&>(*hex).s, "340282366920938463463374607431768211456");
}

TEST(RandomBytes, NeverCrashOrEscapeAsAnotherException) {
    std::mt19937 rng(12345);
    const std::string alphabet = "()[]{}:;,.=+-*/%@<>!~^&|'\"\\#\n\r\t fxbr019_aeij\xE4\xB8\xAD\xFF";
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        const int len = static_cast<int>(rng() % 120);
        for (int k = 0; k < len; ++k) {
            if (rng() % 8 == 0)
                s += static_cast<char>(rng() % 256);
            else
                s += alphabet[rng() % alphabet.size()];
        }
        ASSERT_TRUE(parsesOrFailsCleanly(s)) << "input #" << i;
    }
}

TEST(TruncatedSource, EveryPrefixOfTheSeedParsesOrFailsCleanly) {
    GS_SKIP_WITHOUT_SHARED(std::string(GS_SHARED_DIR) + "/seeds/test_recompiles.py");
    const std::string seed = readFile(std::string(GS_SHARED_DIR) + "/seeds/test_recompiles.py");
    ASSERT_FALSE(seed.empty());
    // Every 23rd byte: cuts land inside keywords, strings, comments and UTF-8 sequences.
    for (size_t n = 0; n < seed.size(); n += 23) ASSERT_TRUE(parsesOrFailsCleanly(seed.substr(0, n))) << "prefix " << n;
}

TEST(FuzzRegressions, SavedInputsParseOrFailCleanly) {
    // Inputs libFuzzer once crashed on (tests/fuzz/regressions), plus the seed corpus.
    const std::filesystem::path root = std::filesystem::path(GS_SOURCE_DIR) / "tests/fuzz";
    int count = 0;
    for (const char* dir : {"regressions/fuzz_parser", "corpus"}) {
        if (!std::filesystem::exists(root / dir)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
            EXPECT_TRUE(parsesOrFailsCleanly(readFile(entry.path()))) << entry.path();
            ++count;
        }
    }
    EXPECT_GT(count, 0);
}
