// Export → import round trip of engine sessions (issue 6): every teaching demo and the seed
// scenario run through the engine, are written as a TORCH_TRACE log and read back equal
// (RoundTrip.h) with no problem at all (strict).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/engine/ScenarioRunner.h"
#include "core/session/GuardCount.h"
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

    // compilation_metrics under PyTorch's field names (issue 16), with the engine's counts: the
    // guard counts read back are the ones the summary shows for the scenario session.
    ASSERT_EQ(r.session.compiles.size(), s.compiles.size());
    for (size_t i = 0; i < s.compiles.size(); ++i) {
        const auto& back = r.session.compiles[i];
        if (s.compiles[i].status == session::EntryStatus::LimitHit) continue;  // PyTorch logs no metrics for those
        auto metric = [&](const std::string& name) -> std::string {
            for (const auto& m : back.metrics)
                if (m.name == name) return m.json;
            return "<missing>";
        };
        std::string frameKey = std::to_string(s.compiles[i].frameId + 1);
        frameKey.insert(frameKey.begin(), '"');
        frameKey.push_back('"');
        EXPECT_EQ(metric("frame_key"), frameKey) << back.compileId;
        EXPECT_NE(metric("accumulated_cache_size"), "<missing>") << back.compileId;
        auto count = [](std::optional<int64_t> n) { return n ? std::to_string(*n) : std::string("null"); };
        EXPECT_EQ(metric("guard_count"), count(session::GuardCount::of(s.compiles[i]))) << back.compileId;
        EXPECT_EQ(metric("shape_env_guard_count"), count(session::GuardCount::shapeEnvOf(s.compiles[i]))) << back.compileId;
    }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, EngineRoundTrip, ::testing::ValuesIn(scenarios()), [](const auto& info) {
    std::filesystem::path p(info.param);
    std::string name = p.parent_path().filename().string() + "_" + p.stem().string(); // demos_x, seeds_y
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

} // namespace
