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
// The thread stays `lag` jobs behind the newest (unless the owner waits for one of those), and
// `arrive`, when given, sees every job in order on the stage's thread before the job before it
// runs: work can look ahead (the importer queues payloads there and hashes them side by side,
// LaneHasher). When the thread has caught up it sleeps and is woken only once `batch` more
// jobs wait or the owner waits for one, so a fast stage costs one wake-up per batch, not one per
// job; likewise an owner that waits for a slow stage is woken once per batch. An exception from `arrive` is its job's error (the job's work then does not run).
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gs::trace {

template <class Job>
class OrderedStage {
public:
    explicit OrderedStage(std::function<void(Job&)> work, uint64_t batch = 16, uint64_t lag = 0, std::function<void(Job&)> arrive = {})
        : work_(std::move(work)), arrive_(std::move(arrive)), batch_(batch < 1 ? 1 : batch), lag_(lag), thread_([this] { run(); }) {}

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
        slots_.push_back(Slot{&job, nullptr, nullptr});
        const uint64_t n = first_ + slots_.size() - 1;
        if (idle_ && queued() >= lag_ + batch_) {
            idle_ = false; // one wake-up, however many jobs come before the thread runs
            wake_.notify_one();
        }
        return n;
    }

    // Waits until job `n` is done; rethrows what its work threw. Jobs are waited for in order
    // (waiting for `n` also releases every earlier job). When it has to sleep, it sleeps until
    // up to batch - 1 later jobs are done too (below).
    void wait(uint64_t n) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (n < first_ || n >= first_ + slots_.size()) throw std::logic_error("OrderedStage::wait: no such job pending");
        if (next_ <= n) {
            // The stage is behind. Waking the owner for job n alone would step both threads in
            // lock step, two context switches per job, for as long as the stage stays behind;
            // so the owner sleeps until the stage is `batch` jobs ahead (or has run every job
            // submitted), then proceeds that far without waiting.
            ownerWaiting_ = true;
            waitingFor_ = std::min(n + batch_ - 1, first_ + slots_.size() - 1);
            if (idle_) {
                idle_ = false;
                wake_.notify_one();
            }
            done_.wait(lock, [&] { return next_ > waitingFor_; });
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
        std::exception_ptr error;  // what its work threw, for the owner (under mutex_)
        std::exception_ptr failed; // what its arrival threw (the stage's thread's alone)
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
            // Slots stay put: the owner appends (a deque keeps references) and pops only done jobs.
            arrivals_.clear();
            for (; arrive_ && arrived_ < first_ + slots_.size(); ++arrived_) arrivals_.push_back(&slots_[arrived_ - first_]);
            Slot& slot = slots_[next_ - first_];
            lock.unlock();
            for (Slot* a : arrivals_) {
                try {
                    arrive_(*a->job);
                } catch (...) {
                    a->failed = std::current_exception(); // read by this thread only, until the job is done
                }
            }
            std::exception_ptr error = slot.failed;
            if (!error) {
                try {
                    work_(*slot.job);
                } catch (...) {
                    error = std::current_exception();
                }
            }
            lock.lock();
            slot.error = error;
            ++next_;
            if (ownerWaiting_ && next_ > waitingFor_) done_.notify_one(); // a futex call only when the owner can go on
        }
    }

    std::function<void(Job&)> work_, arrive_;
    const uint64_t batch_, lag_;
    std::vector<Slot*> arrivals_;   // the stage's thread's: jobs arriving before the next runs
    uint64_t arrived_ = 0;          // jobs `arrive` has seen (under mutex_)
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
