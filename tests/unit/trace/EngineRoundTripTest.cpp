// Export → import round trip of engine sessions (issue 6): every teaching demo and the seed
// scenario run through the engine, are written as a TORCH_TRACE log and read back equal
// (RoundTrip.h) with no problem at all (strict).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/engine/ScenarioRunner.h"
#include "core/trace/RoundTrip.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs;
using namespace gs::trace::test;

namespace {

std::vector<std::string> scenarios() {
    std::vector<std::string> out;
    for (const char* dir : {GS_SOURCE_DIR "/resources/demos", GS_SOURCE_DIR "/tests/scenarios", GS_SHARED_DIR "/seeds"}) {
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(dir, ec))
            if (e.path().extension() == ".py") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

class EngineRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(EngineRoundTrip, ExportedScenarioSessionReadsBackEqual) {
    session::SessionBuilder b;
    engine::RunOptions o;
    o.out = [](std::string_view) {};
    o.logOut = [](std::string_view) {};
    engine::RunResult run = engine::runScenarioFile(GetParam(), b, o);
    ASSERT_EQ(run.exitCode, 0) << run.error;
    const session::Session& s = b.session();  // may have no compiles (a frame without ops is skipped)

    TempDir d;
    std::string path = d.file("scenario.log");
    trace::exportTorchTrace(s, path);
    trace::ImportOptions strict;
    strict.strict = true;
    Imported r = importFile(path, strict);
    std::string diffs;
    for (const auto& x : trace::RoundTrip::differences(s, r.session)) diffs += x + "\n";
    EXPECT_EQ(diffs, "");
    EXPECT_EQ(r.session.summary().recompilesByCategory, s.summary().recompilesByCategory);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, EngineRoundTrip, ::testing::ValuesIn(scenarios()), [](const auto& info) {
    std::filesystem::path p(info.param);
    std::string name = p.parent_path().filename().string() + "_" + p.stem().string(); // demos_x, seeds_y
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

} // namespace
