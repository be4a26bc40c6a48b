#include "core/trace/PayloadHasher.h"

#include "core/trace/Md5.h"

namespace gs::trace {

PayloadHasher::PayloadHasher(size_t maxQueuedBytes) : maxQueued_(maxQueuedBytes), worker_([this] { run(); }) {}

PayloadHasher::~PayloadHasher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    work_.notify_all();
    worker_.join();
}

void PayloadHasher::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        work_.wait(lock, [&] { return stop_ || nextToHash_ < jobs_.size(); });
        if (stop_) return;
        Job& job = jobs_[nextToHash_]; // stable: the owner only pops jobs that are done
        lock.unlock();
        std::string hex = Md5::hex(job.payload);
        lock.lock();
        job.actual = std::move(hex);
        queuedBytes_ -= job.payload.size();
        job.payload.clear();
        job.payload.shrink_to_fit();
        job.done = true;
        ++nextToHash_;
        done_.notify_all();
    }
}

bool PayloadHasher::submit(int64_t line, std::string expected, const std::string& payload, size_t lag, Result& out) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return queuedBytes_ == 0 || queuedBytes_ + payload.size() <= maxQueued_; });
    jobs_.push_back(Job{line, std::move(expected), payload, {}, false});
    queuedBytes_ += payload.size();
    work_.notify_one();
    if (jobs_.size() <= lag) return false;
    done_.wait(lock, [&] { return jobs_.front().done; });
    Job& j = jobs_.front();
    out = Result{j.line, std::move(j.expected), std::move(j.actual)};
    jobs_.pop_front();
    --nextToHash_;
    return true;
}

bool PayloadHasher::next(Result& out) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (jobs_.empty()) return false;
    done_.wait(lock, [&] { return jobs_.front().done; });
    Job& j = jobs_.front();
    out = Result{j.line, std::move(j.expected), std::move(j.actual)};
    jobs_.pop_front();
    --nextToHash_;
    return true;
}

} // namespace gs::trace
