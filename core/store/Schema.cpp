#include "core/store/Schema.h"

#include <string>

#include "core/store/Database.h"
#include "core/store/SessionStore.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

namespace gs::store {
namespace {

// Version 1: one table per kind of record in core/session/Session.h. Every child row carries
// its session id so deleting a session cascades with one index range per table. Lists of
// strings/ints are encoded by ValueCodec (length-prefixed, never ambiguous).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  created TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_text TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL,
  grp TEXT NOT NULL,
  n_calls INTEGER NOT NULL DEFAULT 0,
  n_compiles INTEGER NOT NULL DEFAULT 0,
  n_recompiles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE session_metadata (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (session_id, key)
) WITHOUT ROWID;
CREATE TABLE frames (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, frame_id INTEGER NOT NULL, name TEXT NOT NULL, file TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE calls (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, frame_id INTEGER NOT NULL, line INTEGER NOT NULL, outcome TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;
CREATE TABLE call_args (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  call_idx INTEGER NOT NULL, pos INTEGER NOT NULL,
  source TEXT NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL, shape TEXT NOT NULL,
  stride TEXT NOT NULL, dtype TEXT NOT NULL, device TEXT NOT NULL, requires_grad INTEGER NOT NULL,
  object_id INTEGER NOT NULL, alias_of INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (session_id, call_idx, pos)
) WITHOUT ROWID;
CREATE TABLE guard_evals (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  call_idx INTEGER NOT NULL, pos INTEGER NOT NULL,
  compile_id TEXT NOT NULL, passed INTEGER NOT NULL, first_failed INTEGER NOT NULL,
  reason TEXT NOT NULL, failed_guards TEXT NOT NULL, evaluated INTEGER NOT NULL,
  PRIMARY KEY (session_id, call_idx, pos)
) WITHOUT ROWID;
CREATE TABLE compiles (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, compile_id TEXT NOT NULL, frame_id INTEGER NOT NULL,
  frame_compile_id INTEGER NOT NULL, attempt INTEGER NOT NULL, caused_by_call INTEGER NOT NULL,
  status TEXT NOT NULL, fail_reason TEXT NOT NULL, op_count INTEGER NOT NULL,
  symbols TEXT NOT NULL, hit_count INTEGER NOT NULL, compile_time_us REAL NOT NULL,
  guards_text TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE graph_nodes (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  compile_seq INTEGER NOT NULL, pos INTEGER NOT NULL,
  node_id INTEGER NOT NULL, name TEXT NOT NULL, op TEXT NOT NULL, target TEXT NOT NULL,
  args TEXT NOT NULL, shape TEXT NOT NULL, dtype TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (session_id, compile_seq, pos)
) WITHOUT ROWID;
CREATE TABLE guards (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  compile_seq INTEGER NOT NULL, pos INTEGER NOT NULL,
  guard_id INTEGER NOT NULL, parent INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
  code TEXT NOT NULL, user_code TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (session_id, compile_seq, pos)
) WITHOUT ROWID;
CREATE TABLE recompiles (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, compile_id TEXT NOT NULL, frame_id INTEGER NOT NULL,
  call_index INTEGER NOT NULL, limit_hit INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE recompile_reasons (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  recompile_seq INTEGER NOT NULL, pos INTEGER NOT NULL,
  failed_entry_id TEXT NOT NULL, text TEXT NOT NULL, category TEXT NOT NULL,
  guard_kind TEXT NOT NULL, source TEXT NOT NULL, expected TEXT NOT NULL, actual TEXT NOT NULL,
  dim INTEGER NOT NULL, fix TEXT NOT NULL, all_failures TEXT NOT NULL,
  PRIMARY KEY (session_id, recompile_seq, pos)
) WITHOUT ROWID;
CREATE TABLE shape_events (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, kind TEXT NOT NULL, compile_id TEXT NOT NULL, call_index INTEGER NOT NULL,
  symbol TEXT NOT NULL, source TEXT NOT NULL, dim INTEGER NOT NULL, hint INTEGER NOT NULL,
  range TEXT NOT NULL, sizes_seen TEXT NOT NULL, text TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE logs (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, channel TEXT NOT NULL, compile_id TEXT NOT NULL,
  call_index INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE tests (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, name TEXT NOT NULL, class_name TEXT NOT NULL, status TEXT NOT NULL,
  message TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
);
)sql";

// Version 2: who is writing a running session (so a reader can tell a live recording from
// one cut off by a crash), and the indexes behind the GUI's queries: an entry by compile id
// (its guards and graph hang off its seq), a frame's chain of entries, a frame's recompiles.
// A session's recompiles and calls in an index range use the primary keys.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE sessions ADD COLUMN writer_host TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN writer_pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN writer_token TEXT NOT NULL DEFAULT '';
CREATE INDEX compiles_by_entry ON compiles (session_id, compile_id);
CREATE INDEX compiles_by_frame ON compiles (session_id, frame_id, frame_compile_id);
CREATE INDEX recompiles_by_frame ON recompiles (session_id, frame_id, call_index);
CREATE INDEX sessions_by_created ON sessions (created);
)sql";

// Version 3: session ids are never given twice. With a plain INTEGER PRIMARY KEY SQLite hands
// out max(id)+1, so deleting the newest session let the next recording take its id, and an id
// remembered by a user or a script then named another session. AUTOINCREMENT keeps the
// high-water mark in sqlite_sequence (https://sqlite.org/autoinc.html). SQLite cannot add it to
// an existing table, so the table is rebuilt the documented way
// (https://sqlite.org/lang_altertable.html#otheralter: create the new table, copy, drop the
// old, rename the new): the copy keeps every id, and the rename leaves the child tables'
// REFERENCES sessions(id) pointing at the new table. prepare() turns foreign keys off around
// it, or DROP TABLE would delete every child row first.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE sessions_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  created TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_text TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL,
  grp TEXT NOT NULL,
  n_calls INTEGER NOT NULL DEFAULT 0,
  n_compiles INTEGER NOT NULL DEFAULT 0,
  n_recompiles INTEGER NOT NULL DEFAULT 0,
  writer_host TEXT NOT NULL DEFAULT '',
  writer_pid INTEGER NOT NULL DEFAULT 0,
  writer_token TEXT NOT NULL DEFAULT ''
);
INSERT INTO sessions_v3 (id, kind, title, created, source_path, source_text, engine_version, config_json,
                         status, grp, n_calls, n_compiles, n_recompiles, writer_host, writer_pid, writer_token)
  SELECT id, kind, title, created, source_path, source_text, engine_version, config_json,
         status, grp, n_calls, n_compiles, n_recompiles, writer_host, writer_pid, writer_token
  FROM sessions ORDER BY id;
DROP TABLE sessions;
ALTER TABLE sessions_v3 RENAME TO sessions;
CREATE INDEX sessions_by_created ON sessions (created);
)sql";

// Version 4: a graph node keeps what PyTorch's print_readable shows beside shape and dtype
// (torch-trace-format §1.3.6): the stride and device of its value and the user frame that
// produced it (`# File: <file>:<line> in <function>, code: <code>`), so an exported graph is
// printed as PyTorch prints it. Older rows read as unknown ('').
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE graph_nodes ADD COLUMN stride TEXT NOT NULL DEFAULT '';
ALTER TABLE graph_nodes ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE graph_nodes ADD COLUMN file TEXT NOT NULL DEFAULT '';
ALTER TABLE graph_nodes ADD COLUMN function TEXT NOT NULL DEFAULT '';
ALTER TABLE graph_nodes ADD COLUMN code TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: calls in chunks of consecutive calls (CallChunk.h), one row per chunk instead of
// rows in calls / call_args / guard_evals per call, with counts per function and hits
// per entry beside the data (`summary`) for summaries and timelines that decode nothing.
// Sessions recorded before keep their rows; readers take a session's chunks when it has any.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE call_chunks (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  first_idx INTEGER NOT NULL,
  last_idx INTEGER NOT NULL,
  n_calls INTEGER NOT NULL,
  n_hits INTEGER NOT NULL,
  n_run_only INTEGER NOT NULL,
  summary BLOB NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (session_id, first_idx)
);
)sql";

// Version 6: a call in a chunk carries its `run --verify` result (issue 10: verified, and the
// stale-entry report when the replay disagreed with the eager run; chunk format 2), and each
// chunk counts its stale hits for summaries that decode nothing.
constexpr std::string_view kVersion6 = R"sql(
ALTER TABLE call_chunks ADD COLUMN n_stale INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 7 (issue 11): imported runs at full depth. Per compile, its user stack, every
// compilation_metrics field, its cache lookups and the list of its artifacts, in encoded columns
// (CompileDetailCodec); per session, every record of the imported log verbatim, packed and
// zstd-compressed in chunks of about 1 MB (RecordArchive) so that the artifacts' text and the
// whole log survive in the history at a tenth of its size. Chunks are found by the last seq
// they hold. Older rows read as compiles without these details and sessions without records.
constexpr std::string_view kVersion7 = R"sql(
ALTER TABLE compiles ADD COLUMN stack TEXT NOT NULL DEFAULT '';
ALTER TABLE compiles ADD COLUMN metrics TEXT NOT NULL DEFAULT '';
ALTER TABLE compiles ADD COLUMN cache TEXT NOT NULL DEFAULT '';
ALTER TABLE compiles ADD COLUMN artifacts TEXT NOT NULL DEFAULT '';
CREATE TABLE trace_chunks (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, n_records INTEGER NOT NULL,
  raw_bytes INTEGER NOT NULL, codec TEXT NOT NULL, data BLOB NOT NULL
);
CREATE INDEX trace_chunks_by_seq ON trace_chunks (session_id, last_seq);
)sql";

// Version 8: torch._dynamo.reset() is an event of the session model (session::Reset): where it
// fell among the calls, frames and compile entries, so that ids, which restart after it, name
// one record. Sessions stored before have no rows; the reader infers theirs
// (session::inferResets).
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE resets (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, call_index INTEGER NOT NULL, line INTEGER NOT NULL,
  frames INTEGER NOT NULL, compiles INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
)sql";

// Version 9 (issue 15): a chunk's summary may say where each cache entry's first and last hit
// fall in it (hit_spans = 1; CallChunk.h), so that the hits of an entry up to a call are counted
// from the directory without decoding the chunks where the entry was created or removed.
// Chunks stored before keep hit_spans = 0 and are decoded when such a count needs them.
constexpr std::string_view kVersion9 = R"sql(
ALTER TABLE call_chunks ADD COLUMN hit_spans INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 10 (issue 15): chunks of calls are written in formats 3 and 4 (CallChunk.h): a hot
// loop's hits are runs, repeats of a frame's previous call and object id deltas. No table
// changes; the version tells an older build that it cannot read these chunks (it refuses the
// file instead of calling them damaged). Chunks in formats 1 and 2 are read as before.
constexpr std::string_view kVersion10 = R"sql(
-- call_chunks.data may hold chunk formats 3 and 4 from here on.
)sql";

