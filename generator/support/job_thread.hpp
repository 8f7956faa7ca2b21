// Jobs done one after another, in the order given, on a thread of their
// own: a writer hands over a finished page (to deflate and write) and goes
// on setting the next while it is done. The PDF's objects and a zip's
// entries are written this way.
//
// Contract: push() queues a job, waiting while `max_waiting` are queued;
// drain() waits until every job pushed is done. The first exception a job
// throws is rethrown by the next push() or drain(), and nothing queued
// after it is done. The destructor stops the thread; jobs not started are
// dropped. push() and drain() are called from one thread only; `work`
// runs on the job thread, so what it touches must not be touched by the
// caller until drain() returns.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace bulletin {

template <class Job>
class JobThread {
public:
    explicit JobThread(std::function<void(Job&)> work, std::size_t max_waiting = 32)
        : work_(std::move(work)), max_waiting_(max_waiting), thread_([this] { run(); }) {}

    ~JobThread() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            queue_.clear();
        }
        changed_.notify_all();
        thread_.join();
    }
    JobThread(const JobThread&) = delete;
    JobThread& operator=(const JobThread&) = delete;

    void push(Job job) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return queue_.size() < max_waiting_ || error_; });
        if (error_) std::rethrow_exception(error_);
        queue_.push_back(std::move(job));
        lock.unlock();
        changed_.notify_all();
    }

    void drain() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
        if (error_) std::rethrow_exception(error_);
    }

private:
    void run() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
                if (stopping_) return;
                job = std::move(queue_.front());
                queue_.pop_front();
                busy_ = true;
            }
            changed_.notify_all();
            std::exception_ptr failed;
            try {
                work_(job);
            } catch (...) {
                failed = std::current_exception();
            }
            {
                std::lock_guard lock(mutex_);
                busy_ = false;
                if (failed && !error_) error_ = failed;
                if (error_) queue_.clear();  // nothing more is done after a failure
            }
            changed_.notify_all();
        }
    }

    std::function<void(Job&)> work_;
    std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> queue_;
    bool busy_ = false;  // the thread holds a job
    bool stopping_ = false;
    std::exception_ptr error_;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace bulletin
