// Where a writer puts the bytes of the file it makes: an output file
// (support/output_set.hpp), a string in memory (tests, the fuzzers,
// `validate`'s dry run), or nowhere but a count.
//
// Contract: write() either takes all the bytes or throws; a writer never
// checks for errors itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bulletin {

class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

class StringSink : public ByteSink {
public:
    void write(std::string_view bytes) override { data_.append(bytes); }
    const std::string& data() const { return data_; }
    std::string take() { return std::move(data_); }

private:
    std::string data_;
};

// Counts the bytes and drops them: a dry run that makes every byte.
class CountingSink : public ByteSink {
public:
    void write(std::string_view bytes) override { count_ += bytes.size(); }
    std::uint64_t count() const { return count_; }

private:
    std::uint64_t count_ = 0;
};

}  // namespace bulletin
