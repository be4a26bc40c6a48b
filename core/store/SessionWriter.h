#pragma once
// Writes the records of one session with cached prepared statements. The caller owns the
// transaction (SessionStore::save: one for the whole session; the recorder: one per batch).
#include <cstdint>
#include <string>

#include "core/session/Session.h"
#include "core/store/CallChunk.h"
#include "core/store/CompileDetailCodec.h"
#include "core/store/RecordArchive.h"

namespace gs::store {

class Database;

class SessionWriter {
public:
    explicit SessionWriter(Database& db) : db_(db) {}

    // Inserts the session row (and its metadata) with `status`; returns the new id. While the
    // status is `running` the row names this process as its writer (WriterIdentity).
    int64_t begin(const session::SessionInfo& info, session::SessionStatus status);
    int64_t id() const { return id_; }
    // Replaces what begin() wrote of the session row and its metadata with `info`
    // (EventSink::updateInfo). The id, status, counts and writer stay; an empty `created`
    // keeps the stored one (the recorder stamps the start time when the writer gave none).
    void updateInfo(const session::SessionInfo& info);

    void frame(const session::Frame& f);
    // Calls are collected into chunks (CallChunk.h): only encoded here; takeCalls() hands them to a
    // batch and writeCounts() stores them.
    void call(const session::Call& c);
    // EventSink::repeatCall: the same call as the frame's previous one but for the index and
    // object ids (CallChunkWriter::addRepeat).
    void repeatCall(const session::Call& c);
    // The calls collected since the last take, encoded: the chunks filled since then and the
    // chunk being filled as it is now (rewritten each time until it is full).
    struct FullChunk {
        int64_t first, last;
        CallChunkCounts counts;
        std::string summary, data;
    };
    struct TakenCalls {
        std::vector<FullChunk> chunks;
        int64_t calls = 0;
    };
    // Collecting calls (call, repeatCall, takeCalls) and writing records (everything else) may
    // run on two threads at once: they share no state (StoreRecorder's writing thread).
    TakenCalls takeCalls();
    void compile(const session::CompileEntry& c);
    void recompile(const session::Recompile& r);
    void shapeEvent(const session::ShapeEvent& e);
    void log(const session::LogLine& l);
    void test(const session::TestResult& t);
    // A packed, compressed run of the session's records (RecordArchive).
    void chunk(const RecordChunk& c);
    // Sets the hit count of the newest entry with that compile id (ids repeat after reset()).
    void entryHits(const std::string& compileId, int64_t hits);
    void reset(const session::Reset& r);
    // How many frames / compile entries this writer wrote (a recorded Reset's position).
    int64_t framesWritten() const { return frameSeq_; }
    int64_t compilesWritten() const { return compileSeq_; }

    // Stores taken calls, then adds their count and those of the records written since the
    // last time to the session row, in the caller's transaction.
    void writeCounts(const TakenCalls& calls);
    // takeCalls() then writeCounts().
    void updateCounts();
    // Forgets counts of records whose transaction was rolled back.
    void discardCounts() { newCalls_ = newCompiles_ = newRecompiles_ = 0; }
    // Final status; clears the writer identity.
    void finish(session::SessionStatus status);

private:
    void writeChunk(const FullChunk& c);
    void chunkAdded();

    Database& db_;
    CallChunkWriter chunk_;
    std::vector<FullChunk> full_;
    CompileDetailCodec details_;
    int64_t id_ = 0;
    int64_t frameSeq_ = 0, compileSeq_ = 0, recompileSeq_ = 0, shapeSeq_ = 0, logSeq_ = 0, testSeq_ = 0, resetSeq_ = 0;
    int64_t newCalls_ = 0;                          // collected, not taken (the collecting side's)
    int64_t newCompiles_ = 0, newRecompiles_ = 0;   // written, not counted (the writing side's)
};

} // namespace gs::store
