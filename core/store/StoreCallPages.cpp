#include "core/store/StoreCallPages.h"

namespace gs::store {

std::shared_ptr<StoreCallPages> StoreCallPages::open(const std::string& dbPath, int64_t sessionId) {
    auto store = SessionStore::open(dbPath, OpenMode::ReadOnly);
    auto chunks = store->callChunks(sessionId);
    if (chunks.empty()) return nullptr;
    return std::shared_ptr<StoreCallPages>(new StoreCallPages(std::move(store), sessionId, std::move(chunks)));
}

StoreCallPages::StoreCallPages(std::unique_ptr<SessionStore> store, int64_t id, std::vector<CallChunkInfo> chunks)
    : store_(std::move(store)), id_(id), chunks_(std::move(chunks)) {
    for (const auto& c : chunks_) calls_ += c.calls;
}

std::vector<session::Call> StoreCallPages::read(size_t chunk) {
    const auto& c = chunks_.at(chunk);
    return store_->calls(id_, c.firstIndex, c.calls);
}

CallBriefs StoreCallPages::briefs(size_t chunk) { return store_->callBriefs(id_, chunks_.at(chunk).firstIndex); }

std::shared_ptr<const session::CallPage> StoreCallPages::page(size_t chunk) {
    return store_->callPage(id_, chunks_.at(chunk).firstIndex);
}

} // namespace gs::store
