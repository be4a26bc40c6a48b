// The guard-soundness generator without libFuzzer (issue 10): runs the scenarios that seeds
// FIRST, FIRST+1, ... choose (random bytes from a seeded generator, GuardScenario.h) with
// --verify until COUNT scenarios ran or SECONDS passed, and reports how many hits were checked
// and which scenarios had stale entries (a missing guard) or failed otherwise. Scenarios with
// findings are written to DIR (default: the current directory) as stale-<seed>.py /
// error-<seed>.py, ready for `guardscope-cli run FILE --verify`.
//   guard_fuzz_runner [--first N] [--count N] [--seconds S] [--out DIR] [--quiet]
// Exit code: 0 no stale entry, 1 at least one, 2 bad usage.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "tests/fuzz/GuardScenario.h"

int main(int argc, char** argv) {
    uint64_t first = 1, count = 100;
    double seconds = 0;
    std::string out = ".";
    bool quiet = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "guard_fuzz_runner: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--first") first = std::strtoull(next(), nullptr, 10);
        else if (a == "--count") count = std::strtoull(next(), nullptr, 10);
        else if (a == "--seconds") seconds = std::strtod(next(), nullptr), count = UINT64_MAX;
        else if (a == "--out") out = next();
        else if (a == "--quiet") quiet = true;
        else {
            std::fprintf(stderr, "usage: guard_fuzz_runner [--first N] [--count N] [--seconds S] [--out DIR] [--quiet]\n");
            return 2;
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
        std::fprintf(stderr, "guard_fuzz_runner: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    uint64_t ran = 0, staleRuns = 0, errors = 0, checkedHits = 0, staleHits = 0, calls = 0;
    for (uint64_t seed = first; ran < count; ++seed) {
        if (seconds > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >= seconds) break;
        std::mt19937_64 rng(seed);
        std::vector<uint8_t> bytes(512);
        for (auto& b : bytes) b = static_cast<uint8_t>(rng());
        gs::fuzz::ByteChoices in(bytes.data(), bytes.size());
        std::string src = gs::fuzz::generateGuardScenario(in);
        gs::session::SessionBuilder sink;
        gs::engine::RunOptions o;
        o.verify = true;
        o.limits.maxSteps = 2'000'000;
        o.limits.maxTensorElements = 4096;
        o.limits.maxSeconds = 20;
        std::string log;
        o.out = [](std::string_view) {};
        o.logOut = [&](std::string_view s) { log += s; };
        gs::engine::RunResult r = gs::engine::runScenario("guards-" + std::to_string(seed) + ".py", src, sink, o);
        ++ran;
        const gs::session::Session& s = sink.session();
        for (const auto& c : s.calls) {
            ++calls;
            checkedHits += c.verified;
            staleHits += !c.stale.empty();
        }
        bool stale = r.staleHits > 0;
        bool error = !stale && r.exitCode != 0;
        if (!stale && !error) continue;
        (stale ? staleRuns : errors) += 1;
        std::string path = out + "/" + (stale ? "stale-" : "error-") + std::to_string(seed) + ".py";
        std::ofstream(path) << src;
        if (!quiet) {
            std::string first = stale ? log.substr(log.find("stale entry")) : r.error;
            if (first.size() > 400) first = first.substr(0, 400) + "...";
            std::printf("seed %llu: %s -> %s\n%s\n", static_cast<unsigned long long>(seed), stale ? "STALE" : "error", path.c_str(),
                        first.c_str());
        }
    }
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%llu scenarios in %.1f s (%llu compiled calls, %llu hits checked against eager runs): %llu with stale entries "
                "(%llu stale hits), %llu with other errors\n",
                static_cast<unsigned long long>(ran), took, static_cast<unsigned long long>(calls),
                static_cast<unsigned long long>(checkedHits), static_cast<unsigned long long>(staleRuns),
                static_cast<unsigned long long>(staleHits), static_cast<unsigned long long>(errors));
    return staleRuns > 0 ? 1 : 0;
}
