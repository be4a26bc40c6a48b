// Calls stored in chunks (core/store/CallChunk.h): every field survives, a hot loop's calls cost
// a few bytes each, damaged chunks give a StoreError (never a crash or wrong calls), and the
// store reads pages across chunk boundaries and sessions recorded as rows before version 4.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/store/CallChunk.h"
#include "core/store/ChunkReader.h"
#include "core/store/DecodedCallChunk.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

std::vector<Call> variedCalls(int64_t n, int64_t firstIndex = 0) {
    std::vector<Call> calls;
    for (int64_t i = 0; i < n; ++i) {
        // gaps in the indexes, a few frames, every outcome, negative values
        Call c = syntheticCall(firstIndex + i * 2 + (i % 7 == 0 ? 5 : 0), int(i % 3), i % 4 != 0);
        c.outcome = CallOutcome(i % 6);
        c.line = int(i % 5) - 1;
        if (i % 11 == 0) c.args.clear();
        if (i % 13 == 0) c.tried.clear();
        // `run --verify` results on some calls: verified, and now and then a stale report
        c.verified = i % 4 == 1 || i % 17 == 3;
        if (i % 17 == 3) c.stale = "stale entry 0/" + std::to_string(i % 3) + " at call #" + std::to_string(c.index);
        calls.push_back(c);
    }
    return calls;
}

std::string encode(const std::vector<Call>& calls) {
    CallChunkWriter w;
    for (const auto& c : calls) w.add(c);
    return w.encode();
}

Call hit(int64_t index) {
    Call c;
    c.index = index;
    c.frameId = 0;
    c.line = 6;
    c.outcome = CallOutcome::Hit;
    c.entryId = "0/0";
    for (const char* name : {"x", "y"}) {
        ArgDesc a;
        a.source = std::string("L['") + name + "']";
        a.kind = "tensor";
        a.type = "Tensor";
        a.shape = {4};
        a.stride = {1};
        a.dtype = "float32";
        a.device = "cpu";
        a.objectId = name[0] == 'x' ? 1 : 2;
        c.args.push_back(a);
    }
    c.tried.push_back(GuardEval{"0/0", true, -1, "", {}, 3});
    return c;
}

} // namespace

TEST(CallChunk, EveryFieldOfEveryCallSurvives) {
    std::vector<Call> calls = variedCalls(500, 17);
    EXPECT_EQ(decodeCallChunk(encode(calls), calls.front().index), calls);
}

TEST(CallChunk, AChunkCanBeWrittenAgainAfterMoreCallsArrived) {
    std::vector<Call> calls = variedCalls(100);
    CallChunkWriter w;
    for (size_t i = 0; i < 40; ++i) w.add(calls[i]);
    std::vector<Call> first(calls.begin(), calls.begin() + 40);
    EXPECT_EQ(decodeCallChunk(w.encode(), w.firstIndex()), first);
    for (size_t i = 40; i < calls.size(); ++i) w.add(calls[i]);
    EXPECT_EQ(decodeCallChunk(w.encode(), w.firstIndex()), calls);
    EXPECT_EQ(w.counts().calls, 100);
}

TEST(CallChunk, AHotLoopsCallsTakeAFewBytesEach) {
    CallChunkWriter w;
    for (int64_t i = 0; i < kCallsPerChunk; ++i) w.add(hit(1000 + i));
    std::string data = w.encode();
    // 12 bytes per call of two arguments and one guard evaluation, plus the tables once.
    EXPECT_LT(data.size(), size_t(kCallsPerChunk) * 12 + 512) << data.size();
    EXPECT_EQ(w.counts().hits, kCallsPerChunk);
    auto back = decodeCallChunk(data, 1000);
    ASSERT_EQ(back.size(), size_t(kCallsPerChunk));
    EXPECT_EQ(back.back(), hit(1000 + kCallsPerChunk - 1));
}

