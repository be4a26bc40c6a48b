// Schema versions: a version-1 database is migrated forward with its sessions intact; a newer
// one, or another program's SQLite file, is refused without a byte changing (issue 4).
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
    EXPECT_EQ(Schema::currentVersion(), 2);
    EXPECT_EQ(Schema::migrations().size(), 2u);
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
    EXPECT_EQ(store->schemaVersion(), 2);
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
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'compiles_by_entry'"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_table_info('sessions') WHERE name = 'writer_pid'"), 1);
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
