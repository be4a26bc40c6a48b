// ScenarioRunner's own contract: what it refuses, and whose budget the limits are.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"

using namespace gs;

namespace {
engine::RunOptions quiet() {
    engine::RunOptions o;
    o.out = [](std::string_view) {};
    o.logOut = [](std::string_view) {};
    return o;
}
} // namespace

TEST(Runner, ADirectoryIsRefusedAsAScenario) {
    session::SessionBuilder b;
    engine::RunResult r = engine::runScenarioFile(std::filesystem::temp_directory_path().string(), b, quiet());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.error.find("not a file"), std::string::npos) << r.error;
}

TEST(Runner, AMissingFileIsAnErrorWithItsPath) {
    session::SessionBuilder b;
    engine::RunResult r = engine::runScenarioFile("/nonexistent/scenario.py", b, quiet());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.error.find("/nonexistent/scenario.py"), std::string::npos) << r.error;
}

TEST(Runner, StepLimitCountsTheScenarioNotTheTorchPreludes) {
    session::SessionBuilder b;
    engine::RunOptions o = quiet();
    o.limits.maxSteps = 100;
    engine::RunResult r = engine::runScenario("small.py", "x = 1\ny = x + 1\n", b, o);
    EXPECT_EQ(r.exitCode, 0) << r.error;
    engine::RunResult loop = engine::runScenario("loop.py", "while True:\n    pass\n", b, o);
    EXPECT_EQ(loop.exitCode, 3);
    EXPECT_NE(loop.error.find("loop.py:2: limit reached: more than 100 steps"), std::string::npos) << loop.error;
}

TEST(Runner, AFailedRunStillEndsItsSession) {
    session::SessionBuilder b;
    engine::RunResult r = engine::runScenario("bad.py", "raise ValueError('boom')\n", b, quiet());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.error.find("ValueError: boom"), std::string::npos) << r.error;
    EXPECT_EQ(b.session().info.status, session::SessionStatus::Failed);
}
