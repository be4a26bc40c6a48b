// A session opened page by page (SessionIndex over CallPages, the GUI's way for sessions of
// millions of calls) answers every question as the same session indexed whole: for every
// scenario, demo and the seed, with calls in chunks of a few calls so that chunk edges fall
// everywhere, and for sessions with resets and gaps in their call indexes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/engine/ScenarioRunner.h"
#include "core/session/SessionIndex.h"
#include "core/store/CallChunk.h"
#include "core/store/DecodedCallChunk.h"
#include "core/store/StoreCallPages.h"
#include "tests/unit/store/StoreTestUtil.h"

namespace fs = std::filesystem;
using namespace gs;
using namespace gs::session;
using namespace gs::store;
using gs::testing::TempDir;

namespace {

// The store's chunks (encoded and decoded as stored), held in memory, `per` calls each; their
// summaries with hit spans (schema 9) or without (as stored before). Counts the chunks decoded.
class MemoryPages : public CallPages {
public:
    MemoryPages(const std::vector<Call>& calls, size_t per, bool spans = true) {
        for (size_t i = 0; i < calls.size(); i += per) {
            CallChunkWriter w;
            for (size_t j = i; j < std::min(calls.size(), i + per); ++j) w.add(calls[j]);
            data_.push_back(w.encode());
            const ChunkSummary sum = decodeSummary(encodeSummary(w.summary()), true);
            chunks_.push_back({w.firstIndex(), w.lastIndex(), w.counts().calls, w.counts().hits, w.counts().runOnly,
                               sum.frames, sum.entries, w.counts().stale, spans ? sum.spans : std::vector<HitSpan>{}});
        }
    }
    const std::vector<CallChunkInfo>& chunks() const override { return chunks_; }
    std::vector<Call> read(size_t k) override {
        ++decoded;
        return decodeCallChunk(data_[k], chunks_[k].firstIndex);
    }
    CallBriefs briefs(size_t k) override {
        ++decoded;
        return decodeCallBriefs(data_[k], chunks_[k].firstIndex);
    }
    // As the store's pages: the chunk kept compactly decoded, calls built one at a time.
    std::shared_ptr<const CallPage> page(size_t k) override {
        ++decoded;
        return std::make_shared<const DecodedCallChunk>(DecodedCallChunk::decode(data_[k], chunks_[k].firstIndex));
    }
    int decoded = 0;

private:
    std::vector<CallChunkInfo> chunks_;
    std::vector<std::string> data_;
};

void expectSameAnswers(const Session& s, size_t per, bool spans = true) {
    SCOPED_TRACE("calls per chunk " + std::to_string(per) + (spans ? "" : ", summaries without hit spans"));
    SessionIndex whole(s);
    Session without = s;
    without.calls.clear();
    SessionIndex paged(without, std::make_shared<MemoryPages>(s.calls, per, spans));
    ASSERT_TRUE(paged.paged());
    const int64_t n = whole.callCount();
    ASSERT_EQ(paged.callCount(), n);
    EXPECT_EQ(paged.summary(), whole.summary());
    EXPECT_EQ(paged.staleHits(), whole.staleHits());
    ASSERT_EQ(paged.tracks().size(), whole.tracks().size());
    for (size_t t = 0; t < whole.tracks().size(); ++t) {
        const auto& a = whole.tracks()[t];
        const auto& b = paged.tracks()[t];
        EXPECT_EQ(b.label, a.label);
        ASSERT_EQ(b.marks.size(), a.marks.size()) << a.label;
        for (size_t m = 0; m < a.marks.size(); ++m) {
            EXPECT_EQ(b.marks[m].pos, a.marks[m].pos);
            EXPECT_EQ(b.marks[m].kind, a.marks[m].kind);
            EXPECT_EQ(b.marks[m].category, a.marks[m].category);
        }
        EXPECT_EQ(paged.firstCallOfTrack(int(t)), whole.firstCallOfTrack(int(t)));
        EXPECT_EQ(paged.entriesOfTrack(int(t)), whole.entriesOfTrack(int(t)));
        for (CallCount what : {CallCount::Hits, CallCount::Eager}) {
            EXPECT_EQ(paged.callsIn(int(t), what, 0, n), whole.callsIn(int(t), what, 0, n));
            for (int64_t from = 0; from < n; from += 3)
                EXPECT_EQ(paged.countIn(int(t), what, from, from + 5), whole.countIn(int(t), what, from, from + 5));
            EXPECT_EQ(paged.columnCounts(int(t), what, 0.5, double(n) / 37, 37), whole.columnCounts(int(t), what, 0.5, double(n) / 37, 37));
        }
        for (int64_t cursor : {int64_t(0), n / 2, n - 1}) {
            auto wa = whole.dimsWindow(int(t), cursor, 5), wb = paged.dimsWindow(int(t), cursor, 5);
            EXPECT_EQ(wb.calls, wa.calls);
            ASSERT_EQ(wb.dims.size() <= wa.dims.size(), true);
            for (const auto& d : wb.dims) {
                auto it = std::find_if(wa.dims.begin(), wa.dims.end(), [&](const auto& x) { return x.source == d.source && x.dim == d.dim; });
                ASSERT_NE(it, wa.dims.end()) << d.source;
                EXPECT_EQ(d.values, it->values) << d.source;
            }
        }
    }
    EXPECT_EQ(paged.compilePositions(), whole.compilePositions());
    EXPECT_EQ(paged.resets(), whole.resets());
    for (int64_t pos = 0; pos < n; ++pos) {
        EXPECT_EQ(paged.call(pos), whole.call(pos)) << pos;
        EXPECT_EQ(paged.callKind(pos), whole.callKind(pos)) << pos;
        EXPECT_EQ(paged.entryOfCall(pos), whole.entryOfCall(pos)) << pos;
        EXPECT_EQ(paged.trackOfCall(pos), whole.trackOfCall(pos)) << pos;
        const Frame *fa = whole.frameOfCall(pos), *fb = paged.frameOfCall(pos);
        EXPECT_EQ(fb == nullptr, fa == nullptr) << pos;
        if (fa && fb) {
            EXPECT_EQ(*fb, *fa) << pos;
        }
        EXPECT_EQ(paged.recompileAtCall(pos), whole.recompileAtCall(pos)) << pos;
    }
    for (int e = 0; e < int(s.compiles.size()); ++e) {
        EXPECT_EQ(paged.createdAt(e), whole.createdAt(e));
        EXPECT_EQ(paged.trackOfEntry(e), whole.trackOfEntry(e));
        for (int64_t cursor = -1; cursor < n; cursor += std::max<int64_t>(1, n / 23)) {
            EXPECT_EQ(paged.hitsAt(e, cursor), whole.hitsAt(e, cursor)) << e << " at " << cursor;
            EXPECT_EQ(paged.guardResults(e, cursor < 0 ? 0 : cursor), whole.guardResults(e, cursor < 0 ? 0 : cursor));
        }
    }
}

std::vector<std::string> scenarioFiles() {
    std::vector<std::string> all;
    for (const auto* dir : {"tests/scenarios", "resources/demos"})
        for (const auto& e : fs::directory_iterator(fs::path(GS_SOURCE_DIR) / dir))
            if (e.path().extension() == ".py") all.push_back(e.path().string());
    std::sort(all.begin(), all.end());
    return all;
}

Session run(const std::string& file) {
    SessionBuilder b;
    engine::RunOptions o;
    o.out = [](std::string_view) {};
    engine::runScenarioFile(file, b, o);
    return b.take();
}

} // namespace

