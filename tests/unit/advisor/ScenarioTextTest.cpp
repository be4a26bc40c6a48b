// ScenarioText: slices by parser locations, whole-line edits, diffs.
#include "core/advisor/ScenarioText.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace gs::advisor;

TEST(ScenarioText, SlicesByCodePointColumnsEndExclusive) {
    ScenarioText t("x = f(a, b)\ny = \"é\" + g(c)\n");
    EXPECT_EQ(t.lineCount(), 2);
    EXPECT_EQ(t.slice({1, 7, 1, 8}), "a");
    EXPECT_EQ(t.slice({1, 5, 1, 12}), "f(a, b)");
    // the é is one code point but two bytes: columns count code points
    EXPECT_EQ(t.slice({2, 11, 2, 15}), "g(c)");
    EXPECT_EQ(t.slice({1, 10, 2, 2}), "b)\ny");
}

TEST(ScenarioText, ApplyReplacesWholeLinesAndKeepsTheRest) {
    ScenarioText t("a\nb\nc\n");
    std::string out = t.apply({t.replace(2, 2, "B1\nB2"), t.insertAround(3, "d", false)});
    EXPECT_EQ(out, "a\nB1\nB2\nc\nd\n");
    EXPECT_EQ(t.apply({t.replace(1, 2, "")}), "c\n");
    ScenarioText noNewline("a\nb");
    EXPECT_EQ(noNewline.apply({noNewline.replace(2, 2, "c")}), "a\nc");
}

TEST(ScenarioText, OverlappingOrStaleEditsAreRefused) {
    ScenarioText t("a\nb\nc\n");
    EXPECT_THROW(t.apply({t.replace(1, 2, "x"), t.replace(2, 3, "y")}), std::invalid_argument);
    Edit stale = t.replace(2, 2, "x");
    stale.before = "not b";
    EXPECT_THROW(t.apply({stale}), std::invalid_argument);
    EXPECT_THROW(t.apply({t.replace(3, 4, "x")}), std::invalid_argument);
}

TEST(ScenarioText, DiffShowsEachHunkWithItsLines) {
    ScenarioText t("a\nb\n");
    EXPECT_EQ(ScenarioText::diff({t.replace(2, 2, "b1\nb2")}), "@@ line 2 @@\n-b\n+b1\n+b2\n");
}