TEST(CallChunk, VerifyResultsCostNothingWhenAbsentAndSurviveWhenPresent) {
    std::vector<Call> plain;
    for (int64_t i = 0; i < 300; ++i) plain.push_back(hit(i));
    const std::string without = encode(plain);
    EXPECT_EQ(without[2], 3) << "a chunk without verify results is written in format 3 (1 before schema 10)";
    std::vector<Call> checked = plain;
    checked[0].verified = true;
    checked[150].verified = true;
    checked[150].stale = "stale entry 0/0 at call #150 (demo.py:9): a guard is missing";
    checked[299].verified = true;
    const std::string with = encode(checked);
    EXPECT_EQ(with[2], 4);
    CallChunkWriter legacy(true), legacyChecked(true);
    for (const auto& c : plain) legacy.add(c);
    for (const auto& c : checked) legacyChecked.add(c);
    EXPECT_EQ(legacy.encode()[2], 1);
    EXPECT_EQ(legacyChecked.encode()[2], 2);
    EXPECT_EQ(decodeCallChunk(legacyChecked.encode(), 0), checked);
    EXPECT_EQ(decodeCallChunk(with, 0), checked);
    EXPECT_EQ(decodeCallBriefs(with, 0).calls.size(), checked.size());
    // Only the three calls with a result pay for it (and the report string, once).
    EXPECT_LT(with.size(), without.size() + checked[150].stale.size() + 16);
}

TEST(CallChunk, DamagedChunksAreErrorsNeverCrashes) {
    const std::vector<Call> calls = variedCalls(60);
    const std::string good = encode(calls);
    for (size_t n = 0; n < good.size(); ++n)
        EXPECT_THROW(decodeCallChunk(std::string_view(good).substr(0, n), 0), StoreError) << n;
    EXPECT_THROW(decodeCallChunk(good + "x", 0), StoreError);
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) {
        std::string bad = good;
        size_t at = rng() % bad.size();
        char was = bad[at];
        while (bad[at] == was) bad[at] = char(rng());
        EXPECT_THROW(decodeCallChunk(bad, 0), StoreError) << at;
    }
}

TEST(CallChunkStore, PagesReadAcrossChunkBoundaries) {
    TempDir dir;
    auto st = SessionStore::open(dir.file("s.db"));
    Session s;
    s.info.title = "big";
    s.info.status = SessionStatus::Complete;
    for (int64_t i = 0; i < 3 * kCallsPerChunk + 100; ++i) s.calls.push_back(hit(i));
    const int64_t id = st->save(s);
    EXPECT_EQ(st->callCount(id), int64_t(s.calls.size()));
    for (int64_t first : {int64_t(0), kCallsPerChunk - 3, 2 * kCallsPerChunk, 3 * kCallsPerChunk + 99}) {
        auto page = st->calls(id, first, 10);
        std::vector<Call> expected(s.calls.begin() + first,
                                   s.calls.begin() + std::min<int64_t>(first + 10, int64_t(s.calls.size())));
        EXPECT_EQ(page, expected) << first;
    }
    EXPECT_TRUE(st->calls(id, 4 * kCallsPerChunk, 10).empty());
    EXPECT_EQ(st->load(id).calls, s.calls);
    Summary sum = st->summary(st->loadWithoutCalls(id));
    EXPECT_EQ(sum.calls, int64_t(s.calls.size()));
    EXPECT_EQ(sum.cacheHits, int64_t(s.calls.size()));
}

TEST(CallChunkStore, TheRecorderStoresEveryCallInOrder) {
    TempDir dir;
    auto st = SessionStore::open(dir.file("r.db"));
    auto rec = st->startRecorder();
    rec->beginSession(SessionInfo{});
    std::vector<Call> calls = variedCalls(3 * kCallsPerChunk);
    for (size_t i = 0; i < calls.size(); ++i) {
        rec->call(calls[i]);
        if (i % 5000 == 0) rec->flush();  // the open chunk is written, then rewritten when it grows
    }
    rec->endSession(SessionStatus::Complete);
    EXPECT_FALSE(rec->failed()) << rec->error();
    EXPECT_EQ(st->load(rec->sessionId()).calls, calls);
    EXPECT_EQ(st->row(rec->sessionId())->calls, int64_t(calls.size()));
}

