// One colour table for the GUI and the HTML report (core/session/CategoryColor).
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "core/session/CategoryColor.h"

using namespace gs::session;

TEST(CategoryColor, EveryCategoryHasItsOwnColour) {
    std::set<std::tuple<int, int, int>> seen;
    for (ReasonCategory c : allReasonCategories()) {
        const CategoryColor k = CategoryColor::of(c);
        EXPECT_TRUE(seen.insert({k.r, k.g, k.b}).second) << toString(c) << " shares its colour with another category";
    }
    EXPECT_EQ(seen.size(), allReasonCategories().size());
}

TEST(CategoryColor, HexIsTheCssFormOfTheSameColour) {
    EXPECT_EQ(CategoryColor::hex(ReasonCategory::SizeChange), "#e67e22");
    EXPECT_EQ(CategoryColor::hex(ReasonCategory::Other), "#858585");
    for (ReasonCategory c : allReasonCategories()) {
        const CategoryColor k = CategoryColor::of(c);
        const std::string h = CategoryColor::hex(c);
        ASSERT_EQ(h.size(), 7u);
        EXPECT_EQ(std::stoi(h.substr(1, 2), nullptr, 16), k.r);
        EXPECT_EQ(std::stoi(h.substr(3, 2), nullptr, 16), k.g);
        EXPECT_EQ(std::stoi(h.substr(5, 2), nullptr, 16), k.b);
    }
}
