#pragma once
// Reads sessions back with cached prepared statements. Every child table is read with one
// range query on its (session_id, ...) primary key, so a session opens in time proportional to
// what is loaded, never to the number of calls it holds.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/session/Session.h"
#include "core/store/CallChunk.h"
#include "core/store/DecodedCallChunk.h"
#include "core/store/SessionStore.h"

namespace gs::store {

class Database;

class SessionReader {
public:
    explicit SessionReader(Database& db) : db_(db) {}

    std::vector<SessionRow> list();
    std::optional<SessionRow> row(int64_t id);
    // Everything but the calls; throws StoreError when there is no such session.
    session::Session loadWithoutCalls(int64_t id);
    int64_t callCount(int64_t id);
    // Calls, hits and run-only calls of a session's chunks (sessions stored in rows: zeros).
    CallChunkCounts callCounts(int64_t id);
    // Calls with firstIndex <= index, in index order, at most `count`.
    std::vector<session::Call> calls(int64_t id, int64_t firstIndex, int64_t count);
    std::vector<CallChunkInfo> callChunks(int64_t id);
    CallBriefs callBriefs(int64_t id, int64_t firstIndex);
    DecodedCallChunk callChunk(int64_t id, int64_t firstIndex, bool tables = true);
    int64_t recordCount(int64_t id);
    // Records with firstSeq <= seq, in seq order, at most `count`.
    std::vector<session::TraceRecord> records(int64_t id, int64_t firstSeq, int64_t count);

private:
    session::SessionInfo info(int64_t id);
    std::vector<session::CompileEntry> compiles(int64_t id);
    std::vector<session::Recompile> recompiles(int64_t id);
    std::vector<session::Call> callRows(int64_t id, int64_t firstIndex, int64_t count);  // before schema 4
    [[noreturn]] void damaged(std::string_view what) const;

    Database& db_;
};

} // namespace gs::store
