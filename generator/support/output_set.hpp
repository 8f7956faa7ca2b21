// The files a render writes, written all-or-nothing and durably: a failed
// or interrupted render leaves every existing output byte-identical and no
// temporary file behind.
//
// Contract:
//  - add(target) checks that the target can be replaced (its folder exists
//    and is writable, it is not a folder, it is not a file the render reads,
//    it is not given twice) and opens a temporary file in the target's folder
//    (unnamed where the file system allows: then even SIGKILL leaves nothing).
//    The returned sink takes the output's bytes; every write error (disk
//    full, quota, file-size limit) throws OutputError.
//  - commit() flushes and fsyncs every output, then, under a lock on the
//    targets' folders (so that two renders racing for the same files leave
//    one render's complete set), replaces every target by rename. If one
//    rename fails, the targets already replaced are put back. A replaced
//    file keeps its permissions. On any failure it throws OutputError and
//    every target is as it was.
//  - Destroyed without commit(), the set removes its temporary files.
//    Named temporary files are registered with support/signal_cleanup.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/byte_sink.hpp"

namespace bulletin {

class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OutputSet {
public:
    // How temporary files are made: unnamed (O_TMPFILE) when possible, or
    // always named (what file systems without O_TMPFILE get; tests use it).
    enum class Temp { kUnnamedIfPossible, kNamed };

    // The rename of step 4, renameat(2) but where tests inject a failure.
    using RenameFn = int (*)(int, const char*, int, const char*);

    // `inputs`: files the render reads, which no output may replace.
    explicit OutputSet(std::vector<std::string> inputs = {}, Temp temp = Temp::kUnnamedIfPossible,
                       RenameFn rename = nullptr);
    ~OutputSet();
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    ByteSink& add(const std::string& target);
    void commit();

private:
    struct Output;
    std::vector<std::string> inputs_;
    Temp temp_;
    RenameFn rename_;
    std::vector<std::unique_ptr<Output>> outputs_;
    bool committed_ = false;
};

}  // namespace bulletin
