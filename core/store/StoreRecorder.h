#pragma once
// The recorder sink of SqliteSessionStore: buffers events and writes each batch (every
// OpenOptions::batchEvents events or batchMillis ms, and at endSession) in one transaction.
// With writeInBackground() a full batch is handed to the recorder's writing thread and the
// next one fills meanwhile (at most one batch is being written: memory stays bounded). The
// database and the SessionWriter's records are then touched by one thread at a time: the owner
// waits until the writing thread is idle before it uses them itself (flush, endSession). Calls
// are collected by the owner meanwhile (SessionWriter::takeCalls hands them to the batch).
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "core/store/SessionStore.h"
#include "core/store/SessionWriter.h"
#include "core/store/WalCheckpointer.h"

namespace gs::store {

class Database;

// What the store learns from its recorders (lastRecordedId, lastRecordError).
struct RecordingState {
    int64_t lastId = 0;
    std::string lastError;
};

class StoreRecorder : public Recorder {
public:
    StoreRecorder(Database& db, const OpenOptions& options, RecordingState& state);
    ~StoreRecorder() override;

    void beginSession(const session::SessionInfo& info) override;
    void frame(const session::Frame& f) override { add(f); }
    void recompile(const session::Recompile& r) override { add(r); }
    void compile(const session::CompileEntry& c) override { add(c); }
    void takeCompile(session::CompileEntry&& c) override { add(std::move(c)); }
    // Calls are encoded into the writer's chunk as they come (no copy is kept); a batch writes
    // the chunks. They count as 1/8 of an event towards batchEvents; past the first 256 calls
    // of a batch the clock is read every 256 calls (a hot loop sends millions).
    void call(const session::Call& c) override;
    // The chunk writer stores it as a repeat of the frame's previous call (CallChunk.h).
    void repeatCall(const session::Call& c) override;
    void shapeEvent(const session::ShapeEvent& e) override { add(e); }
    void log(const session::LogLine& l) override { add(l); }
    void test(const session::TestResult& t) override { add(t); }
    // Packed and compressed by the archive (on its thread) as they come; written with the batches.
    void record(const session::TraceRecord& r) override;
    void entryHits(const std::string& compileId, int64_t hits) override { add(Hits{compileId, hits}); }
    void reset(const session::Reset& r) override { add(r); }
    // Kept until the next batch, which writes it in its transaction; a later update replaces a
    // pending one. The status stays endSession's.
    void updateInfo(const session::SessionInfo& info) override;
    void endSession(session::SessionStatus status) override;

    int64_t sessionId() const override { return writer_.id(); }
    bool failed() const override { return !error_.empty(); }
    const std::string& error() const override { return error_; }
    void flush() override;
    void writeInBackground() override { background_ = true; }

private:
    using Hits = std::pair<std::string, int64_t>;
    using Event = std::variant<session::Frame, session::CompileEntry, session::Recompile, session::ShapeEvent,
                               session::LogLine, session::TestResult, session::Reset, Hits>;

    template <class T>
    void add(T&& e) {
        if (!active_ || failed()) return;
        if (!pending()) batchStart_ = std::chrono::steady_clock::now();
        buffer_.emplace_back(std::forward<T>(e));
        flushIfDue();
    }
    void addCall(const session::Call& c, bool repeat);
    bool pending() { return !buffer_.empty() || info_.has_value() || pendingCalls_ != 0 || !archive_.empty(); }
    // A batch as written: events, compressed record chunks and the latest info, one transaction.
    struct Batch {
        std::vector<Event> events;
        std::vector<RecordChunk> chunks;
        std::optional<session::SessionInfo> info;
        SessionWriter::TakenCalls calls;
    };
    void flushIfDue();
    // Writes the buffer and the compressed record chunks, in one transaction, on this thread
    // (after the writing thread is done); with `complete` also the records still being packed;
    // with `end` the final status.
    void writeBatch(const session::SessionStatus* end, bool complete);
    // Moves what is pending (an empty `into` takes the buffer, the chunks compressed so far, the
    // info and the calls collected) into a batch; on the owner's thread.
    void take(Batch& into);
    void write(Batch& batch, const session::SessionStatus* end);
    // Hands the buffer over to the writing thread (started on first use); false when it
    // reported an error (then failed()). Throws only when the thread cannot be started.
    bool handOver();
    void writeInTheBackground();
    // Waits until the writing thread is idle; returns (and forgets) the error of the batch it
    // wrote last, empty when it succeeded or there is no such thread.
    std::string writerIdle();
    // writerIdle(), then fail() with its error; false when there was one.
    bool waitForWriter();
    void fail(const std::string& message);

    Database& db_;
    OpenOptions options_;
    RecordingState& state_;
    SessionWriter writer_;
    RecordArchive archive_;
    std::vector<Event> buffer_;
    int64_t pendingCalls_ = 0;
    std::optional<session::SessionInfo> info_;  // the latest updateInfo not yet written
    std::chrono::steady_clock::time_point batchStart_;
    bool active_ = false;
    std::string error_;
    std::unique_ptr<WalCheckpointer> checkpointer_; // while a session is recorded
    // The writing thread (writeInBackground) and the batch it writes.
    bool background_ = false;
    Batch handed_;                 // the writing thread's while busy_
    bool busy_ = false;            // under writerMutex_: handed_ is being written
    std::string writerError_;      // under writerMutex_
    bool stopWriter_ = false;      // under writerMutex_
    std::mutex writerMutex_;
    std::condition_variable writerWake_, writerIdle_;
    std::thread writerThread_;     // joined by the destructor before anything above goes
};

} // namespace gs::store
