#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bulletin {

PendingFile::PendingFile(std::string target) : target_(std::move(target)) {
    namespace fs = std::filesystem;
    fs::path t(target_);
    fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
    temp_ = (dir / fmt::format(".{}.tmp-XXXXXX", t.filename().string())).string();
    int fd = mkstemp(temp_.data());
    if (fd < 0) throw std::runtime_error(fmt::format("cannot write {}: {}", target_, std::strerror(errno)));
    ::close(fd);
    // mkstemp makes the file 0600; give it the permissions a new file gets.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temp_.c_str(), 0666 & ~mask);
}

PendingFile::~PendingFile() {
    if (!committed_) std::remove(temp_.c_str());
}

void PendingFile::commit() {
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw std::runtime_error(fmt::format("cannot write {}: {}", target_, std::strerror(errno)));
    committed_ = true;
}

}  // namespace bulletin