TEST(PagedIndex, EveryScenarioAnswersAsWhenIndexedWhole) {
    auto files = scenarioFiles();
    ASSERT_GT(files.size(), 20u);
    int withCalls = 0;
    for (const auto& f : files) {
        SCOPED_TRACE(fs::path(f).filename().string());
        Session s = run(f);
        if (s.calls.empty()) continue;
        ++withCalls;
        expectSameAnswers(s, 1);
        expectSameAnswers(s, 4);
        expectSameAnswers(s, 64);
        expectSameAnswers(s, 4, false);
    }
    EXPECT_GT(withCalls, 20);
}

TEST(PagedIndex, StaleHitsAreFoundInTheChunksThatCountThem) {
    // `run --verify` marks a stale hit on its call; the paged form reads only the chunks whose
    // directory counts one and finds the same positions.
    Session s;
    for (const auto& f : scenarioFiles()) {
        s = run(f);
        if (std::count_if(s.calls.begin(), s.calls.end(), [](const Call& c) { return c.outcome == CallOutcome::Hit; }) >= 3) break;
    }
    std::vector<int64_t> want;
    int seen = 0;
    for (size_t i = 0; i < s.calls.size(); ++i) {
        Call& c = s.calls[i];
        if (c.outcome != CallOutcome::Hit) continue;
        c.verified = true;
        if (seen++ % 2 == 0) {
            c.stale = "stale entry " + c.entryId + " at call #" + std::to_string(c.index) + " (a.py:3): a guard is missing";
            want.push_back(int64_t(i));
        }
    }
    ASSERT_GE(want.size(), 2u);
    EXPECT_EQ(SessionIndex(s).staleHits(), want);
    expectSameAnswers(s, 1);
    expectSameAnswers(s, 4);
}

