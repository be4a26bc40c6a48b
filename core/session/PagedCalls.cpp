#include "core/session/PagedCalls.h"

#include <algorithm>
#include <stdexcept>

namespace gs::session {

template <class T> std::shared_ptr<const T> PagedCalls::Lru<T>::get(size_t k) {
    auto it = items.find(k);
    if (it == items.end()) return nullptr;
    order.splice(order.begin(), order, it->second.second);
    return it->second.first;
}

template <class T> void PagedCalls::Lru<T>::put(size_t k, std::shared_ptr<const T> v) {
    order.push_front(k);
    items[k] = {std::move(v), order.begin()};
    while (items.size() > capacity) {
        items.erase(order.back());
        order.pop_back();
    }
}

PagedCalls::PagedCalls(std::shared_ptr<CallPages> pages) : pages_(std::move(pages)) {
    chunks_ = pages_->chunks();
    starts_.reserve(chunks_.size() + 1);
    int64_t pos = 0;
    for (size_t k = 0; k < chunks_.size(); ++k) {
        const auto& c = chunks_[k];
        starts_.push_back(pos);
        pos += c.calls;
        if (c.lastIndex - c.firstIndex + 1 != c.calls) gapless_ = false;
        if (k > 0 && c.firstIndex != chunks_[k - 1].lastIndex + 1) gapless_ = false;
    }
    starts_.push_back(pos);
}

size_t PagedCalls::chunkOf(int64_t pos) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end() - 1, pos);
    return size_t(it - starts_.begin()) - 1;
}

int64_t PagedCalls::callsBefore(int64_t index) const {
    if (chunks_.empty() || index <= chunks_.front().firstIndex) return 0;
    if (index > chunks_.back().lastIndex) return count();
    if (gapless_) return index - chunks_.front().firstIndex;
    auto it = std::upper_bound(chunks_.begin(), chunks_.end(), index,
                               [](int64_t v, const CallChunkInfo& c) { return v < c.firstIndex; });
    const size_t k = size_t(it - chunks_.begin()) - 1;
    if (index > chunks_[k].lastIndex) return starts_[k + 1];
    auto b = briefs(k);
    auto at = std::lower_bound(b->calls.begin(), b->calls.end(), index,
                               [](const CallBriefs::Brief& x, int64_t v) { return x.index < v; });
    return starts_[k] + (at - b->calls.begin());
}

int64_t PagedCalls::positionOf(int64_t index) const {
    if (chunks_.empty() || index < chunks_.front().firstIndex || index > chunks_.back().lastIndex) return -1;
    if (gapless_) return index - chunks_.front().firstIndex;
    auto it = std::upper_bound(chunks_.begin(), chunks_.end(), index,
                               [](int64_t v, const CallChunkInfo& c) { return v < c.firstIndex; });
    const size_t k = size_t(it - chunks_.begin()) - 1;
    if (index > chunks_[k].lastIndex) return -1;
    auto b = briefs(k);
    auto at = std::lower_bound(b->calls.begin(), b->calls.end(), index,
                               [](const CallBriefs::Brief& x, int64_t v) { return x.index < v; });
    if (at == b->calls.end() || at->index != index) return -1;
    return starts_[k] + (at - b->calls.begin());
}

std::shared_ptr<const CallBriefs> PagedCalls::briefs(size_t k) const {
    std::lock_guard lock(mu_);
    if (auto b = briefs_.get(k)) return b;
    auto b = std::make_shared<const CallBriefs>(pages_->briefs(k));
    if (b->calls.size() != size_t(chunks_[k].calls))
        throw std::runtime_error("a chunk of calls holds another number of calls than its directory says");
    briefs_.put(k, b);
    return b;
}

int64_t PagedCalls::entryHitsIn(size_t k, const std::string& compileId, int64_t a, int64_t b) const {
    std::shared_ptr<const HitOffsets> index;
    {
        std::lock_guard lock(mu_);
        index = hitOffsets_.get(k);
    }
    if (!index) {
        auto b0 = briefs(k);
        HitOffsets made;
        for (size_t i = 0; i < b0->calls.size(); ++i)
            if (b0->calls[i].outcome == CallOutcome::Hit) made[b0->strings[b0->calls[i].entry]].push_back(int32_t(i));
        index = std::make_shared<const HitOffsets>(std::move(made));
        std::lock_guard lock(mu_);
        hitOffsets_.put(k, index);
    }
    auto it = index->find(compileId);
    if (it == index->end() || a >= b) return 0;
    const auto& v = it->second;
    return std::lower_bound(v.begin(), v.end(), b) - std::lower_bound(v.begin(), v.end(), a);
}

CallBriefs::Brief PagedCalls::brief(int64_t pos) const {
    const size_t k = chunkOf(pos);
    return briefs(k)->calls[size_t(pos - starts_[k])];
}

Call PagedCalls::call(int64_t pos) const {
    const size_t k = chunkOf(pos);
    std::shared_ptr<const CallPage> page;
    {
        std::lock_guard lock(mu_);
        page = calls_.get(k);
        if (!page) {
            page = pages_->page(k);
            if (page->size() != size_t(chunks_[k].calls))
                throw std::runtime_error("a chunk of calls holds another number of calls than its directory says");
            calls_.put(k, page);
        }
    }
    Call c = page->call(size_t(pos - starts_[k]));
    c.index = pos;
    return c;
}

} // namespace gs::session
