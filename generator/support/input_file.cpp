#include "support/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bulletin {

namespace {

std::string open_error(int err) {
    switch (err) {
        case ENOENT: return "does not exist";
        case EACCES: return "cannot be read: permission denied";
        case ENAMETOOLONG: return "cannot be read: the name is too long";
        case ENOTDIR: return "does not exist (a part of its path is not a folder)";
        case ELOOP: return "cannot be read: too many symbolic links";
        default: return fmt::format("cannot be read: {}", std::strerror(err));
    }
}

// Closes the descriptor however the read ends.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string file_kind(unsigned mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISREG(mode)) return "a file";
    return "something other than a file";
}

std::string human_size(std::uint64_t bytes) {
    if (bytes >= (1u << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1u << 20));
    if (bytes >= (1u << 10)) return fmt::format("{:.0f} KiB", static_cast<double>(bytes) / (1u << 10));
    return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

std::optional<std::string> read_input_file(const std::string& path, std::uint64_t limit, std::string& error) {
    if (path.empty()) {
        error = "is an empty file name";
        return std::nullopt;
    }
    // What it is, before opening: opening some devices does something.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = open_error(errno);
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        error = fmt::format("is {}, not a file", file_kind(st.st_mode));
        return std::nullopt;
    }
    // O_NONBLOCK: should it have become a FIFO meanwhile, opening it must
    // not wait for a writer. It has no effect on reading a regular file,
    // the only kind read below (checked again on what was opened).
    Fd f{::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)};
    if (f.fd < 0) {
        error = open_error(errno);
        return std::nullopt;
    }
    if (::fstat(f.fd, &st) != 0) {
        error = open_error(errno);
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        error = fmt::format("is {}, not a file", file_kind(st.st_mode));
        return std::nullopt;
    }
    auto too_big = [&] {
        error = fmt::format("is larger than the {} allowed", human_size(limit));
        return std::nullopt;
    };
    if (static_cast<std::uint64_t>(st.st_size) > limit) return too_big();
    std::string data;
    // Room for the size stat gave and the read that finds the end: a file
    // that does not change is read without growing the buffer (a copy).
    data.reserve(static_cast<std::size_t>(st.st_size) + 65536);
    data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    // The file may grow or shrink while it is read: read until end of file,
    // never past the limit.
    for (;;) {
        if (got == data.size()) {
            if (data.size() > limit) return too_big();
            data.resize(std::min<std::uint64_t>(limit + 1, data.size() + 65536));
        }
        ssize_t n = ::read(f.fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = errno == EISDIR ? "is a folder, not a file" : fmt::format("cannot be read: {}", std::strerror(errno));
            return std::nullopt;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > limit) return too_big();
    data.resize(got);
    return data;
}

}  // namespace bulletin
