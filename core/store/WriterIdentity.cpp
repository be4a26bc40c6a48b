#include "core/store/WriterIdentity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <fstream>
#include <sstream>

namespace gs::store {
namespace {

std::string readFirstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

} // namespace

std::string WriterIdentity::tokenOf(int64_t pid) {
    if (pid <= 0) return {};
    // /proc/PID/stat: "pid (comm) state ppid ... starttime(22nd field)"; comm may hold spaces
    // and parentheses, so parse from the last ')'.
    std::string stat = readFirstLine("/proc/" + std::to_string(pid) + "/stat");
    size_t close = stat.rfind(')');
    if (close == std::string::npos) return {};
    std::istringstream rest(stat.substr(close + 1));
    std::string field, state, start;
    rest >> state;
    if (state == "Z" || state == "X") return {};  // a zombie has already died
    for (int i = 4; i <= 22 && rest >> field; ++i)
        if (i == 22) start = field;
    if (start.empty()) return {};
    return readFirstLine("/proc/sys/kernel/random/boot_id") + "/" + start;
}

const WriterIdentity& WriterIdentity::self() {
    // Not cached across fork(): a forked child has a new pid, so compare before reusing.
    static thread_local WriterIdentity cached;
    const int64_t pid = getpid();
    if (cached.pid != pid) cached = WriterIdentity{hostName(), pid, tokenOf(pid)};
    return cached;
}

bool WriterIdentity::alive() const {
    if (pid <= 0) return false;
    if (host != self().host) return true;
    if (self().token.empty()) return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;  // no /proc
    const std::string now = tokenOf(pid);
    return !now.empty() && now == token;
}

} // namespace gs::store
