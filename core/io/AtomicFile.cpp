#include "core/io/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "core/io/IoError.h"

namespace gs::io {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    if (target_.empty()) throw IoError("no file name given to write", 0);
    struct stat st {};
    const bool exists = ::stat(target_.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw IoError("cannot write '" + target_ + "': it is a folder; give the name of a file to write", EISDIR,
                      "it is a folder");
    // A symbolic link is written through: the file it points to is replaced (in its own folder,
    // so the rename stays atomic) and the link stays a link. Messages keep the name given.
    std::string writeTo = target_;
    if (exists) {
        std::error_code ec;
        const fs::path real = fs::canonical(target_, ec);
        if (!ec) writeTo = real.string();
    }
    const fs::path p(writeTo);
    const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::string hidden = p.filename().string();
    hidden.insert(0, 1, '.');  // (not "." + name: GCC 12 warns falsely, -Wrestrict)
    hidden += ".XXXXXX";
    std::string tmpl = (dir / hidden).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        const int e = errno;
        throw IoError("cannot write '" + target_ + "': " + osReason(e) +
                          (e == ENOENT ? " (its folder does not exist)" : ""),
                      e);
    }
    ::close(fd);
    temp_ = tmpl;
    final_ = writeTo;
    // mkstemp makes the file 0600: a file written over keeps its mode (an executable script stays
    // executable, a private file private); a new file gets the usual mode (0666 minus umask).
    mode_t mode = 0;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::chmod(temp_.c_str(), mode);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) failWith("write", errno);
}

AtomicFile::~AtomicFile() {
    if (!committed_) discard();
}

void AtomicFile::discard() noexcept {
    if (out_.is_open()) out_.close();
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::failWith(const std::string& doing, int errnum) {
    discard();
    committed_ = true;  // nothing left to clean up
    throw IoError("cannot " + doing + " '" + target_ + "': " + osReason(errnum ? errnum : EIO) +
                      "; the file was not changed",
                  errnum);
}

void AtomicFile::commit() {
    if (committed_) return;
    errno = 0;
    out_.flush();
    if (!out_) failWith("write", errno);
    out_.close();
    if (out_.fail()) failWith("write", errno);
    // The data must be on disk before the rename makes it visible, or a crash right after
    // could leave an empty target (ext4's auto_da_alloc covers only some cases).
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) failWith("write", errno);
    const int rc = ::fsync(fd);
    const int syncErr = errno;
    ::close(fd);
    if (rc != 0) failWith("write", syncErr);
    if (std::rename(temp_.c_str(), final_.c_str()) != 0) failWith("replace", errno);
    committed_ = true;
}

void writeFileAtomically(const std::string& target, std::string_view bytes) {
    AtomicFile f(target);
    f.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.commit();
}

} // namespace gs::io
