#pragma once
// One thread that owns a non-thread-safe library (the engine, Graphviz) and runs the jobs
// posted to it in order. A job posted with a tag replaces a queued, not yet started job with
// the same tag — RenderDoc's ReplayManager::AsyncInvoke(tag, ...) — so a burst of requests
// (dragging the cursor, typing) costs one run, not one per event (ARCHITECTURE.md "Threads").
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace gs::ui {

class OwnerThread {
public:
    explicit OwnerThread(std::string name);
    ~OwnerThread(); // finishes the running job, drops queued ones, joins
    OwnerThread(const OwnerThread&) = delete;
    OwnerThread& operator=(const OwnerThread&) = delete;

    void post(const QString& tag, std::function<void()> job);
    // Queued jobs (not the running one), for tests and the status bar.
    size_t pending() const;
    bool isOwnerThread() const { return std::this_thread::get_id() == thread_.get_id(); }

private:
    void loop();
    struct Job {
        QString tag;
        std::function<void()> fn;
    };
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stop_ = false;
    std::string name_;
    std::thread thread_;
};

} // namespace gs::ui
