// A progress line for a long render: on stderr, only when stderr is a
// terminal and the render has run for more than a second (a scheduled job
// or a pipe sees nothing), redrawn at most five times a second, and erased
// when the pages are set, so that what follows starts on a clean line.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace bulletin::cli {

class ProgressLine {
public:
    explicit ProgressLine(std::string what);
    ~ProgressLine() { erase(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // `share` of the text set so far, in 0..1; below 0: done.
    void update(std::size_t pages, double share);

private:
    void erase();

    std::string what_;
    bool terminal_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace bulletin::cli
