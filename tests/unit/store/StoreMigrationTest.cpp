// Schema versions: a version-1 or version-2 database is migrated forward with its sessions (and
// their ids) intact; a newer one, or another program's SQLite file, is refused without a byte
// changing (issue 4). Version 3 makes session ids monotonic: a deleted id is never given again.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "core/store/Schema.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

// Runs SQL on a raw connection, outside the store.
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

TEST(StoreMigration, TheMigrationListEndsAtTheCurrentVersion) {
    EXPECT_EQ(Schema::currentVersion(), 11);
    EXPECT_EQ(Schema::migrations().size(), 11u);
}

TEST(StoreMigration, VersionOneDatabaseIsMigratedWithItsSessionsIntact) {
    TempDir dir;
    const std::string path = dir.file("v1.db");
    // A hand-made version-1 file: the first schema, rows written the way version 1 wrote them
    // (no writer columns), in rollback-journal mode as an old build may have left it.
    rawExec(path, std::string(Schema::migrations()[0]) +
                      "PRAGMA application_id = 1196647280; PRAGMA user_version = 1;"
                      "INSERT INTO sessions (id, kind, title, created, source_path, source_text, engine_version,"
                      " config_json, status, grp, n_calls, n_compiles, n_recompiles) VALUES"
                      " (1, 'scenario', 'old run', '2025-01-01T00:00:00Z', 'a.py', 'src', '0.0.9', '{}',"
                      "  'complete', '', 1, 1, 0),"
                      " (2, 'scenario', 'cut run', '2025-01-02T00:00:00Z', 'b.py', '', '0.0.9', '{}',"
                      "  'running', '', 0, 0, 0);"
                      "INSERT INTO session_metadata VALUES (1, 'k', 'v');"
                      "INSERT INTO frames VALUES (1, 0, 0, 'f', 'a.py', 3);"
                      "INSERT INTO compiles VALUES (1, 0, '0/0', 0, 0, 0, 0, 'ok', '', 2, '2:s0', 5, 1.5, 'G');"
                      "INSERT INTO guards VALUES (1, 0, 0, 0, -1, 'RootGuardManager', '', '', '', '', 0);"
                      "INSERT INTO calls VALUES (1, 0, 0, 4, 'compiled', '0/0');"
                      "INSERT INTO call_args VALUES (1, 0, 0, 'L[''x'']', 'tensor', 'Tensor', '2,3', '3,1',"
                      "  'float32', 'cpu', 0, 1, -1, '');");
    ASSERT_EQ(rawInt(path, "PRAGMA user_version"), 1);

    auto store = SessionStore::open(path);
    EXPECT_EQ(store->schemaVersion(), Schema::currentVersion());
    Session s = store->load(1);
    EXPECT_EQ(s.info.title, "old run");
    EXPECT_EQ(s.info.status, SessionStatus::Complete);
    EXPECT_EQ(s.info.metadata.at("k"), "v");
    ASSERT_EQ(s.compiles.size(), 1u);
    EXPECT_EQ(s.compiles[0].symbols, std::vector<std::string>{"s0"});
    EXPECT_EQ(s.compiles[0].hitCount, 5);
    ASSERT_EQ(s.compiles[0].guards.size(), 1u);
    ASSERT_EQ(s.calls.size(), 1u);
    EXPECT_EQ(s.calls[0].args.at(0).shape, (std::vector<int64_t>{2, 3}));
    // A version-1 running session has no writer recorded: nobody can still be writing it.
    EXPECT_EQ(store->row(2)->status, SessionStatus::Interrupted);
    // New sessions go into the migrated file next to the old ones.
    const int64_t id = store->save(syntheticSession("new", 1, 2));
    EXPECT_EQ(store->list().size(), 3u);
    EXPECT_EQ(store->load(id).info.title, "new");
    store.reset();
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), Schema::currentVersion());
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'compiles_by_entry'"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_table_info('sessions') WHERE name = 'writer_pid'"), 1);
}

