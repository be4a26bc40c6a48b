// `guardscope-cli fix FILE`: tries fixes for a scenario's recompiles (issue 13). Each candidate
// is applied to a copy, re-run in the engine and judged; prints every recompile group with its
// candidates ranked by recompiles removed and their measured effect, or `--json`.
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "app/cli/Command.h"
#include "core/advisor/FixAdvisor.h"
#include "core/advisor/FixReportText.h"
#include "core/io/AtomicFile.h"
#include "core/io/ReadFile.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

int fixCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    advisor::AdvisorOptions ao;
    std::string out;
    opts.add_options()("help,h", "show this help")
        ("json", "write the report as JSON to standard output")
        ("max-trials", po::value<int>(&ao.maxTrials)->default_value(ao.maxTrials), "re-run at most this many candidate fixes")
        ("timeout", po::value<double>(&ao.trial.maxSeconds)->default_value(ao.trial.maxSeconds), "wall-time limit of each run in seconds")
        ("write-best", po::value<std::string>(&out), "write the scenario with the best proven fix applied to this file")
        ("file", po::value<std::string>(), "scenario file (- for standard input)");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parseCommandLine("fix", args, opts, pos, vm)) return 2;
    if (vm.count("help") || !vm.count("file")) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli fix FILE [--json] [OPTIONS]\n\n"
              "Finds fixes for a scenario's recompiles and proves them: each candidate edit (a line and its\n"
              "replacement, or a config line) is applied to a copy of the scenario and re-run in the engine.\n"
              "A fix is recommended only when its re-run has fewer compiles, no new error, no new graph\n"
              "break and the same results from every compiled call; failed candidates say what went wrong.\n"
              "The file itself is never changed. Exit code: 0 a fix was proven (or nothing to fix), 1 none\n"
              "was, 2 bad usage or a file that cannot be read or parsed.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }
    if (ao.maxTrials < 0 || !(ao.trial.maxSeconds >= 0)) {
        std::cerr << "guardscope-cli fix: --max-trials and --timeout must not be negative\n";
        return 2;
    }
    std::string file = vm["file"].as<std::string>();
    std::error_code ec;
    if (!out.empty() && (out == file || std::filesystem::equivalent(out, file, ec))) {
        std::cerr << "guardscope-cli fix: --write-best must name another file (the scenario is never overwritten)\n";
        return 2;
    }
    std::string text;
    try {
        if (file == "-") {  // the scenario on standard input, named <stdin> in the report
            text = io::readFile("/dev/stdin");
            file = "<stdin>";
        } else {
            text = io::readFile(file);
        }
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli fix: " << e.what() << "\n";
        return 2;
    }
    if (!vm.count("json"))
        ao.progress = [](int done, int total, const std::string& what) {
            if (done < total) std::cerr << "[" << done << "/" << total - 1 << "] " << what << "\n";
        };
    advisor::FixReport report = advisor::FixAdvisor::advise(file, text, ao);
    std::cout << (vm.count("json") ? advisor::FixReportText::json(report) : advisor::FixReportText::text(report));
    if (!report.error.empty()) return 2;
    const advisor::FixResult* best = report.best();
    if (!out.empty()) {
        if (!best) {
            std::cerr << "guardscope-cli fix: no proven fix to write\n";
            return 1;
        }
        try {
            io::writeFileAtomically(out, best->fixedSource);
        } catch (const std::exception& e) {
            std::cerr << "guardscope-cli fix: " << e.what() << "\n";
            return 1;
        }
    }
    return best || report.before.recompiles == 0 ? 0 : 1;
}

CommandRegistrar reg({"fix", "try fixes for a scenario's recompiles: re-run each, recommend what is proven (--json)", fixCommand});

} // namespace
} // namespace gs::cli
