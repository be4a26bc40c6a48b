// libFuzzer target for guard soundness (issue 10): the input bytes choose a scenario
// (GuardScenario.h: a compiled function reading module state, called between random
// mutations of that state), which runs with --verify. A stale cache entry — a hit whose replay
// differs from running the function eagerly, i.e. a missing guard — aborts with the scenario
// printed. Other outcomes (tests of the runtime's own limits, exceptions) are not this target's
// subject; fuzz_interpreter covers crashes on arbitrary source.
//   fuzz_guards -max_total_time=600 -timeout=20 -max_len=256 SCRATCH
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "tests/fuzz/GuardScenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    gs::fuzz::ByteChoices in(data, size);
    std::string src = gs::fuzz::generateGuardScenario(in);
    gs::session::SessionBuilder sink;
    gs::engine::RunOptions o;
    o.verify = true;
    o.limits.maxSteps = 2'000'000;
    o.limits.maxTensorElements = 4096;
    o.limits.maxSeconds = 10;
    std::string stale;
    o.out = [](std::string_view) {};
    o.logOut = [&](std::string_view s) {
        if (s.rfind("stale entry", 0) == 0) stale += s;
    };
    gs::engine::RunResult r = gs::engine::runScenario("guards.py", src, sink, o);
    if (r.staleHits > 0) {
        std::fprintf(stderr, "%s\n---- scenario ----\n%s\n", stale.c_str(), src.c_str());
        std::abort();
    }
    return 0;
}
