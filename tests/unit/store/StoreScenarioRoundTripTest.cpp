// Round trip of real engine sessions through the store (issue 4: "a recorded session read back
// equals the one written, for every conformance scenario"). Each scenario, teaching demo and the
// seed runs once through the engine into a SessionBuilder and the store's recorder at the same
// time (TeeSink, as `guardscope-cli run` does); what the store gives back must equal what the
// builder collected. One ctest per file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "core/store/SessionStore.h"
#include "tests/unit/SharedData.h"
#include "tests/unit/store/StoreTestUtil.h"

namespace fs = std::filesystem;
using namespace gs;
using namespace gs::session;
using gs::store::OpenMode;
using gs::store::OpenOptions;
using gs::store::SessionStore;

namespace {

std::vector<std::string> pyFilesIn(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".py") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Every conformance scenario, every demo and the seed. A folder that went missing would make the
// list silently shorter, so the sizes are checked in AllScenarioDemoAndSeedFilesAreFound below.
std::vector<std::string> scenarioFiles() {
    std::vector<std::string> all = pyFilesIn(fs::path(GS_SOURCE_DIR) / "tests" / "scenarios");
    for (const auto& f : pyFilesIn(fs::path(GS_SOURCE_DIR) / "resources" / "demos")) all.push_back(f);
    all.push_back((fs::path(GS_SHARED_DIR) / "seeds" / "test_recompiles.py").string());
    return all;
}

// scenarios_s01_static_first_compile, demos_aliasing, seeds_test_recompiles.
std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    const fs::path p(info.param);
    std::string n = p.parent_path().filename().string() + "_" + p.stem().string();
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

struct Recorded {
    engine::RunResult result;
    Session built;       // what the SessionBuilder collected
    int64_t id = 0;      // the recorder's session id
    std::string recordError;
};

// Runs `file` into a builder and a recorder of `store` at once. Script output and logs are
// captured (they are in the session's log lines anyway) so the test output stays readable.
Recorded runAndRecord(const std::string& file, SessionStore& store) {
    Recorded r;
    SessionBuilder builder;
    auto recorder = store.startRecorder();
    TeeSink tee;
    tee.add(&builder);
    tee.add(recorder.get());
    engine::RunOptions options;
    options.logChannels = {"recompiles", "guards", "dynamic", "graph_breaks"};  // log lines round-trip too
    options.out = [](std::string_view) {};
    options.logOut = [](std::string_view) {};
    r.result = engine::runScenarioFile(file, tee, options);
    recorder->flush();
    r.id = recorder->sessionId();
    if (recorder->failed()) r.recordError = recorder->error();
    r.built = builder.take();
    return r;
}

// The builder never learns the store id (SessionInfo::id is "0 = not stored"); the store fills
// it in on load. That is the only field allowed to differ.
Session withId(Session s, int64_t id) {
    s.info.id = id;
    return s;
}

class ScenarioRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioRoundTrip, RecordedSessionReadBackEqualsTheBuiltOne) {
    GS_SKIP_WITHOUT_SHARED(GetParam());  // the seed lives in ../shared
    gs::testing::TempDir dir;
    const std::string db = dir.file("sessions.db");
    Recorded r;
    {
        OpenOptions small;
        small.batchEvents = 16;  // several batches per session, so batch boundaries fall everywhere
        auto store = SessionStore::open(db, OpenMode::ReadWrite, small);
        r = runAndRecord(GetParam(), *store);
    }
    ASSERT_EQ(r.result.exitCode, 0) << r.result.error;
    ASSERT_EQ(r.recordError, "");
    ASSERT_GT(r.id, 0);
    // A real session, not an empty one that would compare equal trivially.
    EXPECT_EQ(r.built.info.status, SessionStatus::Complete);
    EXPECT_FALSE(r.built.frames.empty());
    EXPECT_FALSE(r.built.calls.empty());

    // Read back by a fresh connection, read-only: what is on disk, not what a cache remembers.
    auto store = SessionStore::open(db, OpenMode::ReadOnly);
    const Session loaded = store->load(r.id);
    const Session expected = withId(r.built, r.id);
    // Part by part first, so a difference names where it is; then the whole.
    EXPECT_EQ(loaded.info, expected.info);
    EXPECT_EQ(loaded.frames, expected.frames);
    EXPECT_EQ(loaded.calls, expected.calls);
    EXPECT_EQ(loaded.compiles, expected.compiles);
    EXPECT_EQ(loaded.recompiles, expected.recompiles);
    EXPECT_EQ(loaded.shapeEvents, expected.shapeEvents);
    EXPECT_EQ(loaded.logs, expected.logs);
    EXPECT_EQ(loaded.tests, expected.tests);
    EXPECT_TRUE(loaded == expected);

    // The paged path the CLI and the GUI use for big sessions gives the same counts and calls.
    const Session withoutCalls = store->loadWithoutCalls(r.id);
    EXPECT_EQ(store->summary(withoutCalls), r.built.summary());
    EXPECT_EQ(store->callCount(r.id), static_cast<int64_t>(r.built.calls.size()));
    EXPECT_EQ(store->calls(r.id, 0, static_cast<int64_t>(r.built.calls.size())), r.built.calls);
    const auto row = store->row(r.id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->calls, r.built.summary().calls);
    EXPECT_EQ(row->compiles, r.built.summary().compiles);
    EXPECT_EQ(row->recompiles, r.built.summary().recompiles);
}

TEST_P(ScenarioRoundTrip, SavedSessionLoadsBackEqual) {
    GS_SKIP_WITHOUT_SHARED(GetParam());  // the seed lives in ../shared
    auto store = SessionStore::open(":memory:");
    SessionBuilder builder;
    engine::RunOptions options;
    options.logChannels = {"recompiles", "guards", "dynamic", "graph_breaks"};
    options.out = [](std::string_view) {};
    options.logOut = [](std::string_view) {};
    const engine::RunResult result = engine::runScenarioFile(GetParam(), builder, options);
    ASSERT_EQ(result.exitCode, 0) << result.error;
    const Session built = builder.take();
    ASSERT_FALSE(built.calls.empty());

    const int64_t id = store->save(built);
    const Session loaded = store->load(id);
    EXPECT_TRUE(loaded == withId(built, id));
    EXPECT_EQ(loaded.compiles, built.compiles);
    EXPECT_EQ(loaded.recompiles, built.recompiles);
    // Saving what was loaded gives a second, equal copy: nothing is lost or added on the way.
    const int64_t again = store->save(loaded);
    EXPECT_NE(again, id);
    EXPECT_TRUE(store->load(again) == withId(built, again));
}

INSTANTIATE_TEST_SUITE_P(Store, ScenarioRoundTrip, ::testing::ValuesIn(scenarioFiles()), testName);

TEST(StoreScenarioFiles, AllScenarioDemoAndSeedFilesAreFound) {
    // 42 conformance scenarios and 10 demos when this was written; fewer means a folder moved.
    EXPECT_GE(pyFilesIn(fs::path(GS_SOURCE_DIR) / "tests" / "scenarios").size(), 42u);
    EXPECT_GE(pyFilesIn(fs::path(GS_SOURCE_DIR) / "resources" / "demos").size(), 10u);
    GS_SKIP_WITHOUT_SHARED((fs::path(GS_SHARED_DIR) / "seeds" / "test_recompiles.py").string());
}

} // namespace
