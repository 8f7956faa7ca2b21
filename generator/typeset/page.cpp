#include "typeset/page.hpp"

#include <cstdio>
#include <stdexcept>
#include <string_view>

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

std::string document_id(const TypesetDocument& doc, std::uint64_t size) {
    std::uint64_t a = 1469598103934665603ull, b = 0x9E3779B97F4A7C15ull;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) {
            a = (a ^ c) * 1099511628211ull;
            b = (b ^ c) * 0x100000001B3ull + 0x7F4A7C15ull;
        }
    };
    for (const std::string* s : {&doc.info.title, &doc.info.author, &doc.info.subject, &doc.info.keywords})
        mix(*s);
    mix(std::to_string(doc.page_count) + ":" + std::to_string(size));
    char out[33];
    std::snprintf(out, sizeof out, "%016llX%016llX", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return out;
}

}  // namespace bulletin
