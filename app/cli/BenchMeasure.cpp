#include "app/cli/BenchMeasure.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace gs::cli::bench {

namespace {

double seconds(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

double wallNow() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Reads all of fd.
std::string drain(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) out.append(buf, size_t(n));
    return out;
}

// "cpu wall value\n" / "error message" over a pipe from the child.
std::string encode(const Measurement& m) {
    if (!m.ok()) return "E" + m.error;
    std::ostringstream os;
    os.precision(17);
    os << "M" << m.cpuSeconds << ' ' << m.wallSeconds << ' ' << m.value;
    return os.str();
}

Measurement decode(const std::string& s) {
    Measurement m;
    if (s.empty()) {
        m.error = "the measuring process ended without a result";
        return m;
    }
    if (s[0] == 'E') {
        m.error = s.substr(1);
        return m;
    }
    std::istringstream is(s.substr(1));
    is >> m.cpuSeconds >> m.wallSeconds;
    std::getline(is >> std::ws, m.value);
    return m;
}

} // namespace

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

Measurement inChild(const std::function<Measurement()>& work) {
    int fds[2];
    if (pipe(fds) != 0) return Measurement{.error = std::string("pipe: ") + std::strerror(errno)};
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return Measurement{.error = std::string("fork: ") + std::strerror(errno)};
    }
    if (pid == 0) {
        close(fds[0]);
        Measurement m;
        try {
            m = work();
        } catch (const std::exception& e) {
            m.error = e.what();
        } catch (...) {
            m.error = "unknown error";
        }
        std::string msg = encode(m);
        (void)!write(fds[1], msg.data(), msg.size());
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    Measurement m = decode(drain(fds[0]));
    close(fds[0]);
    int status = 0;
    rusage ru{};
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    m.peakRssKiB = ru.ru_maxrss;
    if (m.ok() && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) m.error = "the measuring process failed";
    return m;
}

Measurement runProcess(const std::vector<std::string>& argv, bool captureStdout) {
    int fds[2] = {-1, -1};
    if (captureStdout && pipe(fds) != 0) return Measurement{.error = std::string("pipe: ") + std::strerror(errno)};
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    double t0 = wallNow();
    pid_t pid = fork();
    if (pid < 0) return Measurement{.error = std::string("fork: ") + std::strerror(errno)};
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(captureStdout ? fds[1] : devnull, 1);
        dup2(devnull, 2);
        if (captureStdout) {
            close(fds[0]);
            close(fds[1]);
        }
        execvp(args[0], args.data());
        _exit(127);
    }
    std::string out;
    if (captureStdout) {
        close(fds[1]);
        out = drain(fds[0]);
        close(fds[0]);
    }
    int status = 0;
    rusage ru{};
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    Measurement m;
    m.wallSeconds = wallNow() - t0;
    m.cpuSeconds = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    m.peakRssKiB = ru.ru_maxrss;
    m.value = out;
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        m.error = argv[0] + std::string(" exited with status ") +
                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return m;
}

Measurement best(int repeat, const std::function<Measurement()>& one) {
    Measurement b;
    long rss = 0;
    for (int i = 0; i < repeat; ++i) {
        Measurement m = one();
        if (!m.ok()) return m;
        rss = std::max(rss, m.peakRssKiB);
        if (!b.ok() || b.cpuSeconds < 0 || m.cpuSeconds < b.cpuSeconds) b = m;
    }
    b.peakRssKiB = rss;
    return b;
}

std::string selfExecutable() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("guardscope-cli") : p.string();
}

bool haveCommand(const std::string& name) {
    return runProcess({"sh", "-c", "command -v " + name}).ok();
}

std::string megabytes(long kib) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(kib) / 1024.0);
    return buf;
}

} // namespace gs::cli::bench
