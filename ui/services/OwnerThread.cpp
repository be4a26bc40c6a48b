#include "ui/services/OwnerThread.h"

#include <pthread.h>

#include <QElapsedTimer>
#include <exception>

#include "ui/shared/LogCategories.h"

namespace gs::ui {

OwnerThread::OwnerThread(std::string name) : name_(std::move(name)) {
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), name_.substr(0, 15).c_str());
        loop();
    });
}

OwnerThread::~OwnerThread() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void OwnerThread::post(const QString& tag, std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (stop_) return;
        if (!tag.isEmpty())
            for (auto it = queue_.begin(); it != queue_.end();)
                it = it->tag == tag ? queue_.erase(it) : std::next(it);
        queue_.push_back({tag, std::move(job)});
    }
    wake_.notify_one();
}

size_t OwnerThread::pending() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void OwnerThread::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        // Jobs report their own errors to their callers; one that still throws is logged
        // instead of ending the process (an exception leaving a std::thread terminates).
        QElapsedTimer timer;
        timer.start();
        try {
            job.fn();
        } catch (const std::exception& e) {
            qCCritical(lcThread) << name_.c_str() << "job" << job.tag << "failed:" << e.what();
        } catch (...) {
            qCCritical(lcThread) << name_.c_str() << "job" << job.tag << "failed with an unknown exception";
        }
        qCDebug(lcThread) << name_.c_str() << "job" << job.tag << "took" << timer.elapsed() << "ms";
    }
}

} // namespace gs::ui
