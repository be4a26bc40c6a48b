#pragma once
// Payload MD5s (has_payload, torch-trace-format §1.3.2) for the trace importer's decoding stage,
// on the thread that then decodes them: payloads are queued as the stage sees their records
// and hashed side by side in the SIMD lanes of an Md5Lanes (MD5 cannot be split within one
// payload, but payloads are independent). finish() hashes until one digest is written, the
// lanes meanwhile working on the payloads queued after it, so the lanes stay full while the
// stage keeps records queued ahead (OrderedStage's lag), and each payload is decoded right
// after it was hashed, from the same core's cache (issue 11 item 7).
// Not thread-safe: one thread adds and finishes. Payloads are not copied: each must stay valid
// and unchanged until its digest has been written.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "core/trace/Md5Lanes.h"

namespace gs::trace {

class LaneHasher {
public:
    // Queues `payload`; its lowercase hex MD5 is written to *digest by a later finish(). Returns
    // its ticket (0, 1, 2, ... in the order added).
    uint64_t add(std::string_view payload, std::string* digest);
    // Hashes until the digest of `ticket` has been written (at once when it already was).
    void finish(uint64_t ticket);
    // Queued or in a lane, digest not written yet.
    size_t pending() const { return waiting_.size() + size_t(lanes_.active()); }

private:
    struct Job {
        std::string_view payload;
        std::string* digest;
    };
    bool inLane(uint64_t ticket) const;

    Md5Lanes lanes_;
    std::deque<Job> waiting_;               // not started yet, oldest first
    std::string* out_[Md5Lanes::kMaxLanes] = {};
    uint64_t ticket_[Md5Lanes::kMaxLanes] = {};
    uint64_t added_ = 0, started_ = 0;      // tickets below started_ are in a lane or written
};

} // namespace gs::trace
