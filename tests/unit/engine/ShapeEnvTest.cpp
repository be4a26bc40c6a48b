#include "core/engine/ShapeEnv.h"

#include <gtest/gtest.h>

using namespace gs::engine;

namespace {
Provenance at(int line) { return {"return x * y", "/tmp/seeds/test.py", line, "foo"}; }
std::vector<std::string> codes(const ShapeEnv& env) {
    std::vector<std::string> out;
    for (const auto& g : env.produceGuards()) out.push_back(g.code);
    return out;
}
} // namespace

TEST(ShapeEnv, HashedSymbolNamesMatchPyTorch) {
    // Both names appear in real PyTorch output (dynamo-semantics §5.6, torch-trace-format §1.3.5).
    EXPECT_EQ(hashedSymbolId("L['x'].size()[0]"), 77);
    EXPECT_EQ(hashedSymbolId("L['a'].size()[0]"), 97);
}

TEST(ShapeEnv, StaticAndZeroOneDimsAreConstants) {
    ShapeEnv env;
    EXPECT_TRUE(env.createSize("L['x'].size()[0]", 3, DimKind::Static, at(1))->isConst());
    EXPECT_TRUE(env.createSize("L['x'].size()[0]", 1, DimKind::Dynamic, at(1))->isConst());
    EXPECT_TRUE(env.createSize("L['x'].size()[0]", 0, DimKind::Duck, at(1))->isConst());
    EXPECT_FALSE(env.hasSymbols());
}

TEST(ShapeEnv, UnbackedDimsAreNotZeroOneSpecialized) {
    ShapeEnv env;
    auto s = env.createSize("L['x'].size()[0]", 1, DimKind::Unbacked, at(1));
    EXPECT_FALSE(s->isConst());
    EXPECT_TRUE(codes(env).empty());  // no `2 <=` guard for unbacked symbols
}

TEST(ShapeEnv, DynamicDimGetsLowerBoundGuardAndCreateSymbolLog) {
    ShapeEnv env;
    std::vector<std::string> log;
    env.createSize("L['x'].size()[0]", 3, DimKind::Dynamic, at(5), &log);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0], "create_symbol s77 = 3 for L['x'].size()[0] [2, int_oo]  # return x * y  # seeds/test.py:5 in foo");
    EXPECT_EQ(codes(env), std::vector<std::string>{"2 <= L['x'].size()[0]"});
}

TEST(ShapeEnv, BroadcastUnifiesLaterSymbolIntoEarlier) {
    ShapeEnv env;
    auto x = env.createSize("L['x'].size()[0]", 3, DimKind::Dynamic, at(5));
    auto y = env.createSize("L['y'].size()[0]", 3, DimKind::Dynamic, at(5));
    env.unify(x, y, at(5));
    EXPECT_EQ(codes(env), (std::vector<std::string>{"L['y'].size()[0] == L['x'].size()[0]", "2 <= L['x'].size()[0]"}));
}

TEST(ShapeEnv, DuckSizingSharesASymbolOnlyForDuckDims) {
    ShapeEnv env;
    auto a = env.createSize("L['x'].size()[0]", 3, DimKind::Duck, at(5));
    auto b = env.createSize("L['x'].size()[1]", 3, DimKind::Duck, at(5));
    auto c = env.createSize("L['y'].size()[0]", 3, DimKind::Dynamic, at(5));
    EXPECT_EQ(env.simplify(b)->symbol, a->symbol);
    EXPECT_NE(c->symbol, a->symbol);
    auto guards = env.produceGuards();
    ASSERT_GE(guards.size(), 1u);
    EXPECT_EQ(guards[0].code, "L['x'].size()[1] == L['x'].size()[0]");
    EXPECT_NE(guards[0].verbose.find("duck sizing added this equality because these variables had the same size 3"),
              std::string::npos);
}

TEST(ShapeEnv, BranchOnIntAddsGuardOrSpecializes) {
    ShapeEnv env;
    auto n = env.createInt("L['y']", 3, at(2));
    EXPECT_FALSE(env.evaluate(RelOp::Eq, n, SymExpr::constant(2), at(3)));
    EXPECT_EQ(codes(env), std::vector<std::string>{"L['y'] != 2"});
    ShapeEnv env2;
    auto m = env2.createInt("L['y']", 2, at(2));
    EXPECT_TRUE(env2.evaluate(RelOp::Eq, m, SymExpr::constant(2), at(3)));
    EXPECT_EQ(codes(env2), std::vector<std::string>{"L['y'] == 2"});
}

TEST(ShapeEnv, RangeDecidesSizeComparisonsStatically) {
    ShapeEnv env;
    auto x = env.createSize("L['x'].size()[0]", 5, DimKind::Dynamic, at(5));
    EXPECT_TRUE(env.evaluate(RelOp::Ne, x, SymExpr::constant(1), at(6)));
    EXPECT_TRUE(env.evaluate(RelOp::Gt, x, SymExpr::constant(0), at(6)));
    EXPECT_EQ(codes(env), std::vector<std::string>{"2 <= L['x'].size()[0]"});
    // A bound narrows the range: the range guard carries it, and what it decides adds nothing.
    EXPECT_TRUE(env.evaluate(RelOp::Gt, x, SymExpr::constant(4), at(7)));
    EXPECT_EQ(codes(env), std::vector<std::string>{"5 <= L['x'].size()[0]"});
    EXPECT_TRUE(env.evaluate(RelOp::Ge, x, SymExpr::constant(3), at(8)));
    EXPECT_FALSE(env.evaluate(RelOp::Lt, x, SymExpr::constant(5), at(8)));
    EXPECT_EQ(codes(env), std::vector<std::string>{"5 <= L['x'].size()[0]"});
    EXPECT_TRUE(env.evaluate(RelOp::Le, x, SymExpr::constant(9), at(9)));
    EXPECT_EQ(codes(env), std::vector<std::string>{"5 <= L['x'].size()[0] <= 9"});
    // Bounds that leave one value make the size that value.
    EXPECT_FALSE(env.evaluate(RelOp::Gt, x, SymExpr::constant(5), at(10)));
    EXPECT_TRUE(codes(env).empty());  // the tensor's TENSOR_MATCH shows the size
    ASSERT_TRUE(env.simplify(x)->isConst());
    EXPECT_EQ(env.simplify(x)->value, 5);
}

TEST(ShapeEnv, ArithmeticRendersWithSources) {
    ShapeEnv env;
    auto x = env.createSize("L['x'].size()[0]", 4, DimKind::Dynamic, at(5));
    auto e = SymExpr::add(SymExpr::mul(SymExpr::constant(2), x), SymExpr::constant(1));
    EXPECT_EQ(env.sourceText(e), "2*L['x'].size()[0] + 1");
    EXPECT_EQ(env.hint(e), 9);
}
