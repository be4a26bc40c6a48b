// Issue 11 item 3: per-rank counts and the ranks that diverge from the majority in their
// sequence of compiles, recompile reasons, graphs and cache results.
#include <gtest/gtest.h>

#include "core/session/RankOverview.h"

using namespace gs::session;

namespace {

// A rank that compiled `fn` once per entry of `sizes` (each size change a recompile).
Session rankSession(int rank, const std::vector<int>& sizes, const std::string& fn = "forward") {
    Session s;
    s.info.kind = SessionKind::TorchTrace;
    s.info.metadata["rank"] = std::to_string(rank);
    s.info.title = "rank " + std::to_string(rank);
    s.frames.push_back(Frame{0, fn, "model.py", 10});
    for (size_t i = 0; i < sizes.size(); ++i) {
        CompileEntry c;
        c.compileId = "0/" + std::to_string(i);
        c.frameCompileId = int(i);
        c.causedByCall = int64_t(i);
        c.compileTimeUs = 1.5e6;
        c.graph.push_back(GraphNode{0, "l_x_", "placeholder", "L_x_", {}, "[" + std::to_string(sizes[i]) + "]", "float32", 0});
        c.graph.push_back(GraphNode{1, "mul", "call_function", "torch.mul", {"l_x_"}, "[" + std::to_string(sizes[i]) + "]", "float32", 0});
        c.cache.push_back(CacheEvent{"fx_graph", i == 0 ? "miss" : "hit", "k", "", -1});
        if (i > 0) {
            Recompile r;
            r.compileId = c.compileId;
            r.callIndex = int64_t(i);
            RecompileReason x;
            x.category = ReasonCategory::SizeChange;
            x.guardKind = "TENSOR_MATCH";
            x.source = "x";
            x.text = "tensor 'x' size mismatch at index 0. expected " + std::to_string(sizes[i - 1]) + ", actual " + std::to_string(sizes[i]);
            r.reasons.push_back(x);
            s.recompiles.push_back(r);
        }
        s.compiles.push_back(c);
    }
    return s;
}

} // namespace

TEST(RankOverview, CountsPerRank) {
    RankProfile p(rankSession(3, {2, 3, 4}));
    EXPECT_EQ(p.rank, 3);
    EXPECT_EQ(p.compiles, 3);
    EXPECT_EQ(p.recompiles, 2);
    EXPECT_EQ(p.cacheHits, 2);
    EXPECT_EQ(p.cacheMisses, 1);
    EXPECT_DOUBLE_EQ(p.compileTimeS, 4.5);
    EXPECT_EQ(p.compileSeq.at(1), "0/1 forward");
    EXPECT_EQ(p.reasonSeq.at(0), "");
    EXPECT_EQ(p.reasonSeq.at(1), "size_change TENSOR_MATCH x");
}

TEST(RankOverview, RanksThatAgreeHaveNoDivergence) {
    std::vector<RankProfile> ranks;
    for (int r = 0; r < 4; ++r) ranks.emplace_back(rankSession(r, {2, 3}));
    EXPECT_TRUE(RankOverview::divergences(ranks).empty());
}

TEST(RankOverview, ARankWithAnExtraRecompileDivergesFromTheMajority) {
    std::vector<RankProfile> ranks;
    ranks.emplace_back(rankSession(0, {2, 3}));
    ranks.emplace_back(rankSession(1, {2, 3}));
    ranks.emplace_back(rankSession(2, {2, 3, 5})); // one more size: one more compile
    ranks.emplace_back(rankSession(3, {2, 3}));
    auto d = RankOverview::divergences(ranks);
    ASSERT_FALSE(d.empty());
    EXPECT_EQ(d[0].aspect, "compiles");
    EXPECT_EQ(d[0].ranks, std::vector<int64_t>{2});
    EXPECT_EQ(d[0].majority, (std::vector<int64_t>{0, 1, 3}));
    EXPECT_NE(d[0].detail.find("rank 2: 3 compiles where the majority has 2; the first extra: 0/2 forward"), std::string::npos) << d[0].detail;
    for (const auto& x : d) EXPECT_EQ(x.ranks, std::vector<int64_t>{2}) << x.aspect;
}

