#include "core/session/SummaryText.h"

#include <gtest/gtest.h>

using namespace gs::session;

namespace {

Session dropoutDemo(bool fixed) {
    Session s;
    s.info.id = fixed ? 2 : 1;
    s.info.title = fixed ? "after" : "before";
    s.info.created = "2026-11-28T10:00:00Z";
    s.info.sourcePath = "demo.py";
    s.info.status = SessionStatus::Complete;
    s.frames.push_back({0, "forward", "demo.py", 12});
    // Guards counted as PyTorch's guard_count (GuardCount): 7 ambient + TENSOR_MATCH = 8.
    const std::vector<Guard> tree = {{.id = 0, .parent = -1, .kind = "RootGuardManager"},
                                     {.id = 1, .parent = 0, .kind = "GLOBAL_STATE"},
                                     {.id = 2, .parent = 0, .kind = "GuardManager", .source = "L['x']"},
                                     {.id = 3, .parent = 2, .kind = "TENSOR_MATCH", .source = "L['x']"},
                                     {.id = 4, .parent = 2, .kind = "NO_HASATTR", .source = "L['x']"}};
    s.compiles.push_back({.compileId = "0/0", .frameId = 0, .causedByCall = 0,
                          .guards = tree, .opCount = 3, .hitCount = 4});
    s.calls.push_back({.index = 0, .outcome = CallOutcome::Compiled});
    for (int i = 1; i <= 4; ++i) s.calls.push_back({.index = i, .outcome = CallOutcome::Hit});
    if (!fixed) {
        s.compiles.push_back({.compileId = "0/1", .frameId = 0, .frameCompileId = 1, .causedByCall = 5,
                              .guards = tree, .opCount = 2, .hitCount = 1});
        Recompile r{.compileId = "0/1", .frameId = 0, .callIndex = 5};
        r.reasons.push_back({.failedEntryId = "0/0",
                             .text = "self._modules['dropout'].training == True",
                             .category = ReasonCategory::TrainEval,
                             .fix = "compile after model.eval()"});
        s.recompiles.push_back(r);
        s.calls.push_back({.index = 5, .outcome = CallOutcome::Recompiled});
    }
    s.tests.push_back({"test_eval", "T", TestStatus::Fail, "AssertionError:\n2 != 3", "demo.py", 30});
    return s;
}

TEST(SummaryText, ShowsEntriesRecompilesReasonsFixesAndTotals) {
    EXPECT_EQ(SummaryText::render(dropoutDemo(false)),
              "Session 1: before\n"
              "  scenario · complete · 2026-11-28T10:00:00Z · demo.py\n"
              "\n"
              "Frame 0: forward  demo.py:12\n"
              "  Cache entries (2):\n"
              "    0/0  ok  4 hits  3 ops  8 guards  compiled at call #0\n"
              "    0/1  ok  1 hit   2 ops  8 guards  compiled at call #5\n"
              "  Recompiles:\n"
              "    0/1  at call #5\n"
              "      [train_eval]  0/0: self._modules['dropout'].training == True\n"
              "        fix: compile after model.eval()\n"
              "\n"
              "Tests: 0 passed, 1 failed, 0 skipped\n"
              "  fail  T.test_eval (demo.py:30): AssertionError: 2 != 3\n"
              "\n"
              "Totals: 1 frame · 6 calls · 2 compiles · 1 recompile · 4 cache hits\n"
              "Recompiles by first reason: train_eval 1\n");
}

TEST(SummaryText, InterruptedSessionsSayTheyAreIncomplete) {
    Session s = dropoutDemo(true);
    s.info.status = SessionStatus::Interrupted;
    EXPECT_NE(SummaryText::render(s).find("the recording was cut off"), std::string::npos);
}

TEST(SummaryText, LimitHitsAndUnknownFramesAreShown) {
    Session s;
    s.recompiles.push_back({.compileId = "4/8", .frameId = 4, .callIndex = 9, .limitHit = true});
    const std::string text = SummaryText::render(s);
    EXPECT_NE(text.find("Frame 4: (unknown function)"), std::string::npos) << text;
    EXPECT_NE(text.find("4/8  at call #9  — recompile limit hit"), std::string::npos) << text;
}

TEST(SummaryText, DiffShowsCountsFramesAndReasonsSideBySide) {
    const Session a = dropoutDemo(false), b = dropoutDemo(true);
    const std::string text = SummaryText::diff(a, a.summary(), b, b.summary());
    EXPECT_NE(text.find("Comparing session #1 before (A) with session #2 after (B)"), std::string::npos) << text;
    EXPECT_NE(text.find("  compiles        2         1         -1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  recompiles      1         0         -1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  forward  demo.py:12  2 compiles  1 compile\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  train_eval  1  0\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  1 → 0  [train_eval] self._modules['dropout'].training == True\n"
                        "        fix: compile after model.eval()\n"),
              std::string::npos)
        << text;
}

TEST(SummaryText, ColumnsAlignByCharactersNotBytes) {
    EXPECT_EQ(SummaryText::alignColumns({{"ü", "x"}, {"ab", "y"}}), "ü   x\nab  y\n");
}

} // namespace
