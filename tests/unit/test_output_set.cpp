// support/output_set: outputs replaced all together or not at all, with
// no temporary file left, whatever fails — a write, a rename, a signal.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/output_set.hpp"
#include "support/signal_cleanup.hpp"
#include "temp_dir.hpp"

using namespace bulletin;
namespace fs = std::filesystem;

namespace {

using testing::TempDir;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

const OutputSet::Temp kBothKinds[] = {OutputSet::Temp::kUnnamedIfPossible, OutputSet::Temp::kNamed};

}  // namespace

TEST_CASE("commit replaces every target, an uncommitted set leaves nothing") {
    for (auto kind : kBothKinds) {
        TempDir dir;
        write(dir / "a.pdf", "old a");
        {
            OutputSet set({}, kind);
            set.add(dir / "a.pdf").write("new a");
            set.add(dir / "b.docx").write("new b");
            set.commit();
        }
        CHECK(read(dir / "a.pdf") == "new a");
        CHECK(read(dir / "b.docx") == "new b");
        CHECK(dir.names() == std::vector<std::string>{"a.pdf", "b.docx"});
        {
            OutputSet set({}, kind);
            set.add(dir / "a.pdf").write("newer a");
            set.add(dir / "c.pdf").write("c");
            // no commit: a failed render
        }
        CHECK(read(dir / "a.pdf") == "new a");
        CHECK(dir.names() == std::vector<std::string>{"a.pdf", "b.docx"});
    }
}

TEST_CASE("an output truncated while written (a writer starting over) keeps only what came after") {
    for (auto kind : kBothKinds) {
        TempDir dir;
        OutputSet set({}, kind);
        ByteSink& out = set.add(dir / "a.pdf");
        const std::string big(3u << 20, 'x');  // past the buffer: part of it is in the file
        out.write(big);
        out.truncate(4);
        out.write("yz");
        out.write("w");
        out.truncate(6);  // within what is still buffered
        set.commit();
        CHECK(read(dir / "a.pdf") == "xxxxyz");
    }
}

TEST_CASE("a replaced file keeps its permissions, a symbolic link is written through") {
    TempDir dir;
    write(dir / "a.pdf", "old");
    REQUIRE(::chmod((dir / "a.pdf").c_str(), 0640) == 0);
    fs::create_symlink("a.pdf", dir.path / "link.pdf");
    OutputSet set;
    set.add(dir / "link.pdf").write("new");
    set.commit();
    CHECK(read(dir / "a.pdf") == "new");
    CHECK(fs::is_symlink(dir.path / "link.pdf"));
    struct stat st {};
    REQUIRE(::stat((dir / "a.pdf").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
}

TEST_CASE("targets that cannot be written are refused before any work") {
    TempDir dir;
    fs::create_directory(dir.path / "folder.pdf");
    write(dir / "in.pdf", "the input");
    OutputSet set({dir / "in.pdf"});
    CHECK_THROWS_WITH(set.add(dir / "folder.pdf"), Catch::Contains("it is a folder"));
    CHECK_THROWS_WITH(set.add(dir / "missing/x.pdf"), Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(set.add(dir / "in.pdf"), Catch::Contains("which this render reads"));
    CHECK_THROWS_WITH(set.add(""), Catch::Contains("empty"));
    CHECK_THROWS_WITH(set.add(std::string(300, 'x') + ".pdf"), Catch::Contains("longer than"));
    set.add(dir / "x.pdf");
    CHECK_THROWS_WITH(set.add(dir / "./x.pdf"), Catch::Contains("same file as"));
    CHECK(read(dir / "in.pdf") == "the input");
}

TEST_CASE("a name as long as a file system allows still works") {
    TempDir dir;
    const std::string name = std::string(251, 'n') + ".pdf";  // 255 bytes
    OutputSet set;
    set.add(dir / name).write("long");
    set.commit();
    CHECK(read(dir / name) == "long");
    CHECK(dir.names() == std::vector<std::string>{name});
}

// renameat(2) that fails, as a full or failing disk can, for every file
// named b.docx.
int rename_failing_for_b(int from_dir, const char* from, int to_dir, const char* to) {
    if (std::string(to) == "b.docx") {
        errno = EIO;
        return -1;
    }
    return ::renameat(from_dir, from, to_dir, to);
}

TEST_CASE("a rename that fails puts back the outputs already replaced") {
    for (auto kind : kBothKinds) {
        TempDir dir;
        write(dir / "a.pdf", "old a");
        write(dir / "b.docx", "old b");
        OutputSet set({}, kind, rename_failing_for_b);
        set.add(dir / "a.pdf").write("new a");
        set.add(dir / "b.docx").write("new b");
        set.add(dir / "c.pdf").write("new c");
        CHECK_THROWS_WITH(set.commit(), Catch::Contains("cannot write") && Catch::Contains("b.docx: cannot replace it: "
                                                                                            "input/output error") &&
                                            Catch::Contains("every output was left as it was"));
        CHECK(read(dir / "a.pdf") == "old a");
        CHECK(read(dir / "b.docx") == "old b");
        CHECK(dir.names() == std::vector<std::string>{"a.pdf", "b.docx"});
    }
}

TEST_CASE("a target that appears after add() is kept, and a folder there refused, at commit") {
    TempDir dir;
    {
        OutputSet set({}, OutputSet::Temp::kUnnamedIfPossible, rename_failing_for_b);
        set.add(dir / "a.pdf").write("new a");
        set.add(dir / "b.docx").write("new b");
        write(dir / "a.pdf", "someone else's");  // another program, meanwhile
        CHECK_THROWS_WITH(set.commit(), Catch::Contains("every output was left as it was"));
        CHECK(read(dir / "a.pdf") == "someone else's");
        CHECK(dir.names() == std::vector<std::string>{"a.pdf"});
    }
    OutputSet set;
    set.add(dir / "c.pdf").write("new c");
    fs::create_directories(dir.path / "c.pdf" / "inside");
    CHECK_THROWS_WITH(set.commit(), Catch::Contains("it is now a folder"));
    CHECK(dir.names() == std::vector<std::string>{"a.pdf", "c.pdf"});
}

TEST_CASE("a full disk (here: the file-size limit) fails the commit and changes nothing") {
    TempDir dir;
    write(dir / "a.pdf", "old a");
    struct rlimit old {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 64 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    {
        auto render = [&] {
            OutputSet set;
            set.add(dir / "a.pdf").write(std::string(10 * 1024, 'a'));
            set.add(dir / "b.pdf").write(std::string(3 << 20, 'b'));
            set.commit();
        };
        CHECK_THROWS_WITH(render(), Catch::Contains("ulimit -f"));
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    CHECK(read(dir / "a.pdf") == "old a");
    CHECK(dir.names() == std::vector<std::string>{"a.pdf"});
}

TEST_CASE("a signal during the render removes named temporary files") {
    TempDir dir;
    write(dir / "a.pdf", "old a");
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        install_signal_cleanup();
        OutputSet set({}, OutputSet::Temp::kNamed);
        set.add(dir / "a.pdf").write(std::string(1 << 20, 'x'));
        set.add(dir / "b.pdf").write("b");
        ::raise(SIGTERM);
        ::_exit(0);  // not reached
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(read(dir / "a.pdf") == "old a");
    CHECK(dir.names() == std::vector<std::string>{"a.pdf"});
}
