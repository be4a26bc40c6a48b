// pyrun: runs a scenario-language file through the runtime alone (no torch modules).
//   pyrun [--time] [--max-steps N] [--max-depth N] [--max-seconds S] FILE [ARGS...]
// Prints the program's output; uncaught exceptions print a Python-style traceback on stderr.
// Exit codes: 0 ok, 1 uncaught exception (or sys.exit(1)), 2 syntax error, 3 limit reached.
// --time prints "elapsed: N ms (cpu N ms)" on stderr after the run (tests/bench/py): wall time
// and this process's CPU time for the run itself (startup excluded).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/runtime/Interpreter.h"

int main(int argc, char** argv) {
    bool timeIt = false;
    gs::runtime::RuntimeLimits limits;
    limits.maxSteps = 2'000'000'000;
    limits.maxSeconds = 600;
    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--time") timeIt = true;
        else if (a == "--max-steps" && i + 1 < argc) limits.maxSteps = std::stoll(argv[++i]);
        else if (a == "--max-depth" && i + 1 < argc) limits.maxDepth = std::stoi(argv[++i]);
        else if (a == "--max-seconds" && i + 1 < argc) limits.maxSeconds = std::stod(argv[++i]);
        else if (a == "-h" || a == "--help") {
            std::puts("usage: pyrun [--time] [--max-steps N] [--max-depth N] [--max-seconds S] FILE [ARGS...]");
            return 0;
        } else break;
    }
    if (i >= argc) {
        std::fputs("pyrun: no file given (pyrun --help)\n", stderr);
        return 2;
    }
    std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "pyrun: can't open file '%s'\n", path.c_str());
        return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string out;
    gs::runtime::Interpreter interp;
    interp.limits() = limits;
    std::vector<std::string> args(argv + i, argv + argc);
    interp.setArgv(args);
    interp.setOutput([](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); });
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    int rc = interp.runMain(path, ss.str());
    std::clock_t c1 = std::clock();
    auto t1 = std::chrono::steady_clock::now();
    std::fflush(stdout);
    if (timeIt)
        std::fprintf(stderr, "elapsed: %.1f ms (cpu %.1f ms)\n", std::chrono::duration<double, std::milli>(t1 - t0).count(),
                     1000.0 * static_cast<double>(c1 - c0) / CLOCKS_PER_SEC);
    return rc;
}
