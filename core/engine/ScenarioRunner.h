#pragma once
// Runs a scenario file through the interpreter with the torch modules and the engine installed,
// sending every event to a session sink. The one entry point the CLI, the GUI and tests use.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/engine/TorchRelease.h"
#include "core/runtime/Value.h"
#include "core/session/Session.h"

namespace gs::engine {

// --max-memory's default: a quarter of physical memory, at most 4 GiB (issue 12).
int64_t defaultMaxMemoryBytes();

struct RunLimits {
    int64_t maxSteps = 200'000'000;
    int maxDepth = 1000;
    int64_t maxTensorElements = 50'000'000;
    double maxSeconds = 120;
    // Resident memory the run may add to the process; <= 0: none. Checked before tensors are
    // allocated and every few milliseconds while the scenario runs.
    int64_t maxMemoryBytes = defaultMaxMemoryBytes();
};

struct RunOptions {
    uint64_t seed = 67280421310721ULL;  // torch.default_generator initial seed (like PyTorch)
    RunLimits limits;
    bool compileDisabled = false;       // torch.compile returns the function itself: nothing is compiled
    bool replayDisabled = false;        // entries are compiled and guarded as usual, but a cache hit runs
                                        // the Python function instead of replaying the graph (differential tests)
    bool verify = false;                // every replayed hit is also run eagerly and compared (stale entries
                                        // are reported and make the exit code 1)
    std::vector<std::string> logChannels; // TORCH_LOGS-style: recompiles, guards, dynamic, ...
    TorchRelease release = TorchRelease::newest();  // the PyTorch release emulated (--torch-version)
    std::function<void(std::string_view)> out;   // script output (print); default: stdout
    std::function<void(std::string_view)> logOut; // log channel text; default: stderr
    std::function<bool()> cancelled;    // polled; true stops the run
    // What every outermost compiled call returned, in call order (see EngineOptions::onResult).
    std::function<void(const runtime::Value&)> onResult;
};

struct RunResult {
    int exitCode = 0;                   // 0 ok; 1 uncaught exception or failed tests; 2 syntax error; 3 limit hit;
                                        // 5 no tests ran (unittest.main found none); else sys.exit's code
    std::string error;                  // formatted message for the user (file:line:col where known)
    int64_t testsPassed = 0, testsFailed = 0, testsSkipped = 0;
    int64_t staleHits = 0;              // --verify: hits whose replay disagreed with an eager run
    bool failedOnlyByStaleHits = false; // the run was fine but for them (exitCode 1 and `error` say so)
};

// Runs `source` (the text of `fileName`) as __main__.
RunResult runScenario(const std::string& fileName, const std::string& source, session::EventSink& sink,
                      const RunOptions& options = {});
RunResult runScenarioFile(const std::string& path, session::EventSink& sink, const RunOptions& options = {});

} // namespace gs::engine
