#include "core/trace/LaneHasher.h"

namespace gs::trace {

uint64_t LaneHasher::add(std::string_view payload, std::string* digest) {
    waiting_.push_back(Job{payload, digest});
    return added_++;
}

bool LaneHasher::inLane(uint64_t ticket) const {
    for (int l = 0; l < lanes_.lanes(); ++l)
        if (!lanes_.idle(l) && ticket_[l] == ticket) return true;
    return false;
}

void LaneHasher::finish(uint64_t ticket) {
    for (;;) {
        // Payloads start in the order added, so `ticket` is started before any later one.
        for (int l = 0; l < lanes_.lanes() && !waiting_.empty(); ++l)
            if (lanes_.idle(l)) {
                lanes_.start(l, waiting_.front().payload);
                out_[l] = waiting_.front().digest;
                ticket_[l] = started_++;
                waiting_.pop_front();
            }
        if (ticket < started_ && !inLane(ticket)) return;
        const unsigned done = lanes_.step(); // one block of every busy lane
        for (int l = 0; l < lanes_.lanes(); ++l)
            if (done & (1u << l)) *out_[l] = lanes_.hexDigest(l);
    }
}

} // namespace gs::trace
