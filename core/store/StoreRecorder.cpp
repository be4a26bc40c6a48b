#include "core/store/StoreRecorder.h"

#include <ctime>

#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace gs::store {

using namespace gs::session;

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// ISO-8601 UTC, as SessionInfo::created.
static std::string nowUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

StoreRecorder::StoreRecorder(Database& db, const OpenOptions& options, RecordingState& state)
    : db_(db), options_(options), state_(state), writer_(db) {
    if (options_.batchEvents < 1) options_.batchEvents = 1;
    buffer_.reserve(static_cast<size_t>(options_.batchEvents));
}

StoreRecorder::~StoreRecorder() {
    // Dropped without endSession (an exception unwound the run): keep what arrived, and say the
    // session was cut off rather than leave it `running` while this process lives on.
    if (active_ && !failed()) {
        const SessionStatus status = SessionStatus::Interrupted;
        try {
            writeBatch(&status, true);
        } catch (...) {
        }
    }
    if (writerThread_.joinable()) {
        {
            std::lock_guard<std::mutex> lock(writerMutex_);
            stopWriter_ = true;
        }
        writerWake_.notify_one();
        writerThread_.join();
    }
}

void StoreRecorder::beginSession(const SessionInfo& info) {
    if (active_) endSession(SessionStatus::Interrupted);  // a second session on one recorder
    waitForWriter(); // a failed batch of an earlier session has been reported by its endSession
    error_.clear();
    buffer_.clear();
    archive_.clear();
    info_.reset();
    pendingCalls_ = 0;
    try {
        if (db_.readOnly()) db_.fail(8 /* SQLITE_READONLY */, "starting to record a session");
        SessionInfo stamped = info;
        if (stamped.created.empty()) stamped.created = nowUtc();  // `sessions list` shows when
        Transaction tx(db_);
        writer_.begin(stamped, SessionStatus::Running);
        tx.commit();
        active_ = true;
        state_.lastId = writer_.id();
        if (!checkpointer_) checkpointer_ = std::make_unique<WalCheckpointer>(db_);
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

void StoreRecorder::updateInfo(const SessionInfo& info) {
    if (!active_ || failed()) return;
    if (!pending()) batchStart_ = std::chrono::steady_clock::now();
    info_ = info;
    flushIfDue();
}

void StoreRecorder::call(const Call& c) { addCall(c, false); }
void StoreRecorder::repeatCall(const Call& c) { addCall(c, true); }

void StoreRecorder::addCall(const Call& c, bool repeat) {
    if (!active_ || failed()) return;
    if (!pending()) batchStart_ = std::chrono::steady_clock::now();
    try {
        if (repeat) writer_.repeatCall(c);
        else writer_.call(c);
    } catch (const std::exception& e) {
        fail(e.what());
        return;
    }
    ++pendingCalls_;
    if (pendingCalls_ < 256 || pendingCalls_ % 256 == 0) flushIfDue();
}

void StoreRecorder::record(const TraceRecord& r) {
    if (!active_ || failed()) return;
    if (!pending()) batchStart_ = std::chrono::steady_clock::now();
    archive_.add(r);
    flushIfDue();
}

void StoreRecorder::flushIfDue() {
    if (static_cast<int64_t>(buffer_.size()) + pendingCalls_ / 8 < options_.batchEvents &&
        std::chrono::steady_clock::now() - batchStart_ < std::chrono::milliseconds(options_.batchMillis))
        return;
    try {
        if (background_) handOver();
        else writeBatch(nullptr, false); // a record chunk still filling waits for the next batch
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

std::string StoreRecorder::writerIdle() {
    if (!writerThread_.joinable()) return {};
    std::unique_lock<std::mutex> lock(writerMutex_);
    writerIdle_.wait(lock, [&] { return !busy_; });
    return std::exchange(writerError_, {});
}

bool StoreRecorder::waitForWriter() {
    std::string error = writerIdle();
    if (error.empty()) return true;
    if (!failed()) fail(error);
    return false;
}

bool StoreRecorder::handOver() {
    if (!waitForWriter()) return false;
    if (!writerThread_.joinable()) writerThread_ = std::thread([this] { writeInTheBackground(); }); // may throw: nothing moved yet
    take(handed_); // the writing thread left it empty, with the capacity of the batch before
    batchStart_ = std::chrono::steady_clock::now(); // a chunk still filling keeps pending() true
    {
        std::lock_guard<std::mutex> lock(writerMutex_);
        busy_ = true;
    }
    writerWake_.notify_one();
    return true;
}

void StoreRecorder::writeInTheBackground() {
    std::unique_lock<std::mutex> lock(writerMutex_);
    for (;;) {
        writerWake_.wait(lock, [&] { return stopWriter_ || busy_; });
        if (!busy_) return; // stopping, nothing handed over
        lock.unlock();
        std::string error;
        try {
            write(handed_, nullptr);
        } catch (const std::exception& e) {
            error = e.what();
        } catch (...) {
            error = "writing a batch of the session failed"; // nothing may escape the thread
        }
        handed_.events.clear();
        handed_.chunks.clear();
        handed_.info.reset();
        handed_.calls = {};
        lock.lock();
        writerError_ = std::move(error);
        busy_ = false;
        writerIdle_.notify_all();
    }
}

void StoreRecorder::flush() {
    if (!active_ || failed() || !waitForWriter() || !pending()) return;
    try {
        writeBatch(nullptr, true);
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

void StoreRecorder::endSession(SessionStatus status) {
    if (!active_ || failed()) {
        active_ = false;
        return;
    }
    try {
        writeBatch(&status, true);
    } catch (const std::exception& e) {
        fail(e.what());
    }
    active_ = false;
    checkpointer_.reset(); // SQLite's own checkpoints again between recordings
}

void StoreRecorder::writeBatch(const SessionStatus* end, bool complete) {
    if (!waitForWriter()) return; // the batch the writing thread wrote failed: failed() says so
    if (complete) archive_.finish();
    Batch batch;
    take(batch);
    write(batch, end); // on an error the caller fails the recorder: what was taken is dropped
    batch.events.clear();
    buffer_.swap(batch.events); // keeps the buffer's capacity
    batchStart_ = std::chrono::steady_clock::now(); // a chunk still filling keeps pending() true
}

void StoreRecorder::take(Batch& into) {
    into.events.swap(buffer_);
    archive_.takeReady(into.chunks);
    into.info.swap(info_);
    info_.reset();
    into.calls = writer_.takeCalls();
    pendingCalls_ = 0;
}

void StoreRecorder::write(Batch& batch, const SessionStatus* end) {
    Transaction tx(db_);
    for (const RecordChunk& c : batch.chunks) {
        if (c.data.empty()) throw StoreError("compressing the records of the imported log failed");
        writer_.chunk(c);
    }
    for (const Event& e : batch.events) {
        std::visit(Overloaded{[&](const Frame& f) { writer_.frame(f); },
                              [&](const CompileEntry& c) { writer_.compile(c); },
                              [&](const Recompile& r) { writer_.recompile(r); },
                              [&](const ShapeEvent& s) { writer_.shapeEvent(s); },
                              [&](const LogLine& l) { writer_.log(l); },
                              [&](const TestResult& t) { writer_.test(t); },
                              [&](const Reset& r) {
                                  // Its place among what this recorder wrote (Reset::frames).
                                  Reset at = r;
                                  at.frames = writer_.framesWritten();
                                  at.compiles = writer_.compilesWritten();
                                  writer_.reset(at);
                              },
                              [&](const Hits& h) { writer_.entryHits(h.first, h.second); }},
                   e);
    }
    if (batch.info) writer_.updateInfo(*batch.info);
    writer_.writeCounts(batch.calls);
    if (end) writer_.finish(*end);
    tx.commit();
}

void StoreRecorder::fail(const std::string& message) {
    writerIdle(); // the database is this thread's from here; a later error adds nothing
    error_ = message;
    state_.lastError = message;
    buffer_.clear();
    buffer_.shrink_to_fit();
    archive_.clear();
    info_.reset();
    pendingCalls_ = 0;
    // The batch was rolled back; try to mark the session as cut off so no reader waits on it.
    // On a full disk this small in-place update usually still fits; if not, the session stays
    // `running` and reads as `interrupted` once this process has ended.
    if (writer_.id() != 0 && !db_.readOnly()) {
        try {
            writer_.discardCounts();
            writer_.finish(SessionStatus::Interrupted);
        } catch (...) {
        }
    }
    active_ = false;
}

} // namespace gs::store