// Version 11 (issue 11): per compile, what Inductor logged for multi-rank analysis — its
// collective schedule, the sum of its ops' estimated runtimes and a fingerprint of their output
// tensor metadata (session::InductorSummary, CompileDetailCodec::encodeInductor). Older rows
// read as compiles without it.
constexpr std::string_view kVersion11 = R"sql(
ALTER TABLE compiles ADD COLUMN inductor TEXT NOT NULL DEFAULT '';
)sql";

// Foreign keys off for the life of a migration, back to what they were afterwards. The pragma
// is a no-op inside a transaction, so this wraps the Transaction (declared before it, it is
// destroyed after the commit or rollback).
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database& db) : db_(db) {
        wasOn_ = db_.queryInt("PRAGMA foreign_keys", "reading its foreign key setting") != 0;
        if (wasOn_) db_.exec("PRAGMA foreign_keys = OFF", "upgrading its schema");
    }
    ~ForeignKeysOff() {
        try {
            restore();
        } catch (...) {
        }
    }
    // After the commit: throws if they cannot be turned back on (deletes would not cascade).
    void restore() {
        if (!wasOn_) return;
        wasOn_ = false;
        db_.exec("PRAGMA foreign_keys = ON", "turning on foreign keys");
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& db_;
    bool wasOn_ = false;
};

} // namespace

