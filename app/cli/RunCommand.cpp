// `guardscope-cli run FILE`: runs a scenario through the engine, prints its output and, on
// request, TORCH_LOGS-style logs, a summary or the session as JSON; records it in the history.
#include <boost/program_options.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/Command.h"
#include "core/io/IoError.h"
#include "core/io/ReadFile.h"
#include "core/engine/ScenarioRunner.h"
#include "core/record/Recording.h"
#include "core/runtime/MemoryMeter.h"
#include "core/session/SessionJson.h"
#include "core/session/SummaryText.h"
#include "core/store/SessionStore.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ',' || c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (c != '+') {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The channels the engine writes (Engine::log); anything else would be accepted and print nothing,
// so a typo such as `--log recompile` is refused instead (PyTorch's TORCH_LOGS refuses unknown
// names too).
const std::vector<std::string> kLogChannels = {"recompiles", "recompiles_verbose", "guards", "dynamic", "graph_breaks",
                                               "trace_source"};

const char* kLogHelp =
    "TORCH_LOGS-style channels to print on stderr, comma separated: recompiles, recompiles_verbose, "
    "guards, dynamic, graph_breaks, trace_source (the recompile-limit warning is always printed)";

std::string unknownChannel(const std::vector<std::string>& channels) {
    for (const auto& c : channels)
        if (std::find(kLogChannels.begin(), kLogChannels.end(), c) == kLogChannels.end()) return c;
    return "";
}

// Limits that would make no sense are refused before anything runs (issue 12): a negative or
// NaN value, or 0 where 0 cannot mean "no limit". Returns the problem, empty when all are fine.
std::string limitProblem(const engine::RunOptions& ro, bool timeoutFromMaxSeconds) {
    const auto& l = ro.limits;
    if (l.maxSteps < 0) return "--max-steps must be 0 (no limit) or more, not " + std::to_string(l.maxSteps);
    if (l.maxDepth < 1) return "--max-depth must be at least 1, not " + std::to_string(l.maxDepth);
    if (l.maxTensorElements < 0)
        return "--max-tensor-elements must be 0 (no limit) or more, not " + std::to_string(l.maxTensorElements);
    const char* timeFlag = timeoutFromMaxSeconds ? "--max-seconds" : "--timeout";
    if (!std::isfinite(l.maxSeconds) || l.maxSeconds < 0) {
        std::ostringstream os;
        os << timeFlag << " must be a number of seconds, 0 (no limit) or more, not " << l.maxSeconds;
        return os.str();
    }
    return {};
}

int runCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    engine::RunOptions ro;
    std::string logs, db, seedText, memoryText, torchVersion;
    opts.add_options()("help,h", "show this help")
        ("seed", po::value<std::string>(&seedText)->default_value(std::to_string(ro.seed)),
         "seed of torch's default generator (0 to 2^64-1)")
        ("max-steps", po::value<int64_t>(&ro.limits.maxSteps)->default_value(ro.limits.maxSteps),
         "stop after this many interpreter steps (statements, loop iterations, calls; 0: no limit)")
        ("max-depth", po::value<int>(&ro.limits.maxDepth)->default_value(ro.limits.maxDepth), "maximum call depth")
        ("max-tensor-elements", po::value<int64_t>(&ro.limits.maxTensorElements)->default_value(ro.limits.maxTensorElements),
         "refuse to create a tensor with more elements (0: no limit)")
        ("max-memory", po::value<std::string>(&memoryText)->value_name("SIZE"),
         "stop the run when it has taken more memory than SIZE (e.g. 512M, 2G; default: a quarter of "
         "the machine's memory, at most 4G)")
        ("timeout", po::value<double>(&ro.limits.maxSeconds)->default_value(ro.limits.maxSeconds),
         "wall-time limit in seconds (0: none)")
        // The runtime's limit message says "raise it with --max-seconds" (the name shared with the
        // other limits and with pyrun), so that spelling must work here too.
        ("max-seconds", po::value<double>(), "the same as --timeout")
        ("log", po::value<std::string>(&logs), kLogHelp)
        ("torch-version", po::value<std::string>(&torchVersion),
         "the PyTorch release X.Y whose behaviour to emulate where releases differ (default: the newest)")
        ("summary", "print the per-frame summary (entries, hit counts, recompiles with reasons and fixes)")
        ("json", "write the whole session as JSON to standard output (script output goes to stderr)")
        ("no-compile", "run every compiled function eagerly (what the scenario does without torch.compile)")
        ("verify", "check every cache hit: also run the function eagerly on the same inputs and compare; a "
                   "difference is reported as a stale entry (a missing guard) and makes the exit code 1")
        ("no-record", "do not record the session in the history database")
        ("db", po::value<std::string>(&db), "history database (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("file", po::value<std::string>(), "scenario file (- for standard input)");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parseCommandLine("run", args, opts, pos, vm)) return 2;
    if (vm.count("help") || !vm.count("file")) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli run FILE [OPTIONS]\n\n"
              "Runs a scenario (Python source using torch.compile) through Guardscope's engine.\n"
              "TestCase scenarios print one line per test and end with `N passed, N failed`.\n"
              "Exit code: 0 ok, 1 failed tests or an uncaught exception, 2 syntax error or bad usage,\n"
              "3 a limit was reached, 4 the session could not be recorded in the history database\n"
              "(the message names the file and the cause; the run's own result is printed above it),\n"
              "5 no tests ran: the file runs its tests (unittest.main, run_tests) but none was found\n"
              "(as Python 3.12's unittest). With --verify, a stale cache entry also exits 1.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }
    if (vm.count("max-seconds")) {
        if (!vm["timeout"].defaulted()) {
            std::cerr << "guardscope-cli run: give either --timeout or --max-seconds, not both\n";
            return 2;
        }
        ro.limits.maxSeconds = vm["max-seconds"].as<double>();
    }
    {
        // Parsed here, not by program_options: it would take "-1" as 2^64-1.
        const char* b = seedText.data();
        const char* e = b + seedText.size();
        auto [end, ec] = std::from_chars(b, e, ro.seed);
        if (ec != std::errc() || end != e || seedText.empty()) {
            std::cerr << "guardscope-cli run: --seed must be a whole number from 0 to 18446744073709551615, not '"
                      << seedText << "'\n";
            return 2;
        }
    }
    if (vm.count("max-memory")) {
        const auto bytes = runtime::MemoryMeter::parseSize(memoryText);
        if (!bytes || *bytes <= 0) {
            std::cerr << "guardscope-cli run: --max-memory must be a size such as 512M or 2G (more than 0), not '"
                      << memoryText << "'\n";
            return 2;
        }
        ro.limits.maxMemoryBytes = *bytes;
    }
    if (std::string problem = limitProblem(ro, vm.count("max-seconds") > 0); !problem.empty()) {
        std::cerr << "guardscope-cli run: " << problem << "\n";
        return 2;
    }
    bool json = vm.count("json") > 0;
    ro.logChannels = splitList(logs);
    if (std::string bad = unknownChannel(ro.logChannels); !bad.empty()) {
        std::cerr << "guardscope-cli run: unknown log channel '" << bad << "' in --log; the channels are: recompiles, "
                     "recompiles_verbose, guards, dynamic, graph_breaks, trace_source\n";
        return 2;
    }
    if (!torchVersion.empty()) {
        auto release = engine::TorchRelease::parse(torchVersion);
        if (!release) {
            std::cerr << "guardscope-cli run: --torch-version " << torchVersion << ": expected a release X.Y from "
                      << engine::TorchRelease::oldest().str() << " to " << engine::TorchRelease::newest().str() << "\n";
            return 2;
        }
        ro.release = *release;
    }
    ro.compileDisabled = vm.count("no-compile") > 0;
    ro.verify = vm.count("verify") > 0;
    if (json) ro.out = [](std::string_view s) { std::cerr << s << std::flush; };

    std::unique_ptr<store::SessionStore> st;
    std::string recordError;
    bool openFailed = false;
    if (!vm.count("no-record")) {
        try {
            st = store::SessionStore::open(databasePath(db));
        } catch (const std::exception& e) {
            recordError = e.what();
            openFailed = true;
        }
    }
    record::RecordOptions recordOptions;
    recordOptions.store = st.get();
    // Recorded calls stream to the store and are not kept here (a run of millions of calls holds
    // no per-call memory); --json then reads them back page by page. Only an unrecorded run
    // with --json keeps them.
    recordOptions.keepCalls = json;
    recordOptions.dropStoredCalls = true;
    record::SessionRecorder recorder(recordOptions);
    if (recordError.empty() && !recorder.storeError().empty()) {
        recordError = recorder.storeError();
        openFailed = true;
    }
    if (openFailed) std::cerr << "guardscope-cli run: warning: not recording this session: " << recordError << "\n";
    const std::string file = vm["file"].as<std::string>();
    engine::RunResult r;
    if (file == "-") {  // the scenario on standard input, named <stdin> in messages and the history
        try {
            r = engine::runScenario("<stdin>", gs::io::readFile("/dev/stdin"), recorder.sink(), ro);
        } catch (const gs::io::IoError& e) {
            r.exitCode = 2;
            r.error = "<stdin>: error: cannot read the scenario (" + e.reason() + ")";
        }
    } else {
        r = engine::runScenarioFile(file, recorder.sink(), ro);
    }
    record::Recorded recorded = recorder.finish();
    const int64_t recordedId = recorded.sessionId;
    if (recordError.empty()) recordError = recorded.storeError;
    if (!r.error.empty()) std::cerr << r.error << (r.error.back() == '\n' ? "" : "\n");
    // The builder never learns the store id; the summary and the JSON name the session as
    // `sessions show ID` / `sessions export ID` will, so the two outputs are the same.
    const session::Summary summary = recorded.summary;
    session::Session s = std::move(recorded.session);
    if (recordedId > 0 && recordError.empty()) s.info.id = recordedId;
    if (vm.count("summary")) std::cout << session::SummaryText::render(s, summary);
    if (json && recordedId > 0) {
        if (!recordError.empty())
            std::cerr << "guardscope-cli run: the JSON holds only the calls recorded before the error\n";
        int64_t next = INT64_MIN;
        session::writeJson(std::cout, s, summary, [&] {
            auto page = st->calls(recordedId, next, 10'000);
            if (!page.empty()) next = page.back().index + 1;
            return page;
        });
        std::cout << "\n";
    } else if (json) {
        std::cout << session::toJson(s) << "\n";
    }
    if (!recordError.empty() && !openFailed) {
        std::cerr << "guardscope-cli run: the session could not be recorded completely: " << recordError << "\n";
    } else if (recordedId > 0 && !json) {
        std::cerr << "recorded as session " << recordedId << " in " << st->path() << "\n";
    }
    // A run that was not recorded is not a success: scripts that keep a history must notice.
    return recordError.empty() ? r.exitCode : kExitNotRecorded;
}

CommandRegistrar reg({"run", "run a scenario file through the engine (logs, --summary, --json)", runCommand});

} // namespace
} // namespace gs::cli