// A hand-made version-2 file: migrations 1 and 2 as released, sessions 1, 2 and 5 (3 and 4
// were deleted by a version-2 build), session 5 with rows in every child table.
void makeVersionTwo(const std::string& path) {
    rawExec(path, std::string(Schema::migrations()[0]) + std::string(Schema::migrations()[1]) +
                      "PRAGMA application_id = 1196647280; PRAGMA user_version = 2;"
                      "INSERT INTO sessions (id, kind, title, created, source_path, source_text, engine_version,"
                      " config_json, status, grp, n_calls, n_compiles, n_recompiles, writer_host, writer_pid,"
                      " writer_token) VALUES"
                      " (1, 'scenario', 'one', '2025-01-01T00:00:00Z', 'a.py', 'src', '0.1.0', '{}',"
                      "  'complete', '', 0, 0, 0, '', 0, ''),"
                      " (2, 'torch_trace', 'two', '2025-01-02T00:00:00Z', 't.log', '', '0.1.0', '{\"k\": 1}',"
                      "  'failed', 'grp', 0, 0, 0, '', 0, ''),"
                      " (5, 'scenario', 'five', '2025-01-05T00:00:00Z', 'c.py', 'x = 1', '0.1.0', '{}',"
                      "  'complete', '', 1, 1, 1, '', 0, '');"
                      "INSERT INTO session_metadata VALUES (2, 'rank', '0'), (5, 'k', 'v');"
                      "INSERT INTO frames VALUES (5, 0, 0, 'f', 'c.py', 3);"
                      "INSERT INTO compiles VALUES (5, 0, '0/0', 0, 0, 0, 0, 'ok', '', 2, '2:s0', 5, 1.5, 'G');"
                      "INSERT INTO graph_nodes VALUES (5, 0, 0, 0, 'l_x_', 'placeholder', 'x', '', '[2]', 'float32', 4);"
                      "INSERT INTO guards VALUES (5, 0, 0, 0, -1, 'RootGuardManager', '', '', '', '', 0);"
                      "INSERT INTO recompiles VALUES (5, 0, '0/1', 0, 0, 0);"
                      "INSERT INTO recompile_reasons VALUES (5, 0, 0, '0/0', 'size mismatch', 'size_change',"
                      "  'TENSOR_MATCH', 'x', '2', '3', 0, 'mark dynamic', '');"
                      "INSERT INTO shape_events VALUES (5, 0, 'create_symbol', '0/1', 0, 's0', 'L[''x'']', 0, 3,"
                      "  '[2, int_oo]', '', 'create_symbol s0', 4);"
                      "INSERT INTO logs VALUES (5, 0, 'recompiles', '0/1', 0, 'Recompiling');"
                      "INSERT INTO tests VALUES (5, 0, 'test_a', 'T', 'pass', '', 'c.py', 9);"
                      "INSERT INTO calls VALUES (5, 0, 0, 4, 'compiled', '0/0');"
                      "INSERT INTO call_args VALUES (5, 0, 0, 'L[''x'']', 'tensor', 'Tensor', '2,3', '3,1',"
                      "  'float32', 'cpu', 0, 1, -1, '');"
                      "INSERT INTO guard_evals VALUES (5, 0, 0, '0/0', 0, 1, 'r', '1', 2);");
}

TEST(StoreMigration, VersionTwoDatabaseIsMigratedWithItsSessionsAndIdsIntact) {
    TempDir dir;
    const std::string path = dir.file("v2.db");
    makeVersionTwo(path);
    ASSERT_EQ(rawInt(path, "PRAGMA user_version"), 2);
    // What a version-2 build reads, for comparison after the upgrade.
    const int64_t childRows = rawInt(path,
        "SELECT (SELECT count(*) FROM session_metadata) + (SELECT count(*) FROM frames) + "
        "(SELECT count(*) FROM compiles) + (SELECT count(*) FROM graph_nodes) + (SELECT count(*) FROM guards) + "
        "(SELECT count(*) FROM recompiles) + (SELECT count(*) FROM recompile_reasons) + "
        "(SELECT count(*) FROM shape_events) + (SELECT count(*) FROM logs) + (SELECT count(*) FROM tests) + "
        "(SELECT count(*) FROM calls) + (SELECT count(*) FROM call_args) + (SELECT count(*) FROM guard_evals)");
    ASSERT_EQ(childRows, 14);

    auto store = SessionStore::open(path);
    EXPECT_EQ(store->schemaVersion(), Schema::currentVersion());
    const auto rows = store->list();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].id, 1);
    EXPECT_EQ(rows[1].id, 2);
    EXPECT_EQ(rows[2].id, 5);
    EXPECT_EQ(store->row(2)->title, "two");
    EXPECT_EQ(store->row(2)->status, SessionStatus::Failed);
    EXPECT_EQ(store->load(2).info.configJson, "{\"k\": 1}");
    EXPECT_EQ(store->load(2).info.metadata.at("rank"), "0");
    const Session five = store->load(5);
    EXPECT_EQ(five.info.title, "five");
    EXPECT_EQ(five.info.sourceText, "x = 1");
    EXPECT_EQ(five.info.metadata.at("k"), "v");
    ASSERT_EQ(five.compiles.size(), 1u);
    EXPECT_EQ(five.compiles[0].graph.size(), 1u);
    EXPECT_EQ(five.compiles[0].guards.size(), 1u);
    ASSERT_EQ(five.recompiles.size(), 1u);
    EXPECT_EQ(five.recompiles[0].reasons.at(0).category, ReasonCategory::SizeChange);
    EXPECT_EQ(five.shapeEvents.size(), 1u);
    EXPECT_EQ(five.logs.size(), 1u);
    EXPECT_EQ(five.tests.size(), 1u);
    ASSERT_EQ(five.calls.size(), 1u);
    EXPECT_EQ(five.calls[0].args.at(0).shape, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(five.calls[0].tried.at(0).failedGuards, std::vector<int>{1});

    // Ids go on after the highest one and are never given twice, deletes or not.
    const int64_t six = store->save(syntheticSession("six", 1, 2));
    EXPECT_EQ(six, 6);
    store->remove(six);
    store->remove(5);
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "seven"});
    rec->endSession(SessionStatus::Complete);
    EXPECT_EQ(rec->sessionId(), 7);
    // Deleting still takes every child row along (the rebuilt table kept the references).
    store.reset();
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), Schema::currentVersion());
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM frames WHERE session_id = 5"), 0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM calls WHERE session_id = 5"), 0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM session_metadata WHERE session_id = 2"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_foreign_key_list('frames') WHERE \"table\" = 'sessions'"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_by_created'"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sessions_v%'"), 0);
    EXPECT_EQ(rawInt(path, "SELECT seq FROM sqlite_sequence WHERE name = 'sessions'"), 7);
}

