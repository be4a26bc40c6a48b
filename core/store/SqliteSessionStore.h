#pragma once
// SessionStore on one SQLite connection (WAL, foreign keys on, schema migrated on open).
#include <memory>

#include "core/store/Database.h"
#include "core/store/SessionReader.h"
#include "core/store/SessionStore.h"
#include "core/store/StoreRecorder.h"

namespace gs::store {

class SqliteSessionStore : public SessionStore {
public:
    SqliteSessionStore(const std::string& path, OpenMode mode, const OpenOptions& options);

    std::unique_ptr<Recorder> startRecorder() override;
    int64_t lastRecordedId() const override { return recording_.lastId; }
    std::string lastRecordError() const override { return recording_.lastError; }
    int64_t save(const session::Session& s) override;
    std::vector<SessionRow> list() override;
    std::optional<SessionRow> row(int64_t id) override;
    session::Session load(int64_t id) override;
    session::Session loadWithoutCalls(int64_t id) override;
    int64_t callCount(int64_t id) override;
    session::Summary summary(const session::Session& withoutCalls) override;
    std::vector<session::Call> calls(int64_t id, int64_t firstIndex, int64_t count) override;
    std::vector<CallChunkInfo> callChunks(int64_t id) override;
    CallBriefs callBriefs(int64_t id, int64_t firstIndex) override;
    std::shared_ptr<const session::CallPage> callPage(int64_t id, int64_t firstIndex) override;
    int64_t recordCount(int64_t id) override;
    std::vector<session::TraceRecord> records(int64_t id, int64_t firstSeq, int64_t count) override;
    void rename(int64_t id, const std::string& title) override;
    void remove(int64_t id) override;
    std::string path() const override { return db_->path(); }
    bool isReadOnly() const override { return db_->readOnly(); }
    int schemaVersion() const override { return version_; }

private:
    // Runs a read; on an exception resets the cached statements so no read stays open.
    template <class F> auto reading(F&& f);
    void openDatabase(const std::string& path, OpenMode mode);
    void requireWritable(std::string_view what) const;
    void requireSession(int64_t id);
    // Persists `interrupted` for running sessions whose writer is gone (best effort).
    void markInterrupted();

    OpenOptions options_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<SessionReader> reader_;
    RecordingState recording_;
    int version_ = 0;
};

} // namespace gs::store
