#include "core/store/ValueCodec.h"

#include <gtest/gtest.h>

using gs::store::ValueCodec;

TEST(ValueCodec, StringListsRoundTripWhateverTheyHold) {
    const std::vector<std::vector<std::string>> cases{
        {}, {""}, {"", ""}, {"a"}, {"3:x", ",", "\n", std::string("\0z", 2)}, {"ünï", "12:"}};
    for (const auto& v : cases) EXPECT_EQ(ValueCodec::decodeStrings(ValueCodec::encodeStrings(v)), v);
    EXPECT_NE(ValueCodec::encodeStrings({}), ValueCodec::encodeStrings({""}));
}

TEST(ValueCodec, DamagedStringListsAreRejected) {
    EXPECT_FALSE(ValueCodec::decodeStrings("5:ab").has_value());
    EXPECT_FALSE(ValueCodec::decodeStrings("x:ab").has_value());
    EXPECT_FALSE(ValueCodec::decodeStrings("2ab").has_value());
}

TEST(ValueCodec, IntListsRoundTripAndRejectGarbage) {
    const std::vector<int64_t> v{0, -1, 9223372036854775807LL, 3};
    EXPECT_EQ(ValueCodec::decodeInt64s(ValueCodec::encodeInts(v)), v);
    EXPECT_EQ(ValueCodec::decodeInt64s(""), std::vector<int64_t>{});
    EXPECT_FALSE(ValueCodec::decodeInt64s("1,,2").has_value());
    EXPECT_FALSE(ValueCodec::decodeInt64s("1,a").has_value());
    EXPECT_FALSE(ValueCodec::decodeInts("99999999999").has_value());
}
