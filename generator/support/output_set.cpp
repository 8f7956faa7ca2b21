#include "support/output_set.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <tuple>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/input_file.hpp"
#include "support/signal_cleanup.hpp"

namespace bulletin {

namespace {

// What a clerk can act on, for the errors a write or rename can meet.
std::string reason(int err) {
    switch (err) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EFBIG: return "the file would be larger than this program may write (see ulimit -f)";
        case EROFS: return "the disk is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        case EIO: return "input/output error (a failing disk or network drive)";
        default: return std::strerror(err);
    }
}

// ".bulletin-3f9a0c1d2b.tmp": short, so that any target name still fits,
// hidden, and unlikely to meet another's.
std::string random_name(const char* suffix) {
    static std::mt19937_64 rng{std::random_device{}()};
    return fmt::format(".bulletin-{:016x}{}", rng(), suffix);
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// A copy of `name` as `copy` in the same folder, with its permissions (and,
// as root, its owner), for a file system without hard links. Returns false
// with errno set.
bool copy_file(int dir_fd, const std::string& name, const std::string& copy, const struct stat& old) {
    int in = ::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return false;
    int out = ::openat(dir_fd, copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        ::close(in);
        errno = e;
        return false;
    }
    char buf[1 << 16];
    bool ok = true;
    for (;;) {
        ssize_t n = ::read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        if (!write_all(out, buf, static_cast<std::size_t>(n))) {
            ok = false;
            break;
        }
    }
    int e = ok ? 0 : errno;
    if (ok) {
        ::fchmod(out, old.st_mode & 07777);
        if (::geteuid() == 0) (void)!::fchown(out, old.st_uid, old.st_gid);
        if (::fsync(out) != 0) {
            ok = false;
            e = errno;
        }
    }
    ::close(in);
    if (::close(out) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) ::unlinkat(dir_fd, copy.c_str(), 0);
    errno = e;
    return ok;
}

}  // namespace

struct OutputSet::Output final : ByteSink {
    std::string target;  // as given, for messages
    std::string dir;     // its folder, as given
    std::string name;    // the file's name in its folder
    int dir_fd = -1;
    dev_t dir_dev = 0;
    ino_t dir_ino = 0;
    int fd = -1;
    bool unnamed = false;     // O_TMPFILE: no name until commit
    std::string temp_name;    // the temporary file's name, while it has one
    int cleanup_slot = -1;
    bool existed = false;
    struct stat old {};       // the file being replaced
    std::string backup_name;  // its backup during commit
    bool keep_backup = false; // the backup could not be put back: it stays
    std::string buffer;        // not yet written
    std::uint64_t written = 0; // bytes in the file

    ~Output() override {
        if (fd >= 0) ::close(fd);
        if (!temp_name.empty()) ::unlinkat(dir_fd, temp_name.c_str(), 0);
        if (!backup_name.empty() && !keep_backup) ::unlinkat(dir_fd, backup_name.c_str(), 0);
        unregister_cleanup(cleanup_slot);
        if (dir_fd >= 0) ::close(dir_fd);
    }

    [[noreturn]] void fail(int err) const {
        throw OutputError(fmt::format("cannot write {}: {}", target, reason(err)));
    }

    void write(std::string_view bytes) override {
        buffer.append(bytes);
        if (buffer.size() >= (1u << 20)) flush();
    }

    void flush() {
        if (!write_all(fd, buffer.data(), buffer.size())) fail(errno);
        written += buffer.size();
        buffer.clear();
    }

