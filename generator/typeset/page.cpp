#include "typeset/page.hpp"

#include <stdexcept>

namespace bulletin {

Page& PageStream::operator[](std::size_t index) {
    if (index < first_open_ || index >= size())
        throw std::logic_error("page " + std::to_string(index + 1) + " is not open for drawing");
    return open_[index - first_open_];
}

void PageStream::finish_before(std::size_t index) {
    index = std::min(index, size());
    for (; finished_ < index; ++finished_) {
        Page& page = (*this)[finished_];
        if (finisher_) finisher_(page, finished_);
        if (!sink_) continue;
        sink_->add_page(page);
        open_.pop_front();
        ++first_open_;
    }
}

void PageStream::restart() {
    open_.clear();
    first_open_ = 0;
    finished_ = 0;
    if (sink_) sink_->restart();
}

}  // namespace bulletin