TEST(CallChunk, BriefsAndPerFunctionCountsAgreeWithTheCalls) {
    std::vector<Call> calls = variedCalls(700, 3);
    CallChunkWriter w;
    for (const auto& c : calls) w.add(c);
    const std::string data = w.encode();
    CallBriefs b = decodeCallBriefs(data, w.firstIndex());
    ASSERT_EQ(b.calls.size(), calls.size());
    std::map<int, FrameCounts> expected;
    for (size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(b.calls[i].index, calls[i].index);
        EXPECT_EQ(b.calls[i].frameId, calls[i].frameId);
        EXPECT_EQ(b.calls[i].outcome, calls[i].outcome);
        EXPECT_EQ(b.strings.at(b.calls[i].entry), calls[i].entryId);
        FrameCounts& f = expected[calls[i].frameId];
        f.frameId = calls[i].frameId;
        CallOutcome o = calls[i].outcome;
        (o == CallOutcome::Hit ? f.hits : o == CallOutcome::RunOnly || o == CallOutcome::Skipped ? f.eager : f.other)++;
    }
    ChunkSummary sum = decodeSummary(encodeSummary(w.summary()));
    ASSERT_EQ(sum.frames.size(), expected.size());
    for (const auto& f : sum.frames) EXPECT_EQ(f, expected.at(f.frameId));
    std::map<std::string, int64_t> hitsById;
    for (const auto& c : calls)
        if (c.outcome == CallOutcome::Hit) ++hitsById[c.entryId];
    ASSERT_EQ(sum.entries.size(), hitsById.size());
    for (const auto& e : sum.entries) EXPECT_EQ(e.hits, hitsById.at(e.compileId));
    EXPECT_THROW(decodeCallBriefs(data.substr(0, data.size() - 1), w.firstIndex()), StoreError);
}

TEST(CallChunkStore, TheChunkDirectoryCountsEveryCallWithoutDecoding) {
    TempDir dir;
    auto st = SessionStore::open(dir.file("d.db"));
    Session s;
    for (int64_t i = 0; i < 2 * kCallsPerChunk + 5; ++i) s.calls.push_back(hit(i));
    const int64_t id = st->save(s);
    auto chunks = st->callChunks(id);
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(chunks[1].firstIndex, kCallsPerChunk);
    EXPECT_EQ(chunks[2].lastIndex, 2 * kCallsPerChunk + 4);
    EXPECT_EQ(chunks[2].calls, 5);
    ASSERT_EQ(chunks[0].frames.size(), 1u);
    EXPECT_EQ(chunks[0].frames[0].hits, kCallsPerChunk);
    ASSERT_EQ(chunks[0].entries.size(), 1u);
    EXPECT_EQ(chunks[0].entries[0], (EntryHits{"0/0", kCallsPerChunk}));
    EXPECT_EQ(st->callBriefs(id, kCallsPerChunk).calls.size(), size_t(kCallsPerChunk));
    EXPECT_THROW(st->callBriefs(id, 7), StoreError);
}

TEST(CallChunk, TheSummarySaysWhereEachEntrysHitsFall) {
    // Schema 9: each entry's first and last hit (offsets in the chunk), so a count from or up to
    // a call that is not between them needs no decoding.
    const auto calls = variedCalls(300, 40);
    CallChunkWriter w;
    for (const auto& c : calls) w.add(c);
    const ChunkSummary sum = decodeSummary(encodeSummary(w.summary()), true);
    ASSERT_EQ(sum.spans.size(), sum.entries.size());
    for (size_t e = 0; e < sum.entries.size(); ++e) {
        int32_t first = -1, last = -1;
        for (size_t i = 0; i < calls.size(); ++i)
            if (calls[i].outcome == CallOutcome::Hit && calls[i].entryId == sum.entries[e].compileId) {
                if (first < 0) first = int32_t(i);
                last = int32_t(i);
            }
        EXPECT_EQ(sum.spans[e], (HitSpan{first, last})) << sum.entries[e].compileId;
    }
    // A summary stored before schema 9 has none; one whose row promises them must have them.
    ChunkSummary old = w.summary();
    old.spans.clear();
    const std::string oldBytes = encodeSummary(old);
    EXPECT_TRUE(decodeSummary(oldBytes).spans.empty());
    EXPECT_THROW(decodeSummary(oldBytes, true), StoreError);
    // Spans out of order, or bytes after them, are damage.
    ChunkSummary bad = w.summary();
    bad.spans[0] = {5, 2};
    EXPECT_THROW(decodeSummary(encodeSummary(bad), true), StoreError);
    EXPECT_THROW(decodeSummary(encodeSummary(w.summary()) + "x"), StoreError);
}