    void truncate(std::uint64_t size) override {
        if (size >= written) {
            if (size - written < buffer.size()) buffer.resize(size - written);
            return;
        }
        buffer.clear();
        if (::ftruncate(fd, static_cast<off_t>(size)) != 0 || ::lseek(fd, static_cast<off_t>(size), SEEK_SET) < 0)
            fail(errno);
        written = size;
    }
};

OutputSet::OutputSet(std::vector<std::string> inputs, Temp temp, RenameFn rename)
    : inputs_(std::move(inputs)), temp_(temp), rename_(rename ? rename : ::renameat) {}

OutputSet::~OutputSet() = default;

ByteSink& OutputSet::add(const std::string& target) {
    namespace fs = std::filesystem;
    auto refuse = [&](const std::string& why) -> OutputError {
        return OutputError(fmt::format("cannot write {}: {}", target, why));
    };
    if (target.empty()) throw OutputError("an output file name is empty");
    auto out = std::make_unique<Output>();
    out->target = target;

    // A symbolic link is written through: the file it points to is replaced.
    std::string resolved = target;
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        char* real = ::realpath(target.c_str(), nullptr);
        if (!real) throw refuse("it is a symbolic link to a file that does not exist");
        resolved = real;
        std::free(real);
    }
    const fs::path path(resolved);
    out->name = path.filename().string();
    if (out->name.empty() || out->name == "." || out->name == "..")
        throw refuse("it names a folder, not a file");
    if (out->name.size() > NAME_MAX)
        throw refuse(fmt::format("the file name is longer than the {} bytes a name may have", NAME_MAX));
    const std::string dir = path.has_parent_path() ? path.parent_path().string() : std::string(".");
    out->dir = dir;
    out->dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (out->dir_fd < 0) {
        if (errno == ENOENT) throw refuse(fmt::format("the folder {} does not exist", dir));
        if (errno == ENOTDIR) throw refuse(fmt::format("{} is not a folder", dir));
        throw refuse(fmt::format("cannot open the folder {}: {}", dir, reason(errno)));
    }
    struct stat dir_st {};
    if (::fstat(out->dir_fd, &dir_st) != 0) throw refuse(reason(errno));
    out->dir_dev = dir_st.st_dev;
    out->dir_ino = dir_st.st_ino;
    for (const auto& other : outputs_)
        if (other->dir_dev == out->dir_dev && other->dir_ino == out->dir_ino && other->name == out->name)
            throw refuse(fmt::format("it is the same file as {}: give each output once", other->target));

    if (::fstatat(out->dir_fd, out->name.c_str(), &st, 0) == 0) {
        if (!S_ISREG(st.st_mode)) throw refuse(fmt::format("it is {}", file_kind(st.st_mode)));
        out->existed = true;
        out->old = st;
        for (const auto& input : inputs_) {
            struct stat in {};
            if (::stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino)
                throw refuse(fmt::format("it is {}, which this render reads", input));
        }
    } else if (errno != ENOENT) {
        throw refuse(reason(errno));
    }

