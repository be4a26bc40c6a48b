// Schema v7 (issue 11): the verbatim records of an imported log and each compile's stack,
// metrics, cache lookups and artifacts survive the store exactly, through save() and through
// the recorder; records are paged by seq; loadWithoutCalls leaves them out; a version-3 file is
// migrated with its rows intact; damaged chunks give a clear error.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "core/store/RecordArchive.h"
#include "core/store/Schema.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

int64_t rawInt(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

// Records as an import makes them: JSON records with and without payloads, a text line, a
// payload not kept, bytes of every value, and enough text to span several chunks.
std::vector<TraceRecord> someRecords(int n, size_t bigPayload = 0) {
    std::vector<TraceRecord> out;
    for (int i = 0; i < n; ++i) {
        TraceRecord r;
        r.seq = i;
        r.line = 1 + i * 3;
        r.prefix = "V0718 15:30:01.875000 1337 torch/_dynamo/utils.py:" + std::to_string(1900 + i) + "] ";
        if (i % 5 == 4) {
            r.body = "torch._dynamo hit config.recompile_limit (8)";
        } else {
            r.compileId = i % 3 ? "0/" + std::to_string(i / 3) : "";
            r.body = "{\"chromium_event\": {}, \"frame_id\": 0, \"has_payload\": \"1c4f\"}";
            r.hasPayload = i % 2 == 0;
            if (r.hasPayload) r.payload = "{\n\"name\": \"dynamo\",\n\t\"ts\": " + std::to_string(i) + "\n}";
        }
        if (i == 7) {
            r.hasPayload = true;
            r.payloadKept = false;
        }
        if (i == 11) {
            for (int b = 0; b < 256; ++b) r.payload.push_back(static_cast<char>(b));
            r.hasPayload = true;
        }
        if (i == 13 && bigPayload) r.payload.assign(bigPayload, 'x'), r.hasPayload = true;
        out.push_back(std::move(r));
    }
    return out;
}

Session withRecords(const std::string& title, int records, size_t bigPayload = 0) {
    Session s = syntheticSession(title, 2, 6);
    s.records = someRecords(records, bigPayload);
    return s;
}

} // namespace

TEST(StoreRecords, SaveThenLoadKeepsRecordsAndCompileDetails) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("s.db"));
    Session s = withRecords("records", 40, 3u << 20); // one record larger than a chunk
    ASSERT_FALSE(s.compiles.at(1).metrics.empty());
    const int64_t id = store->save(s);
    s.info.id = id;
    Session back = store->load(id);
    EXPECT_EQ(back.records, s.records);
    EXPECT_EQ(back.compiles, s.compiles);
    EXPECT_EQ(back, s);
    EXPECT_EQ(store->recordCount(id), 40);
    EXPECT_GE(rawInt(dir.file("s.db"), "SELECT count(*) FROM trace_chunks"), 2); // the big one fills its own
}

TEST(StoreRecords, RecorderWritesRecordsAsTheyCome) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("r.db"));
    Session s = withRecords("recorded", 3000);
    auto rec = store->startRecorder();
    replay(s, *rec);
    ASSERT_FALSE(rec->failed()) << rec->error();
    const int64_t id = rec->sessionId();
    rec.reset();
    Session back = store->load(id);
    s.info.id = id;
    EXPECT_EQ(back.records, s.records);
    EXPECT_EQ(back.compiles, s.compiles);
}

TEST(StoreRecords, RecordsAreReadInPagesBySeqAndLeftOutOfLoadWithoutCalls) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("p.db"));
    Session s = withRecords("paged", 2500, 1u << 20);
    const int64_t id = store->save(s);
    EXPECT_TRUE(store->loadWithoutCalls(id).records.empty());
    auto page = store->records(id, 1200, 7);
    ASSERT_EQ(page.size(), 7u);
    for (size_t i = 0; i < page.size(); ++i) EXPECT_EQ(page[i], s.records[1200 + i]);
    EXPECT_EQ(store->records(id, 13, 1).at(0).payload.size(), 1u << 20);
    EXPECT_EQ(store->records(id, 2499, 10).size(), 1u);
    EXPECT_TRUE(store->records(id, 2500, 10).empty());
    EXPECT_TRUE(store->records(id, 0, 0).empty());
}

TEST(StoreRecords, SessionsWithoutRecordsHaveNoChunks) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("n.db"));
    const int64_t id = store->save(syntheticSession("plain", 1, 3));
    EXPECT_EQ(store->recordCount(id), 0);
    EXPECT_TRUE(store->records(id, 0, 100).empty());
    EXPECT_EQ(rawInt(dir.file("n.db"), "SELECT count(*) FROM trace_chunks"), 0);
}

