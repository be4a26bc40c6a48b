// `guardscope-cli reproduce (LOG | SESSION-ID) -o scenario.py`: writes a minimal scenario that
// reproduces the recompile chain of a recorded run (issue 13, item 3), then runs it in the
// engine and says whether the chain is the same (number of compiles, category of each recompile).
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "app/cli/Command.h"
#include "core/advisor/Reproducer.h"
#include "core/engine/ScenarioRunner.h"
#include "core/io/AtomicFile.h"
#include "core/store/SessionStore.h"
#include "core/trace/TraceReader.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

bool allDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos && s.size() < 19;
}

std::string chainText(const session::Session& s) {
    std::string out;
    auto chain = advisor::Reproducer::chain(s);
    for (size_t i = 0; i < chain.size(); ++i) out += (i ? ", " : "") + std::string(session::toString(chain[i]));
    return out.empty() ? "no recompiles" : out;
}

int reproduceCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    std::string out, db;
    opts.add_options()("help,h", "show this help")
        ("output,o", po::value<std::string>(&out), "the scenario file to write (`-` for standard output)")
        ("db", po::value<std::string>(&db), "history database for a SESSION-ID (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("no-check", "do not run the written scenario to compare its recompile chain with the log's")
        ("path", po::value<std::string>(), "TORCH_TRACE log or session id");
    po::positional_options_description pos;
    pos.add("path", 1);
    po::variables_map vm;
    if (!parseCommandLine("reproduce", args, opts, pos, vm)) return 2;
    if (vm.count("help") || !vm.count("path") || out.empty()) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli reproduce (LOG | SESSION-ID) -o scenario.py\n\n"
              "Writes a minimal scenario from a recorded run (a TORCH_TRACE log, or an imported session of\n"
              "the history): a function per compiled frame taking its guarded inputs, one call per compile\n"
              "with the sizes, values, types and objects that drove each recompile, and the run's config\n"
              "where the log has it. The scenario is then run in the engine and its recompile chain\n"
              "compared with the log's. Try fixes on it with `guardscope-cli fix scenario.py`.\n"
              "Exit code: 0 written and the chain is the same, 1 written but the chain differs (or it\n"
              "could not be run), 2 bad usage or an input that cannot be read.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }
    std::string input = vm["path"].as<std::string>();
    session::Session recorded;
    try {
        if (allDigits(input) && !std::filesystem::exists(input)) {
            auto st = store::SessionStore::open(databasePath(db), store::OpenMode::ReadOnly);
            if (!st->row(std::stoll(input))) {
                std::cerr << "guardscope-cli reproduce: no session " << input << " in " << st->path() << "\n";
                return 2;
            }
            recorded = st->load(std::stoll(input));
        } else {
            if (std::filesystem::is_directory(input)) {
                std::cerr << "guardscope-cli reproduce: " << input << " is a directory; give one rank's log file\n";
                return 2;
            }
            session::SessionBuilder b;
            trace::importTraceFile(input, b);
            recorded = b.take();
        }
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli reproduce: " << input << ": " << e.what() << "\n";
        return 2;
    }
    if (recorded.compiles.empty()) {
        std::cerr << "guardscope-cli reproduce: " << input << " has no compiles to reproduce\n";
        return 1;
    }
    advisor::Reproduction r = advisor::Reproducer::reproduce(recorded);
    if (out == "-") {
        std::cout << r.scenario;
    } else {
        try {
            io::writeFileAtomically(out, r.scenario);
        } catch (const std::exception& e) {
            std::cerr << "guardscope-cli reproduce: " << e.what() << "\n";
            return 2;
        }
    }
    std::ostream& report = out == "-" ? std::cerr : std::cout;
    for (const auto& n : r.notes) report << "note: " << n << "\n";
    if (vm.count("no-check")) return 0;
    session::SessionBuilder replay;
    engine::RunOptions ro;
    ro.out = [](std::string_view) {};
    ro.logOut = [](std::string_view) {};
    engine::RunResult run = engine::runScenario(out == "-" ? "reproduced.py" : out, r.scenario, replay, ro);
    session::Session replayed = replay.take();
    report << "log:        " << recorded.summary().compiles << " compiles; " << chainText(recorded) << "\n";
    report << "reproduced: " << replayed.summary().compiles << " compiles; " << chainText(replayed) << "\n";
    if (!run.error.empty()) {
        report << "the scenario ended with an error:\n" << run.error << "\n";
        return 1;
    }
    std::string diff = advisor::Reproducer::compareChains(recorded, replayed);
    if (!diff.empty()) {
        report << "not the same chain: " << diff << "\n";
        return 1;
    }
    report << "same recompile chain" << (out == "-" ? "" : " — try fixes with: guardscope-cli fix " + out) << "\n";
    return 0;
}

CommandRegistrar reg({"reproduce", "write a minimal scenario that reproduces a recorded run's recompiles (-o FILE)", reproduceCommand});

} // namespace
} // namespace gs::cli
