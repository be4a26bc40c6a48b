// Every teaching demo has a fix that its re-run proves (issue 13, item 5): the counts before
// and after, the kind of the best fix, and that the demo's own text names that fix.
#include "core/advisor/FixAdvisor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gs::advisor;

namespace {

struct DemoExpect {
    const char* file;
    int64_t compilesBefore, recompilesBefore;
    const char* bestKind;
    int64_t compilesAfter;
    const char* textNames;  // what the demo's header says the fix is
};

std::ostream& operator<<(std::ostream& os, const DemoExpect& e) { return os << e.file; }

std::string readDemo(const std::string& name) {
    std::ifstream in(std::string(GS_SOURCE_DIR) + "/resources/demos/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string header(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) out += line + "\n";
    return out;
}

class DemoFix : public ::testing::TestWithParam<DemoExpect> {};

TEST_P(DemoFix, BestFixIsProvenByItsReRunAndNamedByTheDemo) {
    const DemoExpect& e = GetParam();
    std::string source = readDemo(e.file);
    ASSERT_FALSE(source.empty()) << e.file;
    FixReport r = FixAdvisor::advise(e.file, source);
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.before.compiles, e.compilesBefore);
    EXPECT_EQ(r.before.recompiles, e.recompilesBefore);
    const FixResult* best = r.best();
    ASSERT_NE(best, nullptr) << "no proven fix for " << e.file;
    EXPECT_EQ(best->fix.kind, e.bestKind) << best->fix.title;
    EXPECT_EQ(best->after.compiles, e.compilesAfter) << best->fix.title;
    EXPECT_LT(best->after.compiles, r.before.compiles);
    EXPECT_TRUE(best->sameResults) << best->resultsDiff;
    EXPECT_TRUE(best->after.errorType.empty()) << best->after.error;
    EXPECT_LE(best->after.graphBreaks, r.before.graphBreaks);
    EXPECT_TRUE(best->problems.empty());
    EXPECT_NE(header(source).find(e.textNames), std::string::npos) << e.file << " does not say what its fix does";
    // every edit of the fix applies to the demo as it is, and the file itself is untouched
    EXPECT_NE(best->fixedSource, source);
    EXPECT_EQ(readDemo(e.file), source);
}

INSTANTIATE_TEST_SUITE_P(
    Demos, DemoFix,
    ::testing::Values(DemoExpect{"aliasing.py", 2, 1, "clone", 1, ".clone()"},
                      DemoExpect{"automatic_dynamic.py", 2, 1, "maybe_mark_dynamic", 1, "maybe_mark_dynamic(x, 0) and (y, 0)"},
                      DemoExpect{"bool_flip.py", 2, 1, "bool_where", 1, "torch.where"},
                      DemoExpect{"duck_sizing.py", 2, 1, "config", 1, "use_duck_shape = False"},
                      DemoExpect{"dynamic_true_false.py", 7, 4, "maybe_mark_dynamic", 3, "maybe_mark_dynamic(x, 0)"},
                      DemoExpect{"int_becomes_symbolic.py", 2, 1, "dynamic_true", 1, "dynamic=True"},
                      DemoExpect{"mark_dynamic.py", 2, 1, "mark_unbacked", 1, "mark_unbacked(x, 0)"},
                      DemoExpect{"recompile_limit.py", 3, 2, "mark_unbacked", 1, "mark_unbacked(x, 0)"},
                      DemoExpect{"train_eval.py", 2, 1, "identity", 1, "nn.Identity()"},
                      DemoExpect{"zero_one_specialization.py", 4, 3, "mark_unbacked", 1, "mark_unbacked(x, 0)"}),
    [](const ::testing::TestParamInfo<DemoExpect>& i) {
        std::string n = i.param.file;
        n = n.substr(0, n.find('.'));
        for (auto& c : n)
            if (c == '_') c = 'X';
        return n;
    });

TEST(DemoFix, EveryDemoIsCovered) {
    int demos = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(GS_SOURCE_DIR) + "/resources/demos"))
        if (entry.path().extension() == ".py") ++demos;
    EXPECT_EQ(demos, 10) << "a new demo needs its row in DemoFix";
}

