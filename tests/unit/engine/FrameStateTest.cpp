#include "core/engine/FrameState.h"

#include <gtest/gtest.h>

using namespace gs::engine;

TEST(FrameState, FirstObservationIsStatic) {
    FrameState fs;
    EXPECT_TRUE(fs.record("L['x']", observeTensor({3}, {1}), true).empty());
    EXPECT_FALSE(fs.isDynamic("L['x']", 0));
}

TEST(FrameState, ChangedSizeBecomesAutoDynamicWithPyTorchLogText) {
    FrameState fs;
    fs.record("L['x']", observeTensor({2}, {1}), true);
    auto changes = fs.record("L['x']", observeTensor({3}, {1}), true);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].text, "automatic dynamic size L['x'] size(0) 3 != 2");
    EXPECT_TRUE(fs.isDynamic("L['x']", 0));
    // Monotone: seeing 2 again does not make it static.
    EXPECT_TRUE(fs.record("L['x']", observeTensor({2}, {1}), true).empty());
    EXPECT_TRUE(fs.isDynamic("L['x']", 0));
}

TEST(FrameState, SameSizeStaysStaticOtherDimsIndependent) {
    FrameState fs;
    fs.record("L['x']", observeTensor({4, 5}, {5, 1}), true);
    fs.record("L['x']", observeTensor({4, 6}, {6, 1}), true);
    EXPECT_FALSE(fs.isDynamic("L['x']", 0));
    EXPECT_TRUE(fs.isDynamic("L['x']", 1));
}

TEST(FrameState, RankChangeMakesEveryDimDynamic) {
    FrameState fs;
    fs.record("L['x']", observeTensor({4}, {1}), true);
    fs.record("L['x']", observeTensor({4, 4}, {4, 1}), true);
    EXPECT_TRUE(fs.isDynamic("L['x']", 0));
    EXPECT_TRUE(fs.isDynamic("L['x']", 1));
}

TEST(FrameState, TensorToIntFlipMakesScalarAndSizeDynamic) {
    // dynamo-semantics §3.6: why test_automatic_dynamic_tensor_scalar_change has 3 frames.
    FrameState fs;
    fs.record("L['y']", observeTensor({2}, {1}), true);
    fs.record("L['y']", observeInt(3), true);
    EXPECT_TRUE(fs.isDynamic("L['y']", -1));
    EXPECT_TRUE(fs.isDynamic("L['y']", 0));
}

TEST(FrameState, IntValueChangeLogsLikePyTorch) {
    FrameState fs;
    fs.record("L['n']", observeInt(0), true);
    auto changes = fs.record("L['n']", observeInt(1), true);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].text, "automatic dynamic int L['n'] val 1 != 0");
    EXPECT_TRUE(fs.isDynamic("L['n']", -1));
}

TEST(FrameState, WithoutAutomaticDynamicTheEntryIsOverwritten) {
    FrameState fs;
    fs.record("L['x']", observeTensor({2}, {1}), false);
    EXPECT_TRUE(fs.record("L['x']", observeTensor({3}, {1}), false).empty());
    EXPECT_FALSE(fs.isDynamic("L['x']", 0));
    EXPECT_EQ(fs.find("L['x']")->size.items[0].value, 3);
}