TEST(RankOverview, SameCompilesOtherGraphsAreAGraphDivergence) {
    std::vector<RankProfile> ranks;
    ranks.emplace_back(rankSession(0, {2, 3}));
    ranks.emplace_back(rankSession(1, {2, 4}));
    ranks.emplace_back(rankSession(2, {2, 3}));
    auto d = RankOverview::divergences(ranks);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].aspect, "graphs");
    EXPECT_EQ(d[0].ranks, std::vector<int64_t>{1});
    EXPECT_NE(d[0].detail.find("graph of compile #2"), std::string::npos) << d[0].detail;
}

TEST(RankOverview, OtherCodeObjectAndFailedRanks) {
    std::vector<RankProfile> ranks;
    ranks.emplace_back(rankSession(0, {2}));
    ranks.emplace_back(rankSession(1, {2}, "backward_hook"));
    RankProfile broken;
    broken.rank = 2;
    broken.error = "empty file";
    ranks.push_back(broken);
    auto d = RankOverview::divergences(ranks);
    ASSERT_FALSE(d.empty());
    EXPECT_EQ(d[0].aspect, "compiles");
    // two ranks that differ: no majority, so neither is the culprit; the failed rank takes no part
    EXPECT_TRUE(d[0].noMajority);
    EXPECT_TRUE(d[0].majority.empty());
    EXPECT_EQ(d[0].ranks, (std::vector<int64_t>{0, 1}));
    EXPECT_NE(d[0].detail.find("ranks 0, 1 differ, no majority"), std::string::npos) << d[0].detail;
    EXPECT_NE(d[0].detail.find("rank 1: compile #1: 0/0 backward_hook where rank 0 has 0/0 forward"), std::string::npos) << d[0].detail;
    EXPECT_EQ(d[0].detail.find("majority has"), std::string::npos) << d[0].detail;
    // the difference alone, for views that say the lead themselves (the Ranks view's rows)
    EXPECT_EQ(d[0].detail, "ranks 0, 1 differ, no majority; " + d[0].difference);
    EXPECT_EQ(d[0].difference.rfind("rank 1: compile #1: ", 0), 0u) << d[0].difference;
}

TEST(RankOverview, ARankDivergesOnlyFromAStrictMajority) {
    // 2 + 2: the largest group is half of the ranks, not more: they differ, nobody diverges
    std::vector<RankProfile> even;
    even.emplace_back(rankSession(3, {2, 3, 5}));
    even.emplace_back(rankSession(0, {2, 3}));
    even.emplace_back(rankSession(1, {2, 3}));
    even.emplace_back(rankSession(2, {2, 3, 5}));
    auto d = RankOverview::divergences(even);
    ASSERT_FALSE(d.empty());
    EXPECT_EQ(d[0].aspect, "compiles");
    EXPECT_TRUE(d[0].noMajority);
    EXPECT_TRUE(d[0].majority.empty());
    EXPECT_EQ(d[0].ranks, (std::vector<int64_t>{0, 1, 2, 3}));
    // described against the group of the lowest rank, whatever order the profiles came in
    EXPECT_NE(d[0].detail.find("ranks 2, 3: 3 compiles where ranks 0, 1 have 2"), std::string::npos) << d[0].detail;
    // 2 + 1 + 1: a plurality is not a majority either
    std::vector<RankProfile> split;
    split.emplace_back(rankSession(0, {2, 3}));
    split.emplace_back(rankSession(1, {2, 3}));
    split.emplace_back(rankSession(2, {2, 3, 5}));
    split.emplace_back(rankSession(3, {2, 3, 5, 7}));
    d = RankOverview::divergences(split);
    ASSERT_FALSE(d.empty());
    EXPECT_TRUE(d[0].noMajority);
    EXPECT_EQ(d[0].ranks, (std::vector<int64_t>{0, 1, 2, 3}));
    // 3 of 5 is a majority: the other two diverge from it
    split.emplace_back(rankSession(4, {2, 3}));
    d = RankOverview::divergences(split);
    ASSERT_FALSE(d.empty());
    EXPECT_FALSE(d[0].noMajority);
    EXPECT_EQ(d[0].majority, (std::vector<int64_t>{0, 1, 4}));
    EXPECT_EQ(d[0].ranks, (std::vector<int64_t>{2, 3}));
    EXPECT_NE(d[0].detail.find("rank 2: 3 compiles where the majority has 2"), std::string::npos) << d[0].detail;
}