TEST(DemoFix, TheHeadlineLessonMarkingOnlyTheFirstReasonsInputIsNotRecommended) {
    FixReport r = FixAdvisor::advise("automatic_dynamic.py", readDemo("automatic_dynamic.py"));
    const FixResult* lesson = nullptr;
    for (const auto& f : r.fixes)
        if (f.fix.kind == "mark_dynamic_first_reason") lesson = &f;
    ASSERT_NE(lesson, nullptr);
    EXPECT_TRUE(lesson->fix.lesson);
    EXPECT_FALSE(lesson->recommended);
    EXPECT_FALSE(lesson->problems.empty());
    // y still changes size: either it recompiles as before or (PyTorch) the hard mark raises
    EXPECT_TRUE(lesson->after.compiles >= r.before.compiles || !lesson->after.errorType.empty());
}

TEST(DemoFix, PassingABoolAsATensorAloneIsShownWithItsGraphBreak) {
    FixReport r = FixAdvisor::advise("bool_flip.py", readDemo("bool_flip.py"));
    const FixResult* lesson = nullptr;
    for (const auto& f : r.fixes)
        if (f.fix.kind == "bool_as_tensor") lesson = &f;
    ASSERT_NE(lesson, nullptr);
    EXPECT_FALSE(lesson->recommended);
    EXPECT_GT(lesson->after.graphBreaks, r.before.graphBreaks);
    ASSERT_FALSE(lesson->problems.empty());
    EXPECT_NE(lesson->problems.front().find("graph break"), std::string::npos) << lesson->problems.front();
}

} // namespace

TEST(TrialRunError, TheTypeIsTheExceptionLineAfterTheTracebackEvenWhenItsMessageGoesOn) {
    // PyTorch's ConstraintViolationError message runs over several lines; the type is on the
    // first line after the frames, not on the last line.
    const std::string error =
        "Traceback (most recent call last):\n"
        "  File \"s.py\", line 13, in <module>\n"
        "    f(x)\n"
        "torch.fx.experimental.symbolic_shapes.ConstraintViolationError: Constraints violated (L['x'].size()[0])!\n"
        "  - Not all values of RelaxedUnspecConstraint(L['x'].size()[0]) are valid: it was inferred to be a constant (2).\n";
    EXPECT_EQ(TrialRun::errorTypeOf(error), "ConstraintViolationError");
    // Chained: the exception that ended the run is the last one.
    EXPECT_EQ(TrialRun::errorTypeOf("Traceback (most recent call last):\n  File \"s.py\", line 1, in <module>\n    a\n"
                                    "KeyError: 'a'\n\nDuring handling of the above exception, another exception occurred:\n\n"
                                    "Traceback (most recent call last):\n  File \"s.py\", line 3, in <module>\n    b\nValueError: bad\n"),
              "ValueError");
    // No traceback (a syntax error message): the last line decides, as before.
    EXPECT_EQ(TrialRun::errorTypeOf("RecursionError: maximum recursion depth exceeded\n"), "RecursionError");
    EXPECT_EQ(TrialRun::errorTypeOf("s.py:1:6: error: unexpected EOF while parsing"), "");
}

TEST(TrialRunVerify, EveryReplayedHitOfATrialIsCheckedAgainstAnEagerRun) {
    // A trial proves a fix only if its compiled calls returned the right thing: each replayed
    // hit is also run eagerly (`run --verify`), so a fix that made the engine replay a graph
    // whose guards no longer hold would show as stale hits, not as "same results".
    const std::string source =
        "import torch\n"
        "def f(x, y):\n"
        "    return x * y + 1\n"
        "g = torch.compile(f, backend='eager')\n"
        "for i in range(4):\n"
        "    g(torch.ones(3), torch.full((3,), float(i)))\n";
    RunMeasure checked = TrialRun::run("trial.py", source);
    ASSERT_EQ(checked.exitCode, 0) << checked.error;
    int64_t hits = 0, verified = 0;
    for (const auto& c : checked.session.calls) {
        hits += c.outcome == gs::session::CallOutcome::Hit;
        verified += c.verified;
    }
    EXPECT_EQ(hits, 3);
    EXPECT_EQ(verified, hits);
    EXPECT_EQ(checked.staleHits, 0);
    EXPECT_TRUE(checked.staleReport.empty());

    TrialOptions plain;
    plain.verify = false;
    RunMeasure unchecked = TrialRun::run("trial.py", source, plain);
    for (const auto& c : unchecked.session.calls) EXPECT_FALSE(c.verified) << c.index;
    EXPECT_EQ(TrialRun::compareResults(checked, unchecked), "");
}