TEST(PagedIndex, ResetsAndGapsInCallIndexesAreFollowed) {
    // The same run twice, as after torch._dynamo.reset() (frame and compile ids start again),
    // with call indexes that skip a number every five calls (calls of skipped frames are not
    // recorded).
    const Session once = run((fs::path(GS_SOURCE_DIR) / "resources/demos/automatic_dynamic.py").string());
    ASSERT_FALSE(once.calls.empty());
    Session twice = once;
    for (const auto& f : once.frames) twice.frames.push_back(f);
    for (const auto& c : once.calls) twice.calls.push_back(c);
    for (const auto& c : once.compiles) twice.compiles.push_back(c);
    for (const auto& r : once.recompiles) twice.recompiles.push_back(r);
    twice.shapeEvents.clear();
    twice.logs.clear();
    // New indexes: position i gets i + i / 5; records of the second run point into it.
    const size_t n = once.calls.size();
    std::map<int64_t, int64_t> first, second;
    for (size_t i = 0; i < twice.calls.size(); ++i) {
        const int64_t index = int64_t(i) + int64_t(i / 5);
        (i < n ? first : second)[twice.calls[i].index] = index;
        twice.calls[i].index = index;
    }
    for (size_t i = 0; i < twice.compiles.size(); ++i) {
        auto& map = i < once.compiles.size() ? first : second;
        if (map.count(twice.compiles[i].causedByCall)) twice.compiles[i].causedByCall = map[twice.compiles[i].causedByCall];
    }
    for (size_t i = 0; i < twice.recompiles.size(); ++i) {
        auto& map = i < once.recompiles.size() ? first : second;
        if (map.count(twice.recompiles[i].callIndex)) twice.recompiles[i].callIndex = map[twice.recompiles[i].callIndex];
    }
    expectSameAnswers(twice, 3);
    expectSameAnswers(twice, 16);
    expectSameAnswers(twice, 16, false);
}

TEST(PagedIndex, HitsOfEveryEntryAreCountedFromTheDirectory) {
    // The cache view asks every entry's hits at the cursor. With hit spans in the chunk
    // summaries only the cursor's chunk is decoded (once, for all entries), not the chunks
    // where entries were created; at the last call nothing is decoded.
    const Session s = run((fs::path(GS_SOURCE_DIR) / "resources/demos/automatic_dynamic.py").string());
    ASSERT_GE(s.compiles.size(), 2u);
    Session without = s;
    without.calls.clear();
    auto pages = std::make_shared<MemoryPages>(s.calls, 2);
    SessionIndex paged(without, pages);
    SessionIndex whole(s);
    const int64_t n = whole.callCount();
    const int atOpen = pages->decoded;
    for (int e = 0; e < int(s.compiles.size()); ++e) EXPECT_EQ(paged.hitsAt(e, n - 1), whole.hitsAt(e, n - 1)) << e;
    EXPECT_EQ(pages->decoded, atOpen);
    for (int64_t cursor = 0; cursor < n; ++cursor) {
        const int before = pages->decoded;
        for (int e = 0; e < int(s.compiles.size()); ++e) EXPECT_EQ(paged.hitsAt(e, cursor), whole.hitsAt(e, cursor)) << e;
        EXPECT_LE(pages->decoded - before, 1) << cursor;
    }
}

TEST(PagedIndex, StoredSessionsOpenFromTheirChunks) {
    TempDir dir;
    Session s = run((fs::path(GS_SOURCE_DIR) / "resources/demos/automatic_dynamic.py").string());
    int64_t id = 0;
    {
        auto st = SessionStore::open(dir.file("p.db"));
        id = st->save(s);
    }
    auto pages = StoreCallPages::open(dir.file("p.db"), id);
    ASSERT_TRUE(pages);
    EXPECT_EQ(pages->callCount(), int64_t(s.calls.size()));
    auto st = SessionStore::open(dir.file("p.db"), OpenMode::ReadOnly);
    SessionIndex paged(st->loadWithoutCalls(id), pages);
    SessionIndex whole(st->load(id));
    ASSERT_EQ(paged.callCount(), whole.callCount());
    for (int64_t pos = 0; pos < whole.callCount(); ++pos) EXPECT_EQ(paged.call(pos), whole.call(pos));
    EXPECT_EQ(paged.summary(), whole.summary());
}