TEST(RankOverview, BuiltFromEventsEqualsBuiltFromTheSession) {
    Session s = rankSession(5, {2, 3, 4});
    RankProfile fromEvents;
    replay(s, fromEvents);
    RankProfile fromSession(s);
    EXPECT_EQ(fromEvents.compileSeq, fromSession.compileSeq);
    EXPECT_EQ(fromEvents.reasonSeq, fromSession.reasonSeq);
    EXPECT_EQ(fromEvents.graphSeq, fromSession.graphSeq);
    EXPECT_EQ(fromEvents.cacheSeq, fromSession.cacheSeq);
    EXPECT_EQ(fromEvents.rank, 5);
}

namespace {

// Inductor's multi-rank artifacts on every compile of a rank: its collectives, an estimated
// runtime and a tensor-meta fingerprint.
Session withInductor(Session s, const std::vector<std::string>& collectives, double runtimeMs, const std::string& meta) {
    for (auto& c : s.compiles) {
        c.inductor.collectives = collectives;
        c.inductor.hasCollectives = true;
        c.inductor.runtimeMs = runtimeMs;
        c.inductor.tensorMeta = meta;
    }
    return s;
}

} // namespace

// tlparse's all-ranks report: a rank that issues other collectives than the majority is the one
// a collective hangs on; other output tensor metadata is a divergence of its own.
TEST(RankOverview, ARankWithOtherCollectivesOrTensorMetaDiverges) {
    const std::vector<std::string> ar = {"torch.ops._c10d_functional.all_reduce_.default", "torch.ops._c10d_functional.wait_tensor.default"};
    std::vector<RankProfile> ranks;
    ranks.emplace_back(withInductor(rankSession(0, {2, 3}), ar, 10.0, "aaaa"));
    ranks.emplace_back(withInductor(rankSession(1, {2, 3}), ar, 10.0, "aaaa"));
    ranks.emplace_back(withInductor(rankSession(2, {2, 3}), {ar[0]}, 10.0, "bbbb"));
    const auto d = RankOverview::divergences(ranks);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].aspect, "collectives");
    EXPECT_EQ(d[0].ranks, std::vector<int64_t>{2});
    EXPECT_EQ(d[0].majority, (std::vector<int64_t>{0, 1}));
    EXPECT_EQ(d[0].detail, "rank 2: collectives of compile #1: all_reduce_.default where the majority has all_reduce_.default wait_tensor.default");
    EXPECT_EQ(d[0].difference, d[0].detail); // with a majority there is no lead
    EXPECT_EQ(RankOverview::millis(9.9158419), "9.916");
    EXPECT_EQ(d[1].aspect, "tensor_meta");
    EXPECT_EQ(d[1].ranks, std::vector<int64_t>{2});
    EXPECT_EQ(d[1].detail, "rank 2: tensor metadata of compile #1: bbbb where the majority has aaaa");
    // logged by no rank: nothing to compare, no divergence
    std::vector<RankProfile> none;
    none.emplace_back(rankSession(0, {2}));
    none.emplace_back(rankSession(1, {2}));
    EXPECT_TRUE(RankOverview::divergences(none).empty());
    EXPECT_EQ(none[0].collectiveSeq, std::vector<std::string>{"-"});
    EXPECT_LT(none[0].runtimeMs, 0);
}

// tlparse's graph runtime analysis: per compile, the estimate of each rank, the fastest and the
// slowest; a rank's total is the sum over its compiles.
TEST(RankOverview, EstimatedRuntimesPerCompileAcrossRanks) {
    std::vector<RankProfile> ranks;
    ranks.emplace_back(withInductor(rankSession(1, {2, 3}), {}, 12.5, "m"));
    ranks.emplace_back(withInductor(rankSession(0, {2, 3}), {}, 10.0, "m"));
    ranks.emplace_back(rankSession(2, {2, 3})); // logged no estimates
    EXPECT_DOUBLE_EQ(ranks[0].runtimeMs, 25.0);
    EXPECT_LT(ranks[2].runtimeMs, 0);
    const auto g = RankOverview::runtimes(ranks);
    ASSERT_EQ(g.size(), 2u);
    EXPECT_EQ(g[0].compileId, "0/0");
    EXPECT_EQ(g[1].compileId, "0/1");
    ASSERT_EQ(g[0].ranks.size(), 2u);
    EXPECT_EQ(g[0].ranks[0], (std::pair<int64_t, double>{0, 10.0})); // rank order
    EXPECT_EQ(g[0].fastestRank, 0);
    EXPECT_EQ(g[0].slowestRank, 1);
    EXPECT_DOUBLE_EQ(g[0].deltaMs(), 2.5);
    EXPECT_TRUE(RankOverview::runtimes({RankProfile(rankSession(0, {2}))}).empty());
}
