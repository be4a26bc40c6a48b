// measure: runs a command and reports how it ended, its peak resident memory and its wall
// time, so the robustness tests can assert "exit status below 128, bounded memory, stopped in
// time" without depending on /usr/bin/time.
//
//   measure REPORT_FILE TIMEOUT_SECONDS -- COMMAND [ARGS...]
//
// The command inherits stdin/stdout/stderr. REPORT_FILE gets one line:
//   status=N signal=S peak_kib=K seconds=T timed_out=0|1
// (status is the exit status, or 128+signal when killed; a command still running after
// TIMEOUT_SECONDS is killed with SIGKILL and reported as timed_out=1.) measure exits 0 unless it
// could not run the command.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 5 || std::strcmp(argv[3], "--") != 0) {
        std::fprintf(stderr, "usage: measure REPORT_FILE TIMEOUT_SECONDS -- COMMAND [ARGS...]\n");
        return 2;
    }
    const char* report = argv[1];
    const double timeout = std::atof(argv[2]);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("measure: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[4], argv + 4);
        std::fprintf(stderr, "measure: cannot run %s: %s\n", argv[4], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    bool timedOut = false;
    for (;;) {
        const pid_t r = wait4(pid, &status, WNOHANG, &usage);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) {
            std::perror("measure: wait4");
            return 2;
        }
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!timedOut && timeout > 0 && secs > timeout) {
            kill(pid, SIGKILL);
            timedOut = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    FILE* f = std::fopen(report, "w");
    if (!f) {
        std::perror("measure: report");
        return 2;
    }
    std::fprintf(f, "status=%d signal=%d peak_kib=%ld seconds=%.3f timed_out=%d\n", code, sig, usage.ru_maxrss, secs,
                 timedOut ? 1 : 0);
    std::fclose(f);
    return 0;
}