TEST(CallChunkStore, TheDirectoryCarriesHitSpans) {
    TempDir dir;
    Session s;
    for (int64_t i = 0; i < kCallsPerChunk + 10; ++i) {
        Call c = hit(i);
        if (i % 3 == 0) c.entryId = "0/1";
        s.calls.push_back(c);
    }
    auto st = SessionStore::open(dir.file("d.db"));
    const int64_t id = st->save(s);
    auto chunks = st->callChunks(id);
    ASSERT_EQ(chunks.size(), 2u);
    ASSERT_EQ(chunks[1].spans.size(), chunks[1].entries.size());
    ASSERT_EQ(chunks[1].entries.size(), 2u);
    for (size_t e = 0; e < chunks[1].entries.size(); ++e) {
        // chunk 1 holds calls 8192..8201; 8193, 8196 and 8199 are the ones of 0/1
        const bool third = chunks[1].entries[e].compileId == "0/1";
        EXPECT_EQ(chunks[1].spans[e], third ? (HitSpan{1, 7}) : (HitSpan{0, 9})) << chunks[1].entries[e].compileId;
    }
}

namespace {

// A long run as an engine sends it: a hot loop of hits on the same tensors, hits on new tensor
// objects, two call sites, a second frame in between, recompiles (new entries), a reset (the
// index jumps, frames start again), verify results and a stale report. `said[i]`: the engine
// would send call i as EventSink::repeatCall (the same as its frame's previous call but for
// the index and object ids).
struct LongRun {
    std::vector<Call> calls;
    std::vector<bool> said;
};

bool sameButIds(const Call& a, const Call& b) {
    if (a.frameId != b.frameId || a.line != b.line || a.outcome != b.outcome || a.entryId != b.entryId ||
        a.tried != b.tried || a.verified != b.verified || !a.stale.empty() || !b.stale.empty() || a.args.size() != b.args.size())
        return false;
    for (size_t i = 0; i < a.args.size(); ++i) {
        ArgDesc x = a.args[i], y = b.args[i];
        x.objectId = y.objectId = 0;
        if (!(x == y)) return false;
    }
    return true;
}

LongRun longRun(int64_t n, int64_t firstIndex = 0) {
    LongRun r;
    std::map<int, Call> lastOfFrame;
    int64_t index = firstIndex;
    for (int64_t i = 0; i < n; ++i) {
        Call c = hit(index);
        if (i % 97 == 5) c.args[0].objectId = 1000 + i;            // a new tensor object
        if (i % 211 == 7) c.line = 9;                               // another call site
        if (i % 50 == 3) {                                          // another function
            c.frameId = 1;
            c.entryId = "1/0";
            c.tried = {GuardEval{"1/0", true, -1, "", {}, 2}};
            c.args.pop_back();
        }
        if (i % 1000 == 400) {                                      // a recompile: a new entry
            c.outcome = CallOutcome::Recompiled;
            c.entryId = "0/" + std::to_string(i / 1000 + 1);
            c.tried = {GuardEval{"0/0", false, 2, "tensor 'x' size mismatch at index 0. expected 4, actual 5", {2}, 3}};
            c.args[0].shape = {5};
        }
        if (i % 1000 > 400 && i % 1000 < 420) {                    // its hits, tried after a miss
            c.entryId = "0/" + std::to_string(i / 1000 + 1);
            c.args[0].shape = {5};
            c.tried = {GuardEval{"0/" + std::to_string(i / 1000 + 1), true, -1, "", {}, 3}};
        }
        if (i % 333 == 0) c.verified = true;
        if (i == 777) c.stale = "stale entry 0/0 at call #777 (demo.py:6): a guard is missing";
        if (i == n / 2) index += 50;                                // a reset: the index jumps
        c.index = index++;
        auto last = lastOfFrame.find(c.frameId);
        r.said.push_back(last != lastOfFrame.end() && sameButIds(last->second, c));
        lastOfFrame[c.frameId] = c;
        r.calls.push_back(c);
    }
    return r;
}

} // namespace

