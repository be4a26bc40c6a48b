#include "core/trace/PayloadHasher.h"

#include "core/trace/Md5Lanes.h"

namespace gs::trace {

PayloadHasher::PayloadHasher() : worker_([this] { run(); }) {}

PayloadHasher::~PayloadHasher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    work_.notify_all();
    worker_.join();
}

// Jobs are hashed side by side in the lanes of an Md5Lanes: a lane that finishes takes the next
// job not started yet, so short and long payloads mix and the lanes stay full while the owner
// keeps jobs coming (its window is several times kLanes deep).
void PayloadHasher::run() {
    Md5Lanes lanes;
    Job* inLane[Md5Lanes::kLanes] = {};
    std::string hex[Md5Lanes::kLanes];
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        for (int l = 0; l < Md5Lanes::kLanes && nextToHash_ < jobs_.size(); ++l)
            if (lanes.idle(l)) {
                inLane[l] = &jobs_[nextToHash_++]; // stable: the owner only pops jobs that are done
                lanes.start(l, inLane[l]->payload);
            }
        if (stop_) return;
        // A step costs the same with one lane busy as with all: wait for enough jobs to fill
        // them, unless the owner waits for a digest (it then gets it with the lanes there are).
        auto enough = [&] { return stop_ || ownerWaiting_ || lanes.active() + (jobs_.size() - nextToHash_) >= size_t(Md5Lanes::kLanes); };
        if (lanes.active() == 0 || !enough()) {
            workerIdle_ = true;
            work_.wait(lock, [&] { return stop_ || ((nextToHash_ < jobs_.size() || lanes.active() > 0) && enough()); });
            workerIdle_ = false;
            continue;
        }
        const bool roomForMore = lanes.active() < Md5Lanes::kLanes;
        lock.unlock();
        // until a lane finishes; with a lane free, look for new jobs now and then
        unsigned done = 0;
        for (int steps = 0; done == 0 && !(roomForMore && steps == 64); ++steps) done = lanes.step();
        int finished = 0;
        for (int l = 0; l < Md5Lanes::kLanes; ++l)
            if (done & (1u << l)) {
                hex[l] = lanes.hexDigest(l);
                ++finished;
            }
        lock.lock();
        for (int l = 0; l < Md5Lanes::kLanes && finished > 0; ++l)
            if (done & (1u << l)) {
                inLane[l]->hex = std::move(hex[l]);
                inLane[l]->done = true;
                inLane[l] = nullptr;
            }
        if (finished > 0 && ownerWaiting_) done_.notify_one(); // a futex call only when the owner sleeps
    }
}

void PayloadHasher::submit(std::string_view payload) {
    std::lock_guard<std::mutex> staged(stagedMutex_);
    staged_.push_back(payload);
    if (staged_.size() < kPublishEvery) return;
    std::lock_guard<std::mutex> lock(mutex_);
    publish();
}

void PayloadHasher::publish() {
    for (std::string_view p : staged_) jobs_.push_back(Job{p, {}, false});
    staged_.clear();
    if (workerIdle_) work_.notify_one();
}

std::string PayloadHasher::take() {
    if (ready_.empty()) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (jobs_.empty()) { // the payload is still staged: hand it over (locks in their order)
            lock.unlock();
            std::lock_guard<std::mutex> staged(stagedMutex_);
            lock.lock();
            publish();
        } // the submitting thread is never held up while this one waits below
        if (!jobs_.front().done) {
            ownerWaiting_ = true;
            if (workerIdle_) work_.notify_one(); // it may be waiting for more jobs to fill its lanes
            done_.wait(lock, [&] { return jobs_.front().done; });
            ownerWaiting_ = false;
        }
        // every digest that is ready at the front, in order
        while (!jobs_.empty() && jobs_.front().done) {
            ready_.push_back(std::move(jobs_.front().hex));
            jobs_.pop_front();
            --nextToHash_;
        }
    }
    std::string hex = std::move(ready_.front());
    ready_.pop_front();
    return hex;
}

size_t PayloadHasher::pending() {
    std::lock_guard<std::mutex> staged(stagedMutex_);
    std::lock_guard<std::mutex> lock(mutex_);
    return jobs_.size() + staged_.size() + ready_.size();
}

} // namespace gs::trace