    // The temporary file, in the target's folder so that rename() can
    // replace the target. Unnamed if the file system can (and /proc lets
    // us name it at commit), so that not even SIGKILL leaves it behind.
    if (temp_ == Temp::kUnnamedIfPossible && ::access("/proc/self/fd", X_OK) == 0) {
        out->fd = ::openat(out->dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (out->fd >= 0) out->unnamed = true;
        else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
            throw refuse(fmt::format("cannot create a file in {}: {}", dir, reason(errno)));
    }
    for (int attempt = 0; out->fd < 0 && attempt < 100; ++attempt) {
        SignalBlock block;  // created and registered for cleanup as one step
        std::string name = random_name(".tmp");
        out->fd = ::openat(out->dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (out->fd >= 0) {
            out->temp_name = name;
            out->cleanup_slot = register_cleanup(out->dir_fd, name);
            if (out->cleanup_slot < 0)  // the destructor removes the file
                throw refuse(fmt::format("more than {} outputs at once", kMaxCleanupFiles));
        } else if (errno != EEXIST) {
            throw refuse(fmt::format("cannot create a file in {}: {}", dir, reason(errno)));
        }
    }
    if (out->fd < 0) throw refuse(fmt::format("cannot create a temporary file in {}", dir));
    outputs_.push_back(std::move(out));
    return *outputs_.back();
}

void OutputSet::commit() {
    if (committed_) throw std::logic_error("OutputSet committed twice");
    // 1. Every byte on the disk before anything is replaced.
    for (auto& o : outputs_) {
        o->flush();
        if (o->existed) {
            ::fchmod(o->fd, o->old.st_mode & 07777);
            if (::geteuid() == 0) (void)!::fchown(o->fd, o->old.st_uid, o->old.st_gid);
        }
        if (::fsync(o->fd) != 0) o->fail(errno);
    }

    // 2. No other render replacing the same files at the same time: one
    // lock per folder, taken in a fixed order so that two renders cannot
    // wait for each other (and while a signal can still stop the wait).
    std::vector<Output*> folders;
    for (auto& o : outputs_)
        if (std::none_of(folders.begin(), folders.end(),
                         [&](Output* f) { return f->dir_dev == o->dir_dev && f->dir_ino == o->dir_ino; }))
            folders.push_back(o.get());
    std::sort(folders.begin(), folders.end(),
              [](Output* a, Output* b) { return std::tie(a->dir_dev, a->dir_ino) < std::tie(b->dir_dev, b->dir_ino); });
    for (Output* f : folders)
        while (::flock(f->dir_fd, LOCK_EX) != 0 && errno == EINTR) {
        }
    // (A lock that cannot be taken — some network file systems — is done without.)
    // From here to the end, no signal cuts the replacement in two.
    SignalBlock block;

    // Undoes step 4 for outputs [0, replaced): the old files back. Says
    // which could not be put back (their backups then stay).
    auto roll_back = [&](std::size_t replaced) {
        std::string lost;
        for (std::size_t j = 0; j < replaced; ++j) {
            Output& o = *outputs_[j];
            if (o.backup_name.empty()) {
                if (!o.existed) ::unlinkat(o.dir_fd, o.name.c_str(), 0);
            } else if (::renameat(o.dir_fd, o.backup_name.c_str(), o.dir_fd, o.name.c_str()) == 0) {
                o.backup_name.clear();
            } else {
                o.keep_backup = true;
                lost += fmt::format("; {} could not be put back ({}): the old file is {}/{}", o.target,
                                    reason(errno), o.dir, o.backup_name);
            }
        }
        return lost;
    };
    // Everything back as it was, nothing of ours left, and the error. Runs
    // with the signals still blocked, so no signal can leave a file behind.
    auto fail = [&](const Output& o, const std::string& why, std::size_t replaced) {
        const std::string lost = roll_back(replaced);
        for (auto& other : outputs_) {
            if (!other->temp_name.empty()) ::unlinkat(other->dir_fd, other->temp_name.c_str(), 0);
            other->temp_name.clear();
            if (!other->backup_name.empty() && !other->keep_backup) {
                ::unlinkat(other->dir_fd, other->backup_name.c_str(), 0);
                other->backup_name.clear();
            }
        }
        throw OutputError(fmt::format("cannot write {}: {}{}", o.target, why,
                                      lost.empty() ? "; every output was left as it was" : lost));
    };
    auto failed = [](const char* what) { return fmt::format("{}: {}", what, reason(errno)); };

    // 3. Names for the unnamed files, and backups of the files they replace.
    for (auto& o : outputs_) {
        for (int attempt = 0; o->unnamed && o->temp_name.empty() && attempt < 100; ++attempt) {
            std::string name = random_name(".tmp");
            std::string self = fmt::format("/proc/self/fd/{}", o->fd);
            if (::linkat(AT_FDCWD, self.c_str(), o->dir_fd, name.c_str(), AT_SYMLINK_FOLLOW) == 0)
                o->temp_name = name;
            else if (errno != EEXIST)
                fail(*o, failed("cannot name the new file"), 0);
        }
        if (o->temp_name.empty()) fail(*o, "cannot name the new file", 0);
        // Whether the target exists is asked again under the lock: another
        // program may have made or removed it since add().
        struct stat now {};
        if (::fstatat(o->dir_fd, o->name.c_str(), &now, 0) == 0) {
            if (!S_ISREG(now.st_mode)) fail(*o, fmt::format("it is now {}", file_kind(now.st_mode)), 0);
            o->existed = true;
            o->old = now;
        } else if (errno == ENOENT) {
            o->existed = false;
        } else {
            fail(*o, failed("cannot look at the old file"), 0);
        }
        for (int attempt = 0; o->existed && o->backup_name.empty() && attempt < 100; ++attempt) {
            std::string name = random_name(".bak");
            if (::linkat(o->dir_fd, o->name.c_str(), o->dir_fd, name.c_str(), 0) == 0 ||
                ((errno == EPERM || errno == EOPNOTSUPP || errno == EMLINK || errno == EXDEV) &&
                 copy_file(o->dir_fd, o->name, name, o->old)))
                o->backup_name = name;
            else if (errno != EEXIST)
                fail(*o, failed("cannot keep the old file while replacing it"), 0);
        }
    }

    // 4. The renames, each atomic; a failure puts back those before it.
    for (std::size_t k = 0; k < outputs_.size(); ++k) {
        Output& o = *outputs_[k];
        if (rename_(o.dir_fd, o.temp_name.c_str(), o.dir_fd, o.name.c_str()) != 0)
            fail(o, failed("cannot replace it"), k);
        o.temp_name.clear();
        unregister_cleanup(o.cleanup_slot);
        o.cleanup_slot = -1;
    }

    // 5. The folders' new entries on the disk too; then the backups go.
    for (Output* f : folders)
        if (::fsync(f->dir_fd) != 0 && errno != EINVAL) fail(*f, failed("cannot save the folder"), outputs_.size());
    for (auto& o : outputs_)
        if (!o->backup_name.empty()) {
            ::unlinkat(o->dir_fd, o->backup_name.c_str(), 0);
            o->backup_name.clear();
        }
    for (Output* f : folders) ::flock(f->dir_fd, LOCK_UN);
    committed_ = true;
}

}  // namespace bulletin