TEST(CallChunk, RepeatsRoundTripExactlyWhetherTheSenderSaysSoOrNot) {
    // Formats 3 and 4 (schema 10): runs, repeats and object id deltas decode to the same calls
    // as formats 1 and 2, and the bytes do not depend on the sender's repeatCall hints.
    const LongRun run = longRun(6000, 11);
    ASSERT_GT(std::count(run.said.begin(), run.said.end(), true), 5000);
    CallChunkWriter plain, told, legacy(true);
    for (size_t i = 0; i < run.calls.size(); ++i) {
        plain.add(run.calls[i]);
        if (run.said[i]) told.addRepeat(run.calls[i]);
        else told.add(run.calls[i]);
        legacy.add(run.calls[i]);
    }
    const std::string data = plain.encode(), old = legacy.encode();
    EXPECT_EQ(told.encode(), data);
    EXPECT_EQ(data[2], 4) << "verify results: format 4";
    EXPECT_EQ(old[2], 2) << "the legacy writer writes format 2";
    EXPECT_EQ(decodeCallChunk(data, 11), run.calls);
    EXPECT_EQ(decodeCallChunk(old, 11), run.calls);
    const CallBriefs b = decodeCallBriefs(data, 11), ob = decodeCallBriefs(old, 11);
    ASSERT_EQ(b.calls.size(), run.calls.size());
    for (size_t i = 0; i < run.calls.size(); ++i) {
        EXPECT_EQ(b.calls[i].index, run.calls[i].index);
        EXPECT_EQ(b.calls[i].frameId, run.calls[i].frameId);
        EXPECT_EQ(b.calls[i].outcome, run.calls[i].outcome);
        EXPECT_EQ(b.strings.at(b.calls[i].entry), run.calls[i].entryId);
        EXPECT_EQ(ob.strings.at(ob.calls[i].entry), run.calls[i].entryId);
    }
    EXPECT_EQ(plain.counts().calls, legacy.counts().calls);
    EXPECT_EQ(plain.counts().hits, legacy.counts().hits);
    EXPECT_EQ(plain.counts().stale, 1);
    EXPECT_EQ(encodeSummary(plain.summary()), encodeSummary(legacy.summary()));
    EXPECT_EQ(encodeSummary(told.summary()), encodeSummary(legacy.summary()));
    EXPECT_LT(data.size() * 4, old.size()) << data.size() << " vs " << old.size();
    // Written again after more calls (a batch writes the open chunk, runs included).
    CallChunkWriter growing;
    for (size_t i = 0; i < run.calls.size(); ++i) {
        if (run.said[i]) growing.addRepeat(run.calls[i]);
        else growing.add(run.calls[i]);
        if (i % 1500 == 17) {
            std::vector<Call> sofar(run.calls.begin(), run.calls.begin() + long(i) + 1);
            EXPECT_EQ(decodeCallChunk(growing.encode(), 11), sofar) << i;
        }
    }
}

TEST(CallChunk, AHotLoopsHitsAreOneRunAndNewObjectsADeltaEach) {
    CallChunkWriter same, fresh;
    for (int64_t i = 0; i < kCallsPerChunk; ++i) {
        same.addRepeat(hit(i));
        Call c = hit(i);
        c.args[0].objectId = 140000000000000LL + 48 * (i % 50);  // tensors made in the loop
        fresh.addRepeat(c);
    }
    const std::string a = same.encode(), b = fresh.encode();
    EXPECT_LT(a.size(), 200u) << "one run for the whole chunk";
    EXPECT_LT(b.size(), size_t(kCallsPerChunk) * 6) << b.size();
    auto back = decodeCallChunk(b, 0);
    ASSERT_EQ(back.size(), size_t(kCallsPerChunk));
    for (int64_t i : {int64_t(0), int64_t(1), int64_t(49), int64_t(50), kCallsPerChunk - 1})
        EXPECT_EQ(back[size_t(i)].args[0].objectId, 140000000000000LL + 48 * (i % 50)) << i;
    EXPECT_EQ(decodeCallChunk(a, 0).back(), hit(kCallsPerChunk - 1));
}

