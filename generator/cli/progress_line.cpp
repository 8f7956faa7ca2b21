#include "cli/progress_line.hpp"

#include <cstdio>

#include <unistd.h>

namespace bulletin::cli {

ProgressLine::ProgressLine(std::string what)
    : what_(std::move(what)), terminal_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(std::size_t pages, double share) {
    if (share < 0) {
        erase();
        return;
    }
    if (!terminal_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || (shown_ && now - last_ < std::chrono::milliseconds(200))) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\r\033[K%s: %zu page%s set, %.0f%% of the text", what_.c_str(), pages, pages == 1 ? "" : "s",
                 share * 100);
    std::fflush(stderr);
}

void ProgressLine::erase() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
}

}  // namespace bulletin::cli