const std::vector<std::string_view>& Schema::migrations() {
    static const std::vector<std::string_view> all{kVersion1, kVersion2, kVersion3, kVersion4,
                                                   kVersion5, kVersion6, kVersion7, kVersion8, kVersion9,
                                                   kVersion10, kVersion11};
    return all;
}

int Schema::checkVersion(Database& db) {
    // One statement, so one read snapshot: read one by one, another process creating the file
    // between the reads made a new database look like another program's (an SQLite file with
    // tables but no application id).
    Statement st(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                     "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
    if (!st.step()) db.fail(1 /* SQLITE_ERROR */, "reading its header");
    const int64_t appId = st.int64(0);
    const int64_t version = st.int64(1);
    const int64_t tables = st.int64(2);
    st.reset();
    const std::string file = "'" + db.path() + "'";
    if (appId != 0 && appId != kApplicationId)
        throw StoreError(file + " is not a Guardscope database (it belongs to another program, application id " +
                         std::to_string(appId) + "). Choose another file with --db.");
    if (appId == 0 && version == 0) {
        // Empty file (new) is fine; an SQLite file with tables of its own is not ours.
        if (tables != 0)
            throw StoreError(file + " is not a Guardscope database (it is an SQLite file with other tables). "
                                    "Choose another file with --db; the file was not changed.");
    }
    if (version > currentVersion())
        throw StoreError(file + " was written by a newer Guardscope (schema version " + std::to_string(version) +
                         "; this build reads versions up to " + std::to_string(currentVersion()) +
                         "). Upgrade Guardscope to open it, or choose another file with --db. The file was "
                         "not changed.");
    if (appId == 0 && version != 0)
        throw StoreError(file + " is not a Guardscope database (user_version " + std::to_string(version) +
                         " without Guardscope's application id). Choose another file with --db.");
    return static_cast<int>(version);
}

void Schema::prepare(Database& db) {
    int version = checkVersion(db);
    if (version == currentVersion()) return;
    if (db.readOnly())
        throw StoreError("'" + db.path() + "' uses schema version " + std::to_string(version) +
                         " and must be upgraded to version " + std::to_string(currentVersion()) +
                         ", but it is read-only. Open it once with write access, or use another file with --db.");
    ForeignKeysOff fkOff(db);  // before the transaction: see ForeignKeysOff
    // Creating or upgrading is one exclusive transaction: processes that open a new file at the
    // same moment queue on its lock, the first one creates the tables, the others find them.
    Transaction tx(db, Transaction::Mode::Exclusive);
    // Re-read under the write lock: another process may have migrated it meanwhile.
    version = checkVersion(db);
    if (version == currentVersion()) return;
    // With the checks off during a rebuild, prove no reference was broken before committing
    // (rows that were dangling already are not the upgrade's doing and do not stop it).
    constexpr std::string_view kDangling = "SELECT count(*) FROM pragma_foreign_key_check";
    const int64_t danglingBefore = db.queryInt(kDangling, "checking its references");
    for (int v = version; v < currentVersion(); ++v) {
        db.exec(migrations()[static_cast<size_t>(v)], "upgrading its schema");
    }
    if (db.queryInt(kDangling, "checking its references") > danglingBefore)
        throw StoreError("'" + db.path() + "' could not be upgraded to schema version " + std::to_string(currentVersion()) +
                         ": the upgrade would leave rows pointing at missing sessions. The file was not changed; "
                         "please report this, and use another file with --db meanwhile.");
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId), "writing its header");
    db.exec("PRAGMA user_version = " + std::to_string(currentVersion()), "writing its schema version");
    tx.commit();
    fkOff.restore();
}

} // namespace gs::store