TEST(CallChunk, ARepeatWithoutItsCallInTheChunkIsWrittenInFull) {
    // A sender's hint about a call the writer does not have (a new chunk, another argument
    // count) is not trusted: the call is written in full.
    CallChunkWriter w;
    Call first = hit(0);
    w.addRepeat(first);
    Call other = hit(1);
    other.frameId = 3;
    w.addRepeat(other);
    Call fewer = hit(2);
    fewer.args.pop_back();
    w.addRepeat(fewer);
    EXPECT_EQ(decodeCallChunk(w.encode(), 0), (std::vector<Call>{first, other, fewer}));
}

TEST(CallChunk, DamagedRecordsAreErrorsNeverCrashes) {
    const LongRun run = longRun(400);
    CallChunkWriter w;
    for (size_t i = 0; i < run.calls.size(); ++i) {
        if (run.said[i]) w.addRepeat(run.calls[i]);
        else w.add(run.calls[i]);
    }
    const std::string good = w.encode();
    for (size_t n = 0; n < good.size(); ++n) {
        EXPECT_THROW(decodeCallChunk(std::string_view(good).substr(0, n), 0), StoreError) << n;
        EXPECT_THROW(decodeCallBriefs(std::string_view(good).substr(0, n), 0), StoreError) << n;
    }
    std::mt19937 rng(11);
    for (int i = 0; i < 1000; ++i) {
        std::string bad = good;
        size_t at = rng() % bad.size();
        char was = bad[at];
        while (bad[at] == was) bad[at] = char(rng());
        EXPECT_THROW(decodeCallChunk(bad, 0), StoreError) << at;
        EXPECT_THROW(decodeCallBriefs(bad, 0), StoreError) << at;
    }
}

TEST(CallChunkStore, TheRecorderStoresRepeatsExactly) {
    TempDir dir;
    auto st = SessionStore::open(dir.file("r.db"));
    auto rec = st->startRecorder();
    rec->beginSession(SessionInfo{});
    const LongRun run = longRun(3 * kCallsPerChunk + 123);
    for (size_t i = 0; i < run.calls.size(); ++i) {
        if (run.said[i]) rec->repeatCall(run.calls[i]);
        else rec->call(run.calls[i]);
        if (i % 5000 == 0) rec->flush();  // the open chunk is written, then rewritten when it grows
    }
    rec->endSession(SessionStatus::Complete);
    EXPECT_FALSE(rec->failed()) << rec->error();
    EXPECT_EQ(st->load(rec->sessionId()).calls, run.calls);
    EXPECT_EQ(st->row(rec->sessionId())->calls, int64_t(run.calls.size()));
    for (int64_t first : {int64_t(0), kCallsPerChunk - 3, int64_t(12000)}) {  // before the index jump: index = place
        auto page = st->calls(rec->sessionId(), first, 10);
        std::vector<Call> expected(run.calls.begin() + first,
                                   run.calls.begin() + std::min<int64_t>(first + 10, int64_t(run.calls.size())));
        EXPECT_EQ(page, expected) << first;
    }
}

namespace {

// The chunks the cursor path reads: a long run with repeats, object id deltas, verify results
// and a stale report (format 4, with and without the sender's hints) and in the legacy format 2;
// varied calls (gaps, every outcome, no arguments) in formats 4 and 2.
struct WrittenChunk {
    std::string name, data;
    std::vector<Call> calls;
};
std::vector<WrittenChunk> writtenChunks(int64_t n) {
    std::vector<WrittenChunk> out;
    const LongRun run = longRun(n, 5);
    const std::vector<Call> varied = variedCalls(n / 6, 17);
    for (bool legacy : {false, true}) {
        CallChunkWriter plain(legacy), told(legacy), mixed(legacy);
        for (size_t i = 0; i < run.calls.size(); ++i) {
            plain.add(run.calls[i]);
            if (run.said[i]) told.addRepeat(run.calls[i]);
            else told.add(run.calls[i]);
        }
        for (const auto& c : varied) mixed.add(c);
        const std::string f = legacy ? " (format 2)" : " (format 4)";
        out.push_back({"long run" + f, plain.encode(), run.calls});
        out.push_back({"long run, repeats said" + f, told.encode(), run.calls});
        out.push_back({"varied calls" + f, mixed.encode(), varied});
    }
    return out;
}

// The chunk with its byte `at` changed and its checksum made to match again: damage only the
// decoder's own checks can see.
std::string damagedBehindChecksum(const std::string& good, size_t at, char to) {
    std::string bad = good.substr(0, good.size() - 8);
    bad[at] = to;
    const uint64_t sum = chunkChecksum(bad);
    for (int i = 0; i < 8; ++i) bad.push_back(char(sum >> (8 * i)));
    return bad;
}

} // namespace

