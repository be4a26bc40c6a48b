// `guardscope-cli export SESSION_ID --torch-trace OUT.log`: writes a recorded session as a
// TORCH_TRACE log in PyTorch's format (readable by tlparse and by `guardscope-cli import`).
#include <boost/program_options.hpp>

#include <iostream>
#include <set>

#include "app/cli/Command.h"
#include "app/cli/StandardStreams.h"
#include "core/io/AtomicFile.h"
#include "core/store/SessionStore.h"
#include "core/trace/ChromeTrace.h"
#include "core/trace/TraceReader.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

// The compile timeline (issue 11 item 5): an imported log's chromium events, read page by page
// from the history, or spans made from the compiles.
void writeChromeTrace(store::SessionStore& st, int64_t id, const session::Session& s, const std::string& path) {
    trace::ChromeTrace timeline;
    const int64_t count = st.recordCount(id);
    for (int64_t next = 0; next < count;) {
        const auto page = st.records(id, next, 4096);
        if (page.empty()) break;
        for (const auto& r : page) timeline.addRecord(r);
        next = page.back().seq + 1;
    }
    io::writeFileAtomically(path, timeline.finish(s));
    if (timeline.skipped() > 0)
        std::cerr << "guardscope-cli export: note: " << timeline.skipped() << " chromium_event record(s) of the log are not JSON objects (cut lines); left out\n";
}

int exportCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    std::string db, out, chrome;
    int64_t id = 0;
    opts.add_options()("help,h", "show this help")
        ("torch-trace", po::value<std::string>(&out), "write a TORCH_TRACE log to this file (- for standard output)")
        ("chrome-trace", po::value<std::string>(&chrome), "write the compile timeline as Chrome trace JSON (ui.perfetto.dev) to this file")
        ("db", po::value<std::string>(&db), "history database (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("id", po::value<int64_t>(&id), "session id (see `guardscope-cli sessions list`)");
    po::positional_options_description pos;
    pos.add("id", 1);
    po::variables_map vm;
    if (!parseCommandLine("export", args, opts, pos, vm)) return 2;
    if (vm.count("help") || !vm.count("id") || (out.empty() && chrome.empty())) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli export SESSION_ID (--torch-trace OUT.log | --chrome-trace OUT.json) [--db PATH]\n\n"
              "Writes a recorded session as a TORCH_TRACE log. An imported log is written back as it\n"
              "was read, every record in its order. A scenario session is written as PyTorch logs a\n"
              "run: string table, dynamo_start, recompile_reasons, dynamo_output_graph,\n"
              "dynamo_cpp_guards_str, create_symbol, guard_added_fast and compilation_metrics records\n"
              "with MD5-checked payloads. (`guardscope-cli sessions export ID --json` writes JSON.)\n\n"
              "--chrome-trace writes the compile timeline for ui.perfetto.dev or chrome://tracing: an\n"
              "imported log's chromium_event records as PyTorch logged them; otherwise one `dynamo`\n"
              "span per compile (backend/inductor/code_gen nested when their times are known) and a\n"
              "`recompile` mark with the reason.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }
    auto st = store::SessionStore::open(databasePath(db), store::OpenMode::ReadOnly);
    if (!st->row(id)) {
        std::cerr << "guardscope-cli export: error: there is no session " << id << " in " << st->path()
                  << " (see `guardscope-cli sessions list`)\n";
        return 1;
    }
    // An imported log is written back verbatim, page by page from the history (issue 11/16).
    // A scenario's log names the calls that compiled (their arguments), not the hits: only those
    // are read, so a session of millions of calls exports without loading them (issue 15).
    const bool imported = st->recordCount(id) > 0;
    session::Session s = st->loadWithoutCalls(id);
    if (!imported) {
        std::set<int64_t> compiling;
        for (const auto& c : s.compiles)
            if (c.causedByCall >= 0) compiling.insert(c.causedByCall);
        for (int64_t index : compiling) {
            auto page = st->calls(id, index, 1);
            if (!page.empty() && page.front().index == index) s.calls.push_back(std::move(page.front()));
        }
    }
    auto write = [&](const std::string& path) {
        if (!imported) return trace::exportTorchTrace(s, path);
        int64_t next = 0;
        trace::exportTraceRecords([&] {
            auto page = st->records(id, next, 4096);
            if (!page.empty()) next = page.back().seq + 1;
            return page;
        }, path);
    };
    const bool toStdout = out == "-";  // the log goes to standard output, the report to standard error
    try {
        if (toStdout) {
            cli::TempFolder tmp;
            const std::string written = tmp.path() + "/export.log";
            write(written);
            cli::copyToStandardOutput(written);
        } else if (!out.empty()) {
            write(out);
        }
        if (!chrome.empty()) writeChromeTrace(*st, id, s, chrome);
    } catch (const std::runtime_error& e) {  // trace::TraceError, io::IoError, or the copy to standard output
        std::cerr << "guardscope-cli export: error: " << e.what() << "\n";
        return 1;
    }
    int64_t recompiles = 0;
    for (const auto& r : s.recompiles) recompiles += !r.limitHit;
    const std::string written = toStdout ? std::string("standard output") : out;
    (toStdout ? std::cerr : std::cout) << "wrote session " << id << " (" << s.frames.size() << " frames, " << s.compiles.size() << " compiles, " << recompiles
              << " recompiles) to " << (out.empty() ? chrome : chrome.empty() ? written : written + " and " + chrome) << "\n";
    return 0;
}

CommandRegistrar reg({"export", "write a recorded session as a TORCH_TRACE log (--torch-trace) or a Chrome trace (--chrome-trace)", exportCommand});

} // namespace
} // namespace gs::cli
