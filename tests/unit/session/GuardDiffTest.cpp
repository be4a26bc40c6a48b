#include "core/session/GuardDiff.h"

#include <gtest/gtest.h>

using namespace gs::session;

namespace {

Guard g(int id, int parent, std::string kind, std::string source, std::string code) {
    Guard x;
    x.id = id;
    x.parent = parent;
    x.kind = std::move(kind);
    x.source = std::move(source);
    x.code = std::move(code);
    return x;
}

std::string tm(int n) {
    return "check_tensor(L['x'], Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch.float32, "
           "device=None, requires_grad=False, size=[" + std::to_string(n) + ", " + std::to_string(n) + "], stride=[" +
           std::to_string(n) + ", 1])";
}

// The two first entries of dedicated_log_torch_trace_rank_1.log, as trees.
std::vector<Guard> entry(int n) {
    return {g(0, -1, "RootGuardManager", "", ""),
            g(1, 0, "GLOBAL_STATE", "", "___check_global_state()"),
            g(2, 0, "GuardManager", "L['x']", "source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)"),
            g(3, 2, "TENSOR_MATCH", "L['x']", tm(n)),
            g(4, 2, "NO_HASATTR", "L['x']", "hasattr(L['x'], '_dynamo_dynamic_indices') == False         ")};
}

TEST(GuardDiff, IdenticalEntriesHaveNoDifferences) {
    GuardDiffResult d = GuardDiff::diff(entry(2), entry(2));
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(d.unchanged, 3); // leaves only: GLOBAL_STATE, TENSOR_MATCH, NO_HASATTR
}

TEST(GuardDiff, SizeChangeShowsAsOneChangedTensorMatchWithTheDifferingArguments) {
    GuardDiffResult d = GuardDiff::diff(entry(2), entry(3));
    ASSERT_EQ(d.changed.size(), 1u);
    EXPECT_TRUE(d.added.empty());
    EXPECT_TRUE(d.removed.empty());
    EXPECT_EQ(d.unchanged, 2);
    EXPECT_EQ(d.changed[0].before.kind, "TENSOR_MATCH");
    EXPECT_EQ(d.changed[0].after.code, tm(3));
    EXPECT_EQ(d.changed[0].summary, "size=[2, 2] → size=[3, 3]; stride=[2, 1] → stride=[3, 1]");
    EXPECT_EQ(GuardDiff::toText(d), "~ TENSOR_MATCH L['x']: size=[2, 2] → size=[3, 3]; stride=[2, 1] → stride=[3, 1]\n");
}

TEST(GuardDiff, AddedAndRemovedGuardsAreListedInTheirEntrysOrder) {
    auto older = entry(2);
    auto newer = entry(2);
    newer.push_back(g(5, 0, "GuardManager", "L['n']", "source=L['n'], accessed_by=..."));
    newer.push_back(g(6, 5, "EQUALS_MATCH", "L['n']", "L['n'] == 3"));
    newer.push_back(g(7, 0, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]  # return x  # t.py:3 in f"));
    older.push_back(g(5, 0, "BOOL_MATCH", "L['flag']", "L['flag'] == True"));
    GuardDiffResult d = GuardDiff::diff(older, newer);
    ASSERT_EQ(d.added.size(), 2u);
    EXPECT_EQ(d.added[0].kind, "EQUALS_MATCH");
    EXPECT_EQ(d.added[1].kind, "LAMBDA_GUARD");
    ASSERT_EQ(d.removed.size(), 1u);
    EXPECT_EQ(d.removed[0].kind, "BOOL_MATCH");
    EXPECT_TRUE(d.changed.empty());
    EXPECT_EQ(GuardDiff::toText(d),
              "+ EQUALS_MATCH L['n']: L['n'] == 3\n"
              "+ LAMBDA_GUARD L['x']: 2 <= L['x'].size()[0]\n"
              "- BOOL_MATCH L['flag']: L['flag'] == True\n");
}

TEST(GuardDiff, CommentsAndPaddingDoNotMakeAGuardDifferent) {
    auto older = entry(2);
    auto newer = entry(2);
    newer[1].code = "___check_global_state()                  # x = f()  # a.py:3 in g";
    newer[4].code = "hasattr(L['x'],   '_dynamo_dynamic_indices') == False";
    EXPECT_TRUE(GuardDiff::diff(older, newer).empty());
    // ... but whitespace inside a string literal does
    older[4].code = "L['s'] == 'a b'";
    newer[4].code = "L['s'] == 'a  b'";
    EXPECT_EQ(GuardDiff::diff(older, newer).changed.size(), 1u);
}

TEST(GuardDiff, RootLevelGuardsWithoutSourceAreMatchedByTheSourceInTheirCode) {
    std::vector<Guard> older{g(0, -1, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]"), g(1, -1, "LAMBDA_GUARD", "", "L['y'].size()[0] <= 8")};
    std::vector<Guard> newer{g(0, -1, "LAMBDA_GUARD", "", "L['y'].size()[0] <= 16"), g(1, -1, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]")};
    GuardDiffResult d = GuardDiff::diff(older, newer);
    EXPECT_EQ(d.unchanged, 1);
    ASSERT_EQ(d.changed.size(), 1u);
    EXPECT_EQ(d.changed[0].before.code, "L['y'].size()[0] <= 8");
    EXPECT_EQ(d.changed[0].summary, "L['y'].size()[0] <= 8 → L['y'].size()[0] <= 16");
}

TEST(GuardDiff, RepeatedIdenticalGuardsAreMatchedOneToOne) {
    std::vector<Guard> older{g(0, 0, "NO_TENSOR_ALIASING", "L['x']", "check_no_aliasing(L['x'], L['y'])")};
    std::vector<Guard> newer{g(0, 0, "NO_TENSOR_ALIASING", "L['x']", "check_no_aliasing(L['x'], L['y'])"),
                             g(1, 0, "NO_TENSOR_ALIASING", "L['x']", "check_no_aliasing(L['x'], L['y'])")};
    GuardDiffResult d = GuardDiff::diff(older, newer);
    EXPECT_EQ(d.unchanged, 1);
    EXPECT_EQ(d.added.size(), 1u);
}

TEST(GuardDiff, ManagersAreComparedOnlyWhenAsked) {
    auto older = entry(2);
    auto newer = entry(2);
    newer[2].code = "source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=1)";
    EXPECT_TRUE(GuardDiff::diff(older, newer).empty());
    GuardDiffResult d = GuardDiff::diff(older, newer, GuardDiff::Options{.includeManagers = true});
    ASSERT_EQ(d.changed.size(), 1u);
    EXPECT_EQ(d.changed[0].summary,
              "accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0) → accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=1)");
}

TEST(GuardDiff, DifferentCalleesAreShownWhole) {
    EXPECT_EQ(GuardDiff::describeChange("___check_obj_id(L['f'], 1)", "___check_type_id(L['f'], 2)"),
              "___check_obj_id(L['f'], 1) → ___check_type_id(L['f'], 2)");
    EXPECT_EQ(GuardDiff::describeChange("L['n'] == 3", "L['n'] == 4"), "L['n'] == 3 → L['n'] == 4");
}

TEST(GuardDiff, EmptyInputs) {
    EXPECT_TRUE(GuardDiff::diff({}, {}).empty());
    GuardDiffResult d = GuardDiff::diff({}, entry(2));
    EXPECT_EQ(d.added.size(), 3u);
    d = GuardDiff::diff(entry(2), {});
    EXPECT_EQ(d.removed.size(), 3u);
}

} // namespace
