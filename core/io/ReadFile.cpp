#include "core/io/ReadFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/io/IoError.h"

namespace gs::io {

std::string readFile(const std::string& path, int64_t maxBytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        throw IoError("cannot open '" + path + "': " + osReason(e), e, osReason(e));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        throw IoError("cannot read '" + path + "': " + osReason(e), e, osReason(e));
    }
    if (S_ISDIR(st.st_mode))
        throw IoError("cannot open '" + path + "': " + osReason(EISDIR), EISDIR, osReason(EISDIR));
    const std::string tooBig = "more than the " + std::to_string(maxBytes) + " bytes a file given here may have";
    if (S_ISREG(st.st_mode) && st.st_size > maxBytes)
        throw IoError("cannot read '" + path + "': it has " + tooBig, EFBIG, tooBig);
    std::string data;
    if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            throw IoError("cannot read '" + path + "': " + osReason(e), e, osReason(e));
        }
        if (static_cast<int64_t>(data.size()) + n > maxBytes)
            throw IoError("cannot read '" + path + "': it has " + tooBig, EFBIG, tooBig);
        data.append(buf, static_cast<size_t>(n));
    }
    return data;
}

} // namespace gs::io
