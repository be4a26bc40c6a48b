// `guardscope-cli import FILE|DIR`: reads TORCH_TRACE logs (plain, .gz, .zst; a directory of
// dedicated_log_torch_trace_rank_N*.log files gives one session per rank), records them in the
// history and prints a summary like tlparse's, with the problems counted per kind at the end.
#include <boost/program_options.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/Command.h"
#include "app/cli/StandardStreams.h"
#include "core/record/Recording.h"
#include "core/session/SessionJson.h"
#include "core/store/SessionStore.h"
#include "core/trace/TraceReader.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

// Counts what the summary prints without holding the session (imports stay flat in memory).
class CountingSink : public session::EventSink {
public:
    void beginSession(const session::SessionInfo& i) override { info_ = i; }
    void updateInfo(const session::SessionInfo& i) override { info_ = i; }
    void frame(const session::Frame&) override { ++frames_; }
    void compile(const session::CompileEntry& c) override {
        if (c.status == session::EntryStatus::Ok) ++compiles_;
        else if (c.status == session::EntryStatus::Failed) ++failed_;
        else ++limitHits_;
    }
    void recompile(const session::Recompile& r) override {
        if (r.limitHit) return;
        ++recompiles_;
        if (!r.reasons.empty()) ++byCategory_[std::string(session::toString(r.reasons.front().category))];
    }
    void shapeEvent(const session::ShapeEvent&) override { ++shapeEvents_; }
    void log(const session::LogLine& l) override {
        if (l.channel == "graph_breaks") ++graphBreaks_;
    }
    void endSession(session::SessionStatus s) override { info_.status = s; }
    session::SessionStatus status() const { return info_.status; }

    std::string render(const trace::ImportReport& r) const {
        std::ostringstream os;
        auto md = [&](const char* k) {
            auto it = info_.metadata.find(k);
            return it == info_.metadata.end() ? std::string() : it->second;
        };
        os << info_.title;
        if (!md("rank").empty()) os << "  (rank " << md("rank") << ")";
        os << "\n  file        " << info_.sourcePath << "\n  read        " << r.lines << " lines, " << r.records << " records, "
           << std::fixed << std::setprecision(1) << double(r.bytes) / 1e6 << " MB\n";
        os << "  frames      " << frames_ << "\n  compiles    " << compiles_ << " ok";
        if (failed_) os << ", " << failed_ << " failed";
        if (limitHits_) os << ", " << limitHits_ << " at the recompile limit";
        if (!md("restarts").empty() && md("restarts") != "0") os << ", " << md("restarts") << " restarted after a graph break";
        os << "\n  recompiles  " << recompiles_;
        const char* sep = ": ";
        for (const auto& [k, n] : byCategory_) {
            os << sep << k << " " << n;
            sep = ", ";
        }
        os << "\n";
        if (shapeEvents_) os << "  shape events " << shapeEvents_ << "\n";
        if (graphBreaks_) os << "  graph breaks " << graphBreaks_ << "\n";
        if (!r.unknownEvents.empty()) {
            os << "  unknown events (kept)";
            sep = ": ";
            for (const auto& [k, n] : r.unknownEvents) {
                os << sep << k << " " << n;
                sep = ", ";
            }
            os << "\n";
        }
        int64_t total = 0;
        for (const auto& [k, n] : r.problems) total += n;
        os << "  problems    " << (total == 0 ? std::string("none") : std::to_string(total));
        sep = ": ";
        for (const auto& [k, n] : r.problems) {
            os << sep << k << " " << n;
            sep = ", ";
        }
        os << "\n";
        for (size_t i = 0; i < r.warnings.size() && i < 10; ++i) os << "    " << r.warnings[i] << "\n";
        if (r.warnings.size() > 10) os << "    ... " << r.warnings.size() - 10 << " more in the session's log\n";
        return os.str();
    }

private:
    session::SessionInfo info_;
    int64_t frames_ = 0, compiles_ = 0, failed_ = 0, limitHits_ = 0, recompiles_ = 0, shapeEvents_ = 0, graphBreaks_ = 0;
    std::map<std::string, int64_t> byCategory_;
};

int importCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    std::string db;
    opts.add_options()("help,h", "show this help")
        ("db", po::value<std::string>(&db), "history database (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("json", "write the imported session(s) as JSON to standard output (a list for a directory)")
        ("strict", "any unreadable part of the log is an error (exit code 1)")
        ("no-record", "do not record the session(s) in the history database")
        ("path", po::value<std::string>(), "TORCH_TRACE file or directory (- for standard input)");
    po::positional_options_description pos;
    pos.add("path", 1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli import: " << e.what() << "\nRun `guardscope-cli import --help` for the options.\n";
        return 2;
    }
    if (vm.count("help") || !vm.count("path")) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli import FILE|DIR [OPTIONS]\n\n"
              "Imports PyTorch TORCH_TRACE structured logs (TORCH_TRACE=<dir> python ...): a .log file,\n"
              "plain, .gz or .zst, or a directory of dedicated_log_torch_trace_rank_N*.log files (one\n"
              "session per rank, grouped). Prints frames, compiles and recompiles by category, and what\n"
              "could not be read, per kind. Exit code: 0 imported, 1 unreadable input (or a problem\n"
              "under --strict), 2 bad usage, 4 imported but not recorded in the history database.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }
    const bool json = vm.count("json") > 0;
    trace::ImportOptions io;
    io.strict = vm.count("strict") > 0;

    std::unique_ptr<store::SessionStore> st;
    bool notRecorded = false;  // exit kExitNotRecorded: a session that should be kept was not
    if (!vm.count("no-record")) {
        try {
            st = store::SessionStore::open(databasePath(db));
        } catch (const std::exception& e) {
            notRecorded = true;
            std::cerr << "guardscope-cli import: warning: not recording: " << e.what() << "\n";
        }
    }
    record::RecordOptions recordOptions;
    recordOptions.store = st.get();
    recordOptions.keepSession = json;  // imports stay flat in memory unless the JSON is wanted
    std::vector<std::unique_ptr<CountingSink>> counts;  // one per file, what the summary prints
    std::string path = vm["path"].as<std::string>();
    std::unique_ptr<cli::TempFolder> spool;  // `-`: the log on standard input, spooled (plain, .gz or .zst)
    if (path == "-") {
        try {
            spool = std::make_unique<cli::TempFolder>();
            path = spool->path() + "/stdin.log";
            cli::spoolStandardInput(path);
        } catch (const std::exception& e) {
            std::cerr << "guardscope-cli import: error: " << e.what() << "\n";
            return 1;
        }
    }
    record::ImportRecording imported = record::recordImport(path, io, recordOptions, [&](const std::string&) {
        counts.push_back(std::make_unique<CountingSink>());
        return counts.back().get();
    });
    if (spool)  // messages name what the user gave, not the spool file
        for (size_t at; (at = imported.error.find(path)) != std::string::npos;) imported.error.replace(at, path.size(), "<stdin>");
    if (!imported.error.empty()) {
        std::cerr << "guardscope-cli import: error: " << imported.error << "\n";
        if (!imported.sessions.empty()) {
            const record::Recorded& last = imported.sessions.back();
            if (last.recorderStarted && last.storeError.empty() && last.sessionId > 0)
                std::cerr << "  what was read before the error is kept as session " << last.sessionId << " (status "
                          << session::toString(counts.back()->status()) << ") in " << st->path() << "\n";
        }
        return 1;
    }
    std::vector<std::string> notes;
    for (const record::Recorded& r : imported.sessions) {
        if (!r.storeError.empty()) {
            notRecorded = true;
            notes.push_back("  not recorded completely: " + r.storeError + "\n");
        } else if (r.recorderStarted) {
            notes.push_back("  recorded as session " + std::to_string(r.sessionId) + " in " + st->path() + "\n");
        } else {
            notes.emplace_back();
        }
    }
    const auto& reports = imported.reports;
    std::ostream& out = json ? std::cerr : std::cout; // --json keeps stdout for the JSON
    for (size_t i = 0; i < counts.size() && i < reports.size(); ++i) out << counts[i]->render(reports[i]) << notes[i];
    // The builder never learns the store id: name the session as `sessions export ID` will (as run does).
    auto jsonOf = [](record::Recorded& r) {
        if (r.storedId > 0) r.session.info.id = r.storedId;
        return session::toJson(r.session);
    };
    if (json) {
        auto& sessions = imported.sessions;
        if (sessions.size() == 1) std::cout << jsonOf(sessions[0]) << "\n";
        else {
            std::cout << "[";
            for (size_t i = 0; i < sessions.size(); ++i) std::cout << (i ? ",\n" : "\n") << jsonOf(sessions[i]);
            std::cout << "\n]\n";
        }
    }
    return notRecorded ? kExitNotRecorded : 0;
}

CommandRegistrar reg({"import", "import TORCH_TRACE logs (file or per-rank directory) as sessions", importCommand});

} // namespace
} // namespace gs::cli
