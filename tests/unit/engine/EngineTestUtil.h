#pragma once
// Helpers for engine unit tests: run scenario source through the engine, quietly, into a session.
#include <string>

#include <gtest/gtest.h>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"

namespace gs::engine::test {

// Runs `src` as the scenario file `file` (the name its stacks and guard provenance show), with
// print() and log output dropped; the run must end with exit code 0.
inline session::Session runQuietly(const std::string& file, const std::string& src) {
    session::SessionBuilder b;
    RunOptions o;
    o.out = [](std::string_view) {};
    o.logOut = [](std::string_view) {};
    RunResult r = runScenario(file, src, b, o);
    EXPECT_EQ(r.exitCode, 0) << r.error;
    return b.take();
}

} // namespace gs::engine::test
