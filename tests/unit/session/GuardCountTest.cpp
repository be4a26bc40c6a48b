// guard_count as PyTorch defines it (len(output.guards), torch/_dynamo/convert_frame.py): the
// Python-level guards including the seven ambient ones, not the leaves of the printed tree.
#include <gtest/gtest.h>

#include "core/session/GuardCount.h"

using namespace gs::session;

namespace {

Guard leaf(int id, int parent, std::string kind, std::string source, std::string code = {}) {
    return {.id = id, .parent = parent, .kind = std::move(kind), .source = std::move(source), .code = std::move(code)};
}

} // namespace

TEST(GuardCount, TheTreeOfALoggedCompileGivesItsLoggedCount) {
    // dedicated_log_torch_trace_rank_1.log, compile 0/1: compilation_metrics says guard_count 8.
    std::vector<Guard> t = {leaf(0, -1, "RootGuardManager", ""),
                            leaf(1, 0, "LAMBDA_GUARD", "", "torch._functorch.aot_autograd.utils.top_saved_tensors_hooks ids == None"),
                            leaf(2, 0, "DEFAULT_DEVICE", "", "utils_device.CURRENT_DEVICE == None"),
                            leaf(3, 0, "GLOBAL_STATE", "", "___check_global_state()"),
                            leaf(4, 0, "TORCH_FUNCTION_MODE_STACK", "", "___check_torch_function_mode_stack()"),
                            leaf(5, 0, "GuardManager", "L['x']"),
                            leaf(6, 5, "TENSOR_MATCH", "L['x']", "check_tensor(L['x'], ...)"),
                            leaf(7, 5, "NO_HASATTR", "L['x']", "hasattr(L['x'], '_dynamo_dynamic_indices') == False"),
                            leaf(8, 5, "GuardManager", "L['x'].sum")};
    EXPECT_EQ(GuardCount::fromTree(t), 8);
}

TEST(GuardCount, ShapeGuardsAliasingAndConstantTypeChecksBelongToOtherGuards) {
    std::vector<Guard> t = {leaf(0, -1, "RootGuardManager", ""),
                            leaf(1, 0, "GLOBAL_STATE", ""),
                            leaf(2, 0, "GuardManager", "L['x']"),
                            leaf(3, 2, "TENSOR_MATCH", "L['x']"),
                            leaf(4, 2, "NO_HASATTR", "L['x']"),
                            leaf(5, 0, "GuardManager", "L['y']"),
                            leaf(6, 5, "TENSOR_MATCH", "L['y']"),
                            leaf(7, 0, "NO_TENSOR_ALIASING", "", "check_no_aliasing(L['x'], L['y'])"),
                            leaf(8, 0, "GuardManager", "L['n']"),
                            leaf(9, 8, "TYPE_MATCH", "L['n']", "___check_type_id(L['n'], 1)"),
                            leaf(10, 8, "EQUALS_MATCH", "L['n']", "L['n'] == 3"),
                            leaf(11, 0, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]"),
                            leaf(12, 0, "LAMBDA_GUARD", "", "L['y'].size()[0] == L['x'].size()[0]"),
                            leaf(13, 0, "LAMBDA_GUARD", "", "G['a'].F is G['b'].F"),
                            leaf(14, 0, "ID_MATCH", "G['m']", "___check_obj_id(G['m'], 2)")};
    // 7 ambient + TENSOR_MATCH x2 + EQUALS_MATCH (its TYPE_MATCH is part of it) + the user
    // lambda + ID_MATCH.
    EXPECT_EQ(GuardCount::fromTree(t), 12);
}

TEST(GuardCount, AnEntryWithoutGuardsHasNoCount) {
    CompileEntry c;
    EXPECT_FALSE(GuardCount::of(c).has_value());
    c.guards = {leaf(0, -1, "RootGuardManager", "")};
    EXPECT_EQ(GuardCount::of(c), 7);
}

TEST(GuardCount, ALoggedGuardCountWinsOverTheTree) {
    // An imported compile carries compilation_metrics; its guard_count is PyTorch's own number.
    CompileEntry c;
    c.guards = {leaf(0, -1, "RootGuardManager", "")};
    c.metrics = {{"frame_key", "\"1\""}, {"guard_count", "11"}};
    EXPECT_EQ(GuardCount::of(c), 11);
    c.metrics = {{"guard_count", "null"}};  // a failed compile logs null: the tree decides
    EXPECT_EQ(GuardCount::of(c), 7);
    c.guards.clear();
    EXPECT_FALSE(GuardCount::of(c).has_value());
}

TEST(GuardCount, ShapeEnvGuardsAreTheSizeStrideAndRangeLeaves) {
    // compilation_metrics.shape_env_guard_count from a tree: the shape guards only — not the
    // user's lambda guard, not the saved-tensors-hooks guard, not the tensor matches.
    CompileEntry c;
    c.guards = {leaf(0, -1, "RootGuardManager", ""),
                leaf(1, 0, "GuardManager", "L['x']"),
                leaf(2, 1, "TENSOR_MATCH", "L['x']"),
                leaf(3, 0, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]"),
                leaf(4, 0, "LAMBDA_GUARD", "", "L['x'].stride()[0] == 1"),
                leaf(5, 0, "SHAPE_ENV", "", "L['n'] != 2"),
                leaf(6, 0, "LAMBDA_GUARD", "", "G['a'].F is G['b'].F"),
                leaf(7, 0, "LAMBDA_GUARD", "", "torch._C._autograd._top_saved_tensors_hooks() is None")};
    EXPECT_EQ(GuardCount::shapeEnvOf(c), 3);
    c.metrics = {{"shape_env_guard_count", "5"}};  // a logged count is PyTorch's own number
    EXPECT_EQ(GuardCount::shapeEnvOf(c), 5);
    c.metrics.clear();
    c.guards.clear();
    EXPECT_FALSE(GuardCount::shapeEnvOf(c).has_value());
}