TEST(DecodedCallChunk, EveryCallBuiltAloneIsTheCallWritten) {
    // The GUI's cursor builds one call of a compactly decoded chunk: it must be exactly the call
    // recorded, in every format, and the briefs read by the same walker must agree.
    for (const auto& w : writtenChunks(3000)) {
        SCOPED_TRACE(w.name);
        const DecodedCallChunk page = DecodedCallChunk::decode(w.data, w.calls.front().index);
        ASSERT_EQ(page.size(), w.calls.size());
        size_t wrong = 0;
        for (size_t i = 0; i < w.calls.size(); ++i)
            if (!(page.call(i) == w.calls[i]) && wrong++ < 3) ADD_FAILURE() << "call " << i << " differs";
        EXPECT_EQ(wrong, 0u);
        EXPECT_EQ(page.calls(), w.calls);
        EXPECT_EQ(decodeCallChunk(w.data, w.calls.front().index), w.calls);
        const CallBriefs b = decodeCallBriefs(w.data, w.calls.front().index);
        ASSERT_EQ(b.calls.size(), w.calls.size());
        for (size_t i = 0; i < w.calls.size(); ++i) {
            EXPECT_EQ(b.calls[i].index, w.calls[i].index) << i;
            EXPECT_EQ(b.calls[i].frameId, w.calls[i].frameId) << i;
            EXPECT_EQ(b.calls[i].outcome, w.calls[i].outcome) << i;
            EXPECT_EQ(b.strings.at(b.calls[i].entry), w.calls[i].entryId) << i;
        }
    }
}

TEST(DecodedCallChunk, DamageBehindAMatchingChecksumIsTheSameErrorForOneCallAllCallsAndBriefs) {
    // Bytes changed with the checksum recomputed: the chunk decoded whole, read as briefs, or
    // kept as records with its calls built one at a time either fail with the same message or
    // give the same calls; never a crash (the ASan run) or a call read out of range.
    std::mt19937 rng(23);
    int failed = 0, decoded = 0;
    for (const auto& w : writtenChunks(1200)) {
        SCOPED_TRACE(w.name);
        const int64_t first = w.calls.front().index;
        for (int t = 0; t < 200; ++t) {
            const size_t at = 3 + rng() % (w.data.size() - 11);
            const std::string bad = damagedBehindChecksum(w.data, at, char(rng()));
            std::string whole, alone, brief;
            std::vector<Call> all;
            try {
                all = decodeCallChunk(bad, first);
            } catch (const StoreError& e) {
                whole = e.what();
            }
            std::vector<Call> built;
            try {
                const DecodedCallChunk page = DecodedCallChunk::decode(bad, first);
                for (size_t i = 0; i < page.size(); ++i) built.push_back(page.call(i));
            } catch (const StoreError& e) {
                alone = e.what();
            }
            try {
                decodeCallBriefs(bad, first);
            } catch (const StoreError& e) {
                brief = e.what();
            }
            EXPECT_EQ(alone, whole) << "byte " << at;
            EXPECT_EQ(brief, whole) << "byte " << at;
            EXPECT_EQ(built, all) << "byte " << at;
            ++(whole.empty() ? decoded : failed);
        }
    }
    // Both branches were taken: damage that is caught, and changed values that still decode.
    EXPECT_GT(failed, 100);
    EXPECT_GT(decoded, 100);
}

