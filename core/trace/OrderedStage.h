#pragma once
// One step of a pipeline on its own thread: the owner submits jobs, the stage runs `work` on
// each, strictly in submission order, and the owner waits for a job before it reads what the
// work wrote. The trace importer decodes records on it (issue 11 item 7) while the reading
// thread frames the next ones and assembles the previous ones. Jobs are not copied: the owner
// keeps each alive and leaves it alone from submit() until wait() has returned for it.
//
// An exception thrown by `work` is kept with its job and rethrown by wait() for that job, on
// the owner's thread, so it surfaces exactly where doing the work inline would have thrown it;
// later jobs still run. Destroying the stage stops it after the job it is running (jobs not
// started are dropped): the owner's error path never waits for the rest.
//
// The thread stays `lag` jobs behind the newest (unless the owner waits for one of those), so
// what a job needs from another thread (the importer's payload digests) is usually ready when
// the job runs; when it has caught up it sleeps and is woken only once `batch` more jobs wait
// or the owner waits for one, so a fast stage costs one wake-up per batch, not one per job.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gs::trace {

template <class Job>
class OrderedStage {
public:
    explicit OrderedStage(std::function<void(Job&)> work, uint64_t batch = 16, uint64_t lag = 0)
        : work_(std::move(work)), batch_(batch < 1 ? 1 : batch), lag_(lag), thread_([this] { run(); }) {}

    ~OrderedStage() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }

    OrderedStage(const OrderedStage&) = delete;
    OrderedStage& operator=(const OrderedStage&) = delete;

    // Queues `job` and returns its number (0, 1, 2, ... in submission order).
    uint64_t submit(Job& job) {
        std::lock_guard<std::mutex> lock(mutex_);
        slots_.push_back(Slot{&job, nullptr});
        const uint64_t n = first_ + slots_.size() - 1;
        if (idle_ && queued() >= lag_ + batch_) {
            idle_ = false; // one wake-up, however many jobs come before the thread runs
            wake_.notify_one();
        }
        return n;
    }

    // Waits until job `n` is done; rethrows what its work threw. Jobs are waited for in order
    // (waiting for `n` also releases every earlier job).
    void wait(uint64_t n) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (n < first_ || n >= first_ + slots_.size()) throw std::logic_error("OrderedStage::wait: no such job pending");
        if (next_ <= n) {
            ownerWaiting_ = true;
            waitingFor_ = n;
            if (idle_) {
                idle_ = false;
                wake_.notify_one();
            }
            done_.wait(lock, [&] { return next_ > n; });
            ownerWaiting_ = false;
        }
        std::exception_ptr error;
        while (first_ <= n) {
            error = slots_.front().error;
            slots_.pop_front();
            ++first_;
        }
        if (error) std::rethrow_exception(error);
    }

    // Jobs submitted and not yet waited for.
    uint64_t pending() {
        std::lock_guard<std::mutex> lock(mutex_);
        return slots_.size();
    }

private:
    struct Slot {
        Job* job;
        std::exception_ptr error;
    };

    // With mutex_ held: jobs submitted and not run yet; whether the owner waits for the next one.
    uint64_t queued() const { return first_ + slots_.size() - next_; }
    bool ownerNeedsNext() const { return ownerWaiting_ && waitingFor_ >= next_; }

    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            if (stop_) return;
            if (queued() == 0 || !(ownerNeedsNext() || queued() > lag_)) {
                idle_ = true;
                wake_.wait(lock, [&] { return stop_ || !idle_ || ownerNeedsNext() || queued() >= lag_ + batch_; });
                idle_ = false;
                continue;
            }
            Slot& slot = slots_[next_ - first_]; // stable: the owner pops only jobs that are done
            lock.unlock();
            std::exception_ptr error;
            try {
                work_(*slot.job);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            slot.error = error;
            ++next_;
            if (ownerWaiting_) done_.notify_one(); // a futex call only when the owner sleeps
        }
    }

    std::function<void(Job&)> work_;
    const uint64_t batch_, lag_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::deque<Slot> slots_; // jobs not waited for yet; slots_[0] is job number first_
    uint64_t first_ = 0;     // number of the oldest job not waited for
    uint64_t next_ = 0;      // number of the next job to run (every job before it is done)
    uint64_t waitingFor_ = 0; // with ownerWaiting_: the job the owner waits for
    bool stop_ = false, idle_ = false, ownerWaiting_ = false;
    std::thread thread_;     // last: starts once everything above is set
};

} // namespace gs::trace
