#include "core/engine/ScenarioRunner.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <new>
#include <sstream>
#include <thread>

#include "core/engine/Engine.h"
#include "core/torch/TorchBindings.h"
#include "core/io/IoError.h"
#include "core/io/ReadFile.h"
#include "core/lang/Diagnostic.h"
#include "core/tensor/Generator.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/MachineStack.h"
#include "core/runtime/MemoryMeter.h"
#include "core/tensor/ElementLimit.h"
#include "core/tensor/RunGuard.h"

namespace gs::engine {

namespace {

std::string nowIso() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

session::TestStatus toStatus(runtime::TestResult::Status s) {
    switch (s) {
    case runtime::TestResult::Status::Ok: return session::TestStatus::Pass;
    case runtime::TestResult::Status::Fail: return session::TestStatus::Fail;
    case runtime::TestResult::Status::Error: return session::TestStatus::Error;
    case runtime::TestResult::Status::Skipped: return session::TestStatus::Skip;
    }
    return session::TestStatus::Error;
}

// The run's limits inside the tensor library (issue 12): kernels poll between blocks, so
// --timeout and Cancel stop one long op; storages and scratch buffers are checked against
// --max-memory before they are allocated. Both throw the interpreter's LimitExceeded.
class InterpreterRunGuard : public tensor::RunGuard {
public:
    explicit InterpreterRunGuard(runtime::Interpreter& interp) : interp_(interp) {}
    void onPoll() override { interp_.checkInterrupts(); }
    void onAllocate(int64_t bytes) override { interp_.checkMemory(bytes); }

private:
    runtime::Interpreter& interp_;
};

// operator new failed (the machine or the address space is out of memory): note the scenario
// line for the message, then fail as usual. Process-wide, so it only notes, never decides.
void onAllocationFailure() {
    // (noteAllocationFailure guards against its own allocations failing in turn.)
    if (runtime::Interpreter* I = runtime::Interpreter::currentOrNull()) I->noteAllocationFailure();
    throw std::bad_alloc();
}

RunResult runScenarioHere(const std::string& fileName, const std::string& source, session::EventSink& sink,
                          const RunOptions& options);

} // namespace

int64_t defaultMaxMemoryBytes() { return runtime::MemoryMeter::defaultLimit(); }

RunResult runScenario(const std::string& fileName, const std::string& source, session::EventSink& sink,
                      const RunOptions& options) {
    // On a thread whose stack holds --max-depth nested calls (MachineStack): deep recursion
    // ends in a RecursionError, never in a stack overflow.
    RunResult result;
    runtime::MachineStack::runWithStack(runtime::MachineStack::sizeForDepth(options.limits.maxDepth),
                                        [&] { result = runScenarioHere(fileName, source, sink, options); });
    return result;
}

namespace {

RunResult runScenarioHere(const std::string& fileName, const std::string& source, session::EventSink& sink,
                          const RunOptions& options) {
    std::set_new_handler(&onAllocationFailure);
    RunResult result;
    session::SessionInfo info;
    info.kind = session::SessionKind::Scenario;
    std::string base = fileName.substr(fileName.rfind('/') == std::string::npos ? 0 : fileName.rfind('/') + 1);
    info.title = base;
    info.created = nowIso();
    info.sourcePath = fileName;
    info.sourceText = source;
    info.engineVersion = "guardscope-engine (emulates PyTorch " + options.release.str() + ")";
    info.metadata[std::string(session::kTorchVersionKey)] = options.release.str();

    runtime::Interpreter interp;
    runtime::InterpreterScope scope(interp);
    std::atomic<bool> cancel{false};
    auto& lim = interp.limits();
    lim.cancel = &cancel;
    std::string outBuf;
    auto out = options.out ? options.out : [](std::string_view s) { std::cout << s << std::flush; };
    interp.setOutput([&](std::string_view s) {
        out(s);
        // Script output is kept as a log channel of the session too.
        outBuf += s;
        size_t nl;
        while ((nl = outBuf.find('\n')) != std::string::npos) {
            sink.log({"output", "", -1, outBuf.substr(0, nl)});
            outBuf.erase(0, nl + 1);
        }
        if (options.cancelled && options.cancelled()) cancel = true;
    });
    auto err = options.logOut ? options.logOut : [](std::string_view s) { std::cerr << s << std::flush; };
    interp.setErrorOutput(err);

    torch::TorchContext ctx;
    try {
        torch::installTorch(interp, ctx);
    } catch (const std::exception& e) {  // a broken torch prelude must not take the host down
        result.exitCode = 1;
        result.error = std::string("internal error while installing the torch modules: ") + e.what();
        sink.beginSession(info);
        sink.log({"error", "", -1, result.error});
        sink.endSession(session::SessionStatus::Failed);
        return result;
    }
    EngineOptions eo;
    eo.compileDisabled = options.compileDisabled;
    eo.replayDisabled = options.replayDisabled;
    eo.verify = options.verify;
    eo.recordCalls = true;
    eo.logChannels = options.logChannels;
    eo.logOut = err;
    eo.onResult = options.onResult;
    eo.release = options.release;
    Engine engine(interp, ctx, sink, eo);
    engine.install();
    tensor::Generator::defaultGenerator().manualSeed(options.seed);
    info.configJson = engine.config.toJson();
    sink.beginSession(info);
    interp.setTestResultCallback([&](const runtime::TestResult& r) {
        sink.test({r.name, r.className, toStatus(r.status), r.message, r.file, r.line});
        if (r.status == runtime::TestResult::Status::Ok) ++result.testsPassed;
        else if (r.status == runtime::TestResult::Status::Skipped) ++result.testsSkipped;
        else ++result.testsFailed;
    });
    std::thread watchdog;
    std::atomic<bool> done{false};
    // Joined on every way out of this function (a joinable thread's destructor terminates).
    struct Joiner {
        std::thread& t;
        std::atomic<bool>& done;
        ~Joiner() {
            done = true;
            if (t.joinable()) t.join();
        }
    } joiner{watchdog, done};
    if (options.cancelled)
        watchdog = std::thread([&] {
            while (!done) {
                if (options.cancelled()) cancel = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    session::SessionStatus status = session::SessionStatus::Complete;
    // The user's limits apply to the scenario, not to installing our torch preludes.
    lim.maxSteps = options.limits.maxSteps;
    lim.maxDepth = options.limits.maxDepth;
    lim.maxSeconds = options.limits.maxSeconds;
    lim.maxTensorElements = options.limits.maxTensorElements;
    lim.maxMemoryBytes = options.limits.maxMemoryBytes;
    // The tensor library's own cap follows the run's (installTorch set it from the defaults;
    // 0 here means no limit, as the option's help says).
    tensor::ElementLimit::Scope elementLimit(options.limits.maxTensorElements > 0 ? options.limits.maxTensorElements
                                                                                  : std::numeric_limits<int64_t>::max());
    InterpreterRunGuard runGuard(interp);
    tensor::RunGuard::Scope runGuardScope(&runGuard);
    try {
        interp.runSource(fileName, source);
    } catch (const lang::SyntaxError& e) {
        result.exitCode = 2;
        result.error = e.what();
        status = session::SessionStatus::Failed;
    } catch (const runtime::LimitExceeded& e) {
        result.exitCode = 3;
        result.error = e.what();
        status = session::SessionStatus::Failed;
    } catch (const runtime::PyError& e) {
        if (auto limit = interp.limitOf(e)) {  // the depth limit's RecursionError, uncaught
            result.exitCode = 3;
            result.error = limit->what();
            status = session::SessionStatus::Failed;
        } else if (e.typeName() == "SystemExit") {
            // sys.exit() / unittest.main(): the exit code, no traceback (like python3).
            runtime::Value code = interp.getAttrOr(e.value(), "code", runtime::Value::none());
            result.exitCode = code.isNone() ? 0 : code.isIntLike() ? static_cast<int>(code.asInt()) : 1;
            // python3 prints a non-integer code (sys.exit("message")); an integer it does not.
            if (result.exitCode != 0 && !code.isIntLike() && result.testsFailed == 0) result.error = e.message();
        } else {
            result.exitCode = 1;
            result.error = e.formatTraceback();
            status = session::SessionStatus::Failed;
        }
    } catch (const std::bad_alloc&) {
        // The machine gave no more memory before --max-memory was reached: the same stop as
        // the limit, at the line that asked (noted by onAllocationFailure).
        const runtime::SourceLocation& at = interp.allocationFailure();
        result.exitCode = 3;
        result.error = (at.file.empty() ? fileName : at.file + ":" + std::to_string(at.line)) +
                       ": limit reached: out of memory: the machine could not give the run more memory (the run's "
                       "limit is " + runtime::MemoryMeter::formatSize(options.limits.maxMemoryBytes) +
                       "; lower it with --max-memory, or make the scenario smaller)";
        status = session::SessionStatus::Failed;
    } catch (const std::exception& e) {
        // Not the scenario's fault (e.g. out of memory): report it, keep what was recorded.
        result.exitCode = 1;
        result.error = std::string("internal error: ") + e.what();
        status = session::SessionStatus::Failed;
    }
    done = true;
    if (watchdog.joinable()) watchdog.join();
    if (!outBuf.empty()) sink.log({"output", "", -1, outBuf});
    if (!result.error.empty()) sink.log({"error", "", -1, result.error});
    if (result.exitCode == 0 && result.testsFailed > 0) result.exitCode = 1;
    // --verify: a stale entry is a wrong answer even when every test passed (issue 10).
    result.staleHits = engine.staleHits();
    if (result.exitCode == 0 && result.staleHits > 0) {
        result.exitCode = 1;
        result.failedOnlyByStaleHits = true;
        result.error = std::to_string(result.staleHits) + " stale cache " + (result.staleHits == 1 ? "hit" : "hits") +
                       " found by --verify (a compiled call returned what the eager call does not)";
    }
    engine.flushHits();
    sink.endSession(status);
    return result;
}

} // namespace

RunResult runScenarioFile(const std::string& path, session::EventSink& sink, const RunOptions& options) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        RunResult r;
        r.exitCode = 2;
        r.error = path + ": error: not a file (give a scenario .py file)";
        return r;
    }
    std::string source;
    try {
        source = io::readFile(path);
    } catch (const io::IoError& e) {
        // The operating system's reason: missing, no permission, too big, ...
        RunResult r;
        r.exitCode = 2;
        r.error = path + ": error: cannot open file (" + e.reason() + ")";
        return r;
    }
    return runScenario(path, source, sink, options);
}

} // namespace gs::engine
