// Writing output files so that a failed render leaves nothing behind and
// never replaces an existing file with a broken one: write to a temporary
// file next to the target, rename it over the target only at commit().
#pragma once

#include <string>

namespace bulletin {

class PendingFile {
public:
    // Creates the temporary file in the target's directory. Throws
    // std::runtime_error when the directory is not writable.
    explicit PendingFile(std::string target);
    ~PendingFile();  // removes the temporary file unless committed
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    const std::string& temp_path() const { return temp_; }
    const std::string& target() const { return target_; }
    // Renames the temporary file to the target.
    void commit();

private:
    std::string target_;
    std::string temp_;
    bool committed_ = false;
};

}  // namespace bulletin
