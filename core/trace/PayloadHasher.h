#pragma once
// Computes payload MD5s (has_payload, torch-trace-format §1.3.2) on a second thread: MD5 is the
// reader's hottest loop and cannot be split within one payload, but payloads are independent,
// so several are hashed at once in SIMD lanes (Md5Lanes).
// The payload is not copied: the caller keeps it alive and unchanged until take() has returned
// its digest. Digests come back in submission order, so what the importer reports (and in which
// order) never depends on timing (issue 11 item 7: the parsing thread does no per-byte hashing).
// One thread submits and one takes; they may be two threads (the importer frames records on
// one and decodes them on another, OrderedStage).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace gs::trace {

class PayloadHasher {
public:
    PayloadHasher();
    ~PayloadHasher();
    PayloadHasher(const PayloadHasher&) = delete;
    PayloadHasher& operator=(const PayloadHasher&) = delete;

    // Queues `payload` (a view: its bytes must stay valid and unchanged until its digest is taken).
    void submit(std::string_view payload);
    // The lowercase hex MD5 of the oldest submitted payload whose digest was not taken yet
    // (waits for it). Must not be called with nothing pending.
    std::string take();
    size_t pending();

private:
    struct Job {
        std::string_view payload;
        std::string hex;
        bool done = false;
    };
    void run();

    void publish(); // with mutex_ held: staged_ becomes visible to the worker

    // Submissions not handed over yet (under stagedMutex_, which the worker never takes) and
    // digests already taken over (the taking thread's alone): the worker's lock is taken about
    // once per batch of payloads, not twice per payload.
    std::mutex stagedMutex_;    // before mutex_ when both are held
    std::vector<std::string_view> staged_;
    std::deque<std::string> ready_;
    static constexpr size_t kPublishEvery = 8;

    std::mutex mutex_;
    std::condition_variable work_, done_;
    std::deque<Job> jobs_;      // submission order; the worker hashes them front to back
    size_t nextToHash_ = 0;     // index in jobs_ of the first job not started yet
    bool stop_ = false, workerIdle_ = false, ownerWaiting_ = false;
    std::thread worker_;
};

} // namespace gs::trace