TEST(StoreRecords, DeletingASessionDeletesItsChunks) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("d.db"));
    const int64_t keep = store->save(withRecords("keep", 10));
    const int64_t gone = store->save(withRecords("gone", 10));
    store->remove(gone);
    store.reset();
    EXPECT_EQ(rawInt(dir.file("d.db"), "SELECT count(*) FROM trace_chunks WHERE session_id = " + std::to_string(gone)), 0);
    EXPECT_EQ(rawInt(dir.file("d.db"), "SELECT count(*) FROM trace_chunks WHERE session_id = " + std::to_string(keep)), 1);
}

TEST(StoreRecords, ARepeatedLongMetricIsStoredOnce) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("m.db"));
    Session s = syntheticSession("metrics", 1, 0);
    const std::string config = "\"" + std::string(20000, 'c') + "\"";
    for (auto& c : s.compiles) c.metrics.push_back({"inductor_config", config});
    // values that look like the codec's own marker still read back as written
    s.compiles[1].metrics.push_back({"odd", "="});
    s.compiles[2].metrics.push_back({"odd", "==x"});
    const int64_t id = store->save(s);
    s.info.id = id;
    EXPECT_EQ(store->load(id).compiles, s.compiles);
    store.reset();
    EXPECT_LT(rawInt(dir.file("m.db"), "SELECT sum(length(metrics)) FROM compiles"), 2 * 20000);
}

TEST(StoreRecords, ADamagedChunkIsReportedAsDamage) {
    TempDir dir;
    const std::string path = dir.file("bad.db");
    int64_t id = 0;
    {
        auto store = SessionStore::open(path);
        id = store->save(withRecords("bad", 30));
    }
    rawExec(path, "UPDATE trace_chunks SET data = substr(data, 1, length(data) / 2)");
    auto store = SessionStore::open(path);
    EXPECT_NE(errorOf([&] { store->records(id, 0, 5); }).find("is damaged"), std::string::npos);
    EXPECT_NO_THROW(store->loadWithoutCalls(id)); // the model itself is intact
    rawExec(path, "UPDATE trace_chunks SET raw_bytes = 9000000000000");
    EXPECT_NE(errorOf([&] { store->load(id); }).find("is damaged"), std::string::npos);
}

TEST(StoreRecords, PackedRecordsRejectTruncation) {
    std::string raw;
    for (const auto& r : someRecords(3)) RecordArchive::pack(r, raw);
    std::vector<TraceRecord> out;
    EXPECT_TRUE(RecordArchive::unpack(raw, out));
    EXPECT_EQ(out, someRecords(3));
    for (size_t cut : {size_t(1), raw.size() / 2, raw.size() - 1}) {
        out.clear();
        EXPECT_FALSE(RecordArchive::unpack(std::string_view(raw).substr(0, cut), out)) << cut;
    }
    EXPECT_FALSE(RecordArchive::decompress("not zstd", 8).has_value());
    EXPECT_FALSE(RecordArchive::decompress(RecordArchive::compress(raw, 1), int64_t(raw.size()) + 1).has_value());
    EXPECT_EQ(RecordArchive::decompress(RecordArchive::compress(raw, 1), int64_t(raw.size())), raw);
}

TEST(StoreMigration, VersionThreeDatabaseIsMigratedToFullDepthCompiles) {
    TempDir dir;
    const std::string path = dir.file("v3.db");
    rawExec(path, std::string(Schema::migrations()[0]) + std::string(Schema::migrations()[1]) +
                      std::string(Schema::migrations()[2]) +
                      "PRAGMA application_id = 1196647280; PRAGMA user_version = 3;"
                      "INSERT INTO sessions (id, kind, title, created, source_path, source_text, engine_version,"
                      " config_json, status, grp) VALUES"
                      " (4, 'torch_trace', 'old import', '2025-01-01T00:00:00Z', 't.log', '', '0.1.0', '{}',"
                      "  'complete', '');"
                      "INSERT INTO frames VALUES (4, 0, 0, 'f', 'c.py', 3);"
                      "INSERT INTO compiles VALUES (4, 0, '0/0', 0, 0, 0, 0, 'ok', '', 2, '2:s0', 5, 1.5, 'G');");
    auto store = SessionStore::open(path);
    EXPECT_EQ(store->schemaVersion(), Schema::currentVersion());
    Session s = store->load(4);
    ASSERT_EQ(s.compiles.size(), 1u);
    EXPECT_EQ(s.compiles[0].guardsText, "G");
    EXPECT_TRUE(s.compiles[0].stack.empty());
    EXPECT_TRUE(s.compiles[0].metrics.empty());
    EXPECT_TRUE(s.compiles[0].artifacts.empty());
    EXPECT_TRUE(s.records.empty());
    // new imports with records go next to it
    const int64_t id = store->save(withRecords("new", 5));
    EXPECT_EQ(store->load(id).records.size(), 5u);
    EXPECT_GT(id, 4);
}
