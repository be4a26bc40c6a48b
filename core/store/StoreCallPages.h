#pragma once
// session::CallPages over a session's chunks in a database (schema 5 on): the GUI opens a
// session of millions of calls from its chunk directory and reads calls when a view needs them.
// Holds its own read-only connection, so the pages can be read from the UI thread while the
// data thread uses the store (SQLite WAL readers do not block the writer).
#include <memory>
#include <string>

#include "core/session/CallPages.h"
#include "core/store/SessionStore.h"

namespace gs::store {

class StoreCallPages : public session::CallPages {
public:
    // Null when the session's calls are not in chunks (recorded before schema 5).
    static std::shared_ptr<StoreCallPages> open(const std::string& dbPath, int64_t sessionId);

    const std::vector<CallChunkInfo>& chunks() const override { return chunks_; }
    std::vector<session::Call> read(size_t chunk) override;
    CallBriefs briefs(size_t chunk) override;
    std::shared_ptr<const session::CallPage> page(size_t chunk) override;
    int64_t callCount() const { return calls_; }

private:
    StoreCallPages(std::unique_ptr<SessionStore> store, int64_t id, std::vector<CallChunkInfo> chunks);
    std::unique_ptr<SessionStore> store_;
    int64_t id_;
    std::vector<CallChunkInfo> chunks_;
    int64_t calls_ = 0;
};

} // namespace gs::store