TEST(StoreMigration, VersionTwoMigrationKeepsAllRowsEvenWithForeignKeysOn) {
    // DROP TABLE with foreign keys on deletes the children first (sqlite.org/foreignkeys.html
    // §5): the rebuild must not cascade into them. Counted straight from the file.
    TempDir dir;
    const std::string path = dir.file("v2.db");
    makeVersionTwo(path);
    SessionStore::open(path).reset();
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM calls WHERE session_id = 5"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM call_args WHERE session_id = 5"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM session_metadata"), 2);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sessions"), 3);
}

TEST(StoreIds, ADeletedSessionsIdIsNeverGivenAgain) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    int64_t last = 0;
    {
        auto store = SessionStore::open(path);
        for (int i = 0; i < 3; ++i) last = store->save(syntheticSession("s", 1, 1));
        EXPECT_EQ(last, 3);
        store->remove(last);
        auto rec = store->startRecorder();
        rec->beginSession(SessionInfo{.title = "after delete"});
        rec->endSession(SessionStatus::Complete);
        EXPECT_EQ(rec->sessionId(), 4);
        store->remove(rec->sessionId());
    }
    // Also across reopening: the high-water mark is in the file.
    auto store = SessionStore::open(path);
    EXPECT_EQ(store->save(syntheticSession("later", 1, 1)), 5);
}

TEST(StoreMigration, ReadOnlyOpenOfAnOldVersionAsksForOneWritableOpen) {
    TempDir dir;
    const std::string path = dir.file("v1.db");
    rawExec(path, std::string(Schema::migrations()[0]) + "PRAGMA application_id = 1196647280; PRAGMA user_version = 1;");
    const std::string before = fileBytes(path);
    const std::string err = errorOf([&] { SessionStore::open(path, OpenMode::ReadOnly); });
    EXPECT_NE(err.find("must be upgraded"), std::string::npos) << err;
    EXPECT_EQ(fileBytes(path), before);
}

TEST(StoreMigration, NewerVersionIsRefusedAndTheFileIsNotChanged) {
    TempDir dir;
    const std::string path = dir.file("new.db");
    SessionStore::open(path)->save(syntheticSession("from the future", 1, 3));
    rawExec(path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
    ASSERT_FALSE(std::filesystem::exists(path + "-wal"));
    const std::string before = fileBytes(path);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        const std::string err = errorOf([&] { SessionStore::open(path, mode); });
        EXPECT_NE(err.find("newer Guardscope"), std::string::npos) << err;
        EXPECT_NE(err.find("schema version 99"), std::string::npos) << err;
        EXPECT_NE(err.find(path), std::string::npos) << err;
        EXPECT_EQ(fileBytes(path), before);
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 99);
}

TEST(StoreMigration, AnotherProgramsSqliteFileIsRefusedAndNotChanged) {
    TempDir dir;
    const std::string path = dir.file("other.db");
    rawExec(path, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');");
    const std::string before = fileBytes(path);
    const std::string err = errorOf([&] { SessionStore::open(path); });
    EXPECT_NE(err.find("is not a Guardscope database"), std::string::npos) << err;
    EXPECT_EQ(fileBytes(path), before);

    const std::string path2 = dir.file("app.db");
    rawExec(path2, "PRAGMA application_id = 1234; PRAGMA user_version = 1;");
    const std::string err2 = errorOf([&] { SessionStore::open(path2); });
    EXPECT_NE(err2.find("belongs to another program"), std::string::npos) << err2;
}

} // namespace
