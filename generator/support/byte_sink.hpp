// Where a writer puts the bytes of the file it makes: an output file
// (support/output_set.hpp), a string in memory (tests, the fuzzers,
// `validate`'s dry run), or nowhere but a count.
//
// Contract: write() either takes all the bytes or throws; a writer never
// checks for errors itself. truncate(n) drops every byte after the first n
// (a writer that starts over: the PDF of a newspaper set again tighter).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bulletin {

class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
    virtual void truncate(std::uint64_t size) = 0;
};

class StringSink : public ByteSink {
public:
    void write(std::string_view bytes) override { data_.append(bytes); }
    void truncate(std::uint64_t size) override {
        if (size < data_.size()) data_.resize(size);
    }
    const std::string& data() const { return data_; }
    std::string take() { return std::move(data_); }

private:
    std::string data_;
};

// Counts the bytes and drops them: a dry run that makes every byte.
class CountingSink : public ByteSink {
public:
    void write(std::string_view bytes) override { count_ += bytes.size(); }
    void truncate(std::uint64_t size) override {
        if (size < count_) count_ = size;
    }
    std::uint64_t count() const { return count_; }

private:
    std::uint64_t count_ = 0;
};

// The same bytes to several sinks (one PDF written to two files).
class TeeSink : public ByteSink {
public:
    explicit TeeSink(std::vector<ByteSink*> sinks) : sinks_(std::move(sinks)) {}
    void write(std::string_view bytes) override {
        for (ByteSink* s : sinks_) s->write(bytes);
    }
    void truncate(std::uint64_t size) override {
        for (ByteSink* s : sinks_) s->truncate(size);
    }

private:
    std::vector<ByteSink*> sinks_;
};

}  // namespace bulletin
