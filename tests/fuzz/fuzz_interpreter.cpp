// libFuzzer target: lexer + parser + interpreter + torch bindings + engine on arbitrary source,
// under tight limits (steps, depth, tensor elements, time). Any outcome is fine except a crash,
// a sanitizer report, a hang or an exception escaping as something other than the documented
// ones (SyntaxError, PyError, LimitExceeded are caught by runScenario itself).
// Seed it with the scenarios themselves rather than copies:
//   fuzz_interpreter -dict=tests/fuzz/python.dict -max_total_time=600 SCRATCH tests/fuzz/corpus \
//     tests/scenarios resources/demos
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;
    std::string src(reinterpret_cast<const char*>(data), size);
    gs::session::SessionBuilder sink;
    gs::engine::RunOptions o;
    o.limits.maxSteps = 20000;
    o.limits.maxDepth = 60;
    o.limits.maxTensorElements = 4096;
    o.limits.maxSeconds = 2;
    o.limits.maxMemoryBytes = int64_t{256} << 20;
    o.out = [](std::string_view) {};
    o.logOut = [](std::string_view) {};
    gs::engine::runScenario("fuzz.py", src, sink, o);
    return 0;
}
