#pragma once
// Checks payload MD5s (has_payload, torch-trace-format §1.3.2) on a second thread: MD5 is the
// reader's hottest loop and cannot be split within one payload, but payloads are independent.
// Results come back in submission order, a fixed number of submissions later, so what is
// reported (and in which order) never depends on timing. Memory is bounded: submit() waits
// while more than `maxQueuedBytes` are queued.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace gs::trace {

class PayloadHasher {
public:
    struct Result {
        int64_t line = 0;
        std::string expected, actual; // lowercase hex
    };

    explicit PayloadHasher(size_t maxQueuedBytes = 64u << 20);
    ~PayloadHasher();
    PayloadHasher(const PayloadHasher&) = delete;
    PayloadHasher& operator=(const PayloadHasher&) = delete;

    // Queues one payload (copied). Returns the result of the submission `lag` places earlier
    // once it is ready (waits for it), in `out`; false while fewer than `lag` are pending.
    bool submit(int64_t line, std::string expected, const std::string& payload, size_t lag, Result& out);
    // The oldest pending result (waits for it); false when none is pending.
    bool next(Result& out);

private:
    struct Job {
        int64_t line;
        std::string expected, payload, actual;
        bool done = false;
    };
    void run();

    std::mutex mutex_;
    std::condition_variable work_, done_;
    std::deque<Job> jobs_;      // submission order; the worker hashes them front to back
    size_t nextToHash_ = 0;     // index in jobs_ of the first job not hashed yet
    size_t queuedBytes_ = 0, maxQueued_;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace gs::trace
