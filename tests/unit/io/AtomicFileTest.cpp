// Atomic writes and file reads with the operating system's reason (issue 12, "Messages": exports
// are atomic, nothing is left behind on failure; open errors give the OS reason).
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/io/AtomicFile.h"
#include "core/io/IoError.h"
#include "core/io/ReadFile.h"

namespace fs = std::filesystem;
using namespace gs::io;

namespace {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "gs-io-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Names in the folder other than `except` (what a failed write may have left behind).
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path_)) out.push_back(e.path().filename().string());
        return out;
    }

private:
    fs::path path_;
};

std::string bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const IoError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(AtomicFile, ReplacesTheTargetAndLeavesNothingElse) {
    TempDir d;
    const std::string t = d.file("out.json");
    writeFileAtomically(t, "old");
    writeFileAtomically(t, "new content");
    EXPECT_EQ(bytesOf(t), "new content");
    EXPECT_EQ(d.entries(), std::vector<std::string>{"out.json"});
}

TEST(AtomicFile, AWriteThatIsNotCommittedLeavesTheOldFileAndNoTemporary) {
    TempDir d;
    const std::string t = d.file("out.json");
    writeFileAtomically(t, "old");
    try {
        AtomicFile f(t);
        f.stream() << "half of the new";
        EXPECT_TRUE(fs::exists(f.tempPath()));
        throw std::runtime_error("the exporter failed half-way");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(bytesOf(t), "old");
    EXPECT_EQ(d.entries(), std::vector<std::string>{"out.json"});
}

TEST(AtomicFile, AFolderAsTargetIsRefusedAndLeftAlone) {
    TempDir d;
    fs::create_directory(d.file("DIR"));
    const std::string err = messageOf([&] { writeFileAtomically(d.file("DIR"), "x"); });
    EXPECT_NE(err.find("cannot write '" + d.file("DIR") + "': it is a folder"), std::string::npos) << err;
    EXPECT_EQ(d.entries(), std::vector<std::string>{"DIR"}) << "no DIR.part or temporary left";
    EXPECT_TRUE(fs::is_empty(d.file("DIR")));
}

TEST(AtomicFile, AMissingFolderGivesTheOperatingSystemsReason) {
    TempDir d;
    const std::string err = messageOf([&] { writeFileAtomically(d.file("no/such/out.json"), "x"); });
    EXPECT_NE(err.find("No such file or directory"), std::string::npos) << err;
    EXPECT_NE(err.find(d.file("no/such/out.json")), std::string::npos) << err;
}

// A full disk, simulated with a file-size limit (RLIMIT_FSIZE; SIGXFSZ ignored so the write
// fails with EFBIG instead of killing the process), in a child so the limit stays there.
TEST(AtomicFile, AFullDiskLeavesTheOldFileAndNoTemporary) {
    TempDir d;
    const std::string t = d.file("big.log");
    writeFileAtomically(t, "the previous export");
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        rlimit lim{64 * 1024, 64 * 1024};
        setrlimit(RLIMIT_FSIZE, &lim);
        try {
            writeFileAtomically(t, std::string(1 << 20, 'x'));
            _exit(1);  // it claimed success
        } catch (const IoError& e) {
            _exit(std::string(e.what()).find("the file was not changed") != std::string::npos ? 0 : 2);
        }
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the failed write was reported as success; 2: wrong message";
    EXPECT_EQ(bytesOf(t), "the previous export");
    EXPECT_EQ(d.entries(), std::vector<std::string>{"big.log"});
}

TEST(ReadFile, MissingFileAndFolderGiveTheReason) {
    TempDir d;
    try {
        readFile(d.file("nope.py"));
        FAIL() << "no error";
    } catch (const IoError& e) {
        EXPECT_EQ(e.reason(), "No such file or directory");
        EXPECT_NE(std::string(e.what()).find(d.file("nope.py")), std::string::npos);
    }
    fs::create_directory(d.file("dir"));
    try {
        readFile(d.file("dir"));
        FAIL() << "no error";
    } catch (const IoError& e) {
        EXPECT_EQ(e.reason(), "Is a directory");
    }
}

TEST(ReadFile, ReadsEveryByteAndRefusesMoreThanItsCap) {
    TempDir d;
    std::string bytes(100000, 'a');
    bytes[5] = '\0';
    writeFileAtomically(d.file("f"), bytes);
    EXPECT_EQ(readFile(d.file("f")), bytes);
    try {
        readFile(d.file("f"), 1000);
        FAIL() << "no error";
    } catch (const IoError& e) {
        EXPECT_NE(e.reason().find("more than the 1000 bytes"), std::string::npos) << e.what();
    }
}

// The editor saves the user's scenario through AtomicFile (issue 12, "the editor never destroys
// a file"): a script's permission bits survive the save, and a symbolic link stays a link to
// the file it named, which gets the new text.
TEST(AtomicFile, KeepsThePermissionBitsOfTheFileItReplaces) {
    TempDir d;
    const std::string path = d.file("run.py");
    writeFileAtomically(path, "old\n");
    ASSERT_EQ(::chmod(path.c_str(), 0750), 0);
    writeFileAtomically(path, "new\n");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0750u);
    EXPECT_EQ(bytesOf(path), "new\n");
}

TEST(AtomicFile, WritesThroughASymbolicLink) {
    TempDir d;
    fs::create_directory(d.file("real"));
    const std::string real = d.file("real/scenario.py");
    writeFileAtomically(real, "old\n");
    const std::string link = d.file("link.py");
    fs::create_symlink("real/scenario.py", link);
    writeFileAtomically(link, "new\n");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link), fs::path("real/scenario.py"));
    EXPECT_EQ(bytesOf(real), "new\n");
    EXPECT_EQ(d.entries().size(), 2u);  // link.py and real/: no temporary left anywhere
    EXPECT_EQ(std::distance(fs::directory_iterator(d.file("real")), fs::directory_iterator()), 1);
}
