// `guardscope-cli import FILE|DIR`: reads TORCH_TRACE logs (plain, .gz, .zst; a directory of
// dedicated_log_torch_trace_rank_N*.log files gives one session per rank), records them in the
// history and prints a summary like tlparse's, with the problems counted per kind at the end.
#include <boost/program_options.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "app/cli/Command.h"
#include "app/cli/StandardStreams.h"
#include "core/record/Recording.h"
#include "core/session/RankOverview.h"
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

    std::string render(const trace::ImportReport& r, bool recorded) const {
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
        // a compile without compilation_metrics (a cut log, a crash, a log of artifacts only) did
        // not fail as far as the log says: it is incomplete (tlparse: "metrics missing")
        int64_t incomplete = 0;
        if (const std::string n = md("incomplete_compiles"); !n.empty() && n.find_first_not_of("0123456789") == std::string::npos && n.size() < 12)
            incomplete = std::min<int64_t>(std::stoll(n), failed_);
        if (failed_ > incomplete) os << ", " << failed_ - incomplete << " failed";
        if (incomplete) os << ", " << incomplete << " incomplete (no compilation_metrics)";
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
        // what the log holds beyond the model: kept verbatim, shown as artifacts, never dropped
        std::string kept;
        for (const auto& [k, v] : info_.metadata)
            if (k.rfind("kept.", 0) == 0) kept += (kept.empty() ? "" : ", ") + k.substr(5) + " " + v;
        if (!kept.empty()) os << "  kept as-is  " << kept << "\n";
        // name count, name count ... after a title; nothing when empty
        auto countsLine = [&os](const char* title, const std::map<std::string, int64_t>& counts) {
            if (counts.empty()) return;
            os << title;
            const char* between = ": ";
            for (const auto& [k, n] : counts) {
                os << between << k << " " << n;
                between = ", ";
            }
            os << "\n";
        };
        countsLine("  unknown events (kept)", r.unknownEvents);
        countsLine("  unknown envelope fields (records read without them)", r.unknownFields);
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
        if (r.warnings.size() > 10)
            os << "    ... " << r.warnings.size() - 10 << (recorded ? " more in the session's log\n" : " more (--json lists every one in logs)\n");
        return os.str();
    }

private:
    session::SessionInfo info_;
    int64_t frames_ = 0, compiles_ = 0, failed_ = 0, limitHits_ = 0, recompiles_ = 0, shapeEvents_ = 0, graphBreaks_ = 0;
    std::map<std::string, int64_t> byCategory_;
};

// The sinks of one imported file, beside the recording: the summary's counts and the rank profile.
struct Target {
    CountingSink counts;
    session::RankProfile profile;
    session::TeeSink tee;
};

int importCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    std::string db;
    opts.add_options()("help,h", "show this help")
        ("db", po::value<std::string>(&db), "history database (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("json", "write the imported session as JSON to standard output; for a directory {\"ranks\": [...], \"divergence\": [...]}")
        ("strict", "any unreadable part of the log is an error (exit code 1)")
        ("no-record", "do not record the session(s) in the history database")
        ("path", po::value<std::string>(), "TORCH_TRACE file or directory (- for standard input)");
    po::positional_options_description pos;
    pos.add("path", 1);
    po::variables_map vm;
    if (!parseCommandLine("import", args, opts, pos, vm)) return 2;
    if (vm.count("help") || !vm.count("path")) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli import FILE|DIR [OPTIONS]\n\n"
              "Imports PyTorch TORCH_TRACE structured logs (TORCH_TRACE=<dir> python ...): a .log file,\n"
              "plain, .gz or .zst, or a directory of dedicated_log_torch_trace_rank_N*.log files (one\n"
              "session per rank, grouped). Prints frames, compiles and recompiles by category, what was\n"
              "kept as-is and what could not be read, per kind; for a directory also the ranks that\n"
              "diverge from a strict majority (or that the ranks differ, when none has one) in their\n"
              "compiles, recompile reasons, graphs, cache results, collective schedules and tensor\n"
              "metadata, and Inductor's estimated runtime of each compile on each rank. A rank\n"
              "file that cannot be read is reported and the other ranks are still imported. With\n"
              "--json, a log that stops early (a cut .gz or .zst) still gives the JSON of what was read.\n"
              "Exit code: 0 imported, 1 unreadable input (for a directory: any rank file; or a\n"
              "problem under --strict), 2 bad usage, 4 imported but not recorded in the history\n"
              "database.\n\n"
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
    recordOptions.keepSession = json;   // imports stay flat in memory unless the JSON is wanted
    recordOptions.keepRecords = false;  // the JSON names records, it does not hold them
    std::vector<std::unique_ptr<Target>> targets;  // one per file, what the summary prints
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
        auto t = std::make_unique<Target>();
        t->tee.add(&t->counts);
        t->tee.add(&t->profile);
        targets.push_back(std::move(t));
        return &targets.back()->tee;
    });
    if (spool)  // messages name what the user gave, not the spool file
        for (size_t at; (at = imported.error.find(path)) != std::string::npos;) imported.error.replace(at, path.size(), "<stdin>");
    // The builder never learns the store id: name the session as `sessions export ID` will (as run does).
    auto jsonOf = [](record::Recorded& r) {
        if (r.storedId > 0) r.session.info.id = r.storedId;
        return session::toJson(r.session);
    };
    if (!imported.error.empty()) {
        std::cerr << "guardscope-cli import: error: " << imported.error << "\n";
        if (!imported.sessions.empty()) {
            record::Recorded& last = imported.sessions.back();
            const session::SessionStatus status = targets.back()->counts.status();
            if (last.recorderStarted && last.storeError.empty() && last.sessionId > 0)
                std::cerr << "  what was read before the error is kept as session " << last.sessionId << " (status "
                          << session::toString(status) << ") in " << st->path() << "\n";
            // a log cut short (interrupted) or damaged midway (failed): the JSON of what was read
            if (json && status != session::SessionStatus::Running) std::cout << jsonOf(last) << "\n";
        }
        return 1;
    }
    std::vector<std::string> notes;
    for (const record::Recorded& r : imported.sessions) {
        if (!r.storeError.empty()) {
            notRecorded = true;
            notes.push_back("  not recorded completely: " + r.storeError + "\n");
        } else if (r.recorderStarted && r.sessionId > 0) {
            notes.push_back("  recorded as session " + std::to_string(r.sessionId) + " in " + st->path() + "\n");
        } else {
            notes.emplace_back();  // not recording, or nothing could be read: no session
        }
    }
    const auto& reports = imported.reports;
    std::ostream& out = json ? std::cerr : std::cout; // --json keeps stdout for the JSON
    const bool folder = reports.size() > 1 || (!reports.empty() && reports[0].path != path);
    bool rankFailed = false;
    std::vector<session::RankProfile> profiles;
    for (size_t i = 0; i < targets.size() && i < reports.size() && i < imported.sessions.size(); ++i) {
        const trace::ImportReport& r = reports[i];
        Target& t = *targets[i];
        t.profile.rank = r.rank;
        t.profile.path = r.path;
        t.profile.error = r.error;
        if (imported.sessions[i].storedId > 0) t.profile.sessionId = imported.sessions[i].storedId;
        if (!r.error.empty()) {
            // a bad rank file does not stop the others (issue 11 item 3): say what happened to it
            rankFailed = true;
            out << r.path << "  (rank " << r.rank << ")\n  error: " << r.error << "\n" << notes[i];
        } else {
            out << t.counts.render(r, imported.sessions[i].storedId > 0) << notes[i];
        }
        profiles.push_back(t.profile);
    }
    const std::vector<session::Divergence> divergences = session::RankOverview::divergences(profiles);
    const std::vector<session::GraphRuntime> runtimes = session::RankOverview::runtimes(profiles);
    if (folder) {
        out << "ranks       " << profiles.size() << (rankFailed ? " (some could not be imported)" : "") << "\n";
        if (divergences.empty()) out << "divergence  none: every rank compiled the same\n";
        for (const auto& d : divergences) out << "divergence  " << d.aspect << ": " << d.detail << "\n";
        // Inductor's runtime estimates per compile across the ranks (tlparse's graph runtime analysis)
        for (const auto& g : runtimes) {
            out << "runtime     " << g.compileId << ": ";
            for (size_t k = 0; k < g.ranks.size(); ++k) out << (k ? ", " : "") << "rank " << g.ranks[k].first << " " << session::RankOverview::millis(g.ranks[k].second) << " ms";
            if (g.ranks.size() > 1)
                out << " (delta " << session::RankOverview::millis(g.deltaMs()) << " ms: fastest rank " << g.fastestRank << ", slowest rank " << g.slowestRank << ")";
            out << "\n";
        }
    }
    if (json && !folder) {
        if (!imported.sessions.empty()) std::cout << jsonOf(imported.sessions[0]) << "\n";
    } else if (json) {
        auto ints = [](const std::vector<int64_t>& v) {
            std::string s = "[";
            for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
            return s + "]";
        };
        std::cout << "{\"ranks\": [";
        for (size_t i = 0; i < profiles.size(); ++i) {
            const session::RankProfile& p = profiles[i];
            std::cout << (i ? ",\n" : "\n") << "{\"rank\": " << p.rank << ", \"file\": " << session::jsonQuoted(p.path)
                      << ", \"session_id\": " << p.sessionId << ", \"status\": "
                      << session::jsonQuoted(p.error.empty() ? session::toString(p.status) : "not_imported")
                      << ", \"error\": " << session::jsonQuoted(p.error) << ",\n\"summary\": {\"compiles\": " << p.compiles
                      << ", \"recompiles\": " << p.recompiles << ", \"failures\": " << p.failures << ", \"limit_hits\": " << p.limitHits
                      << ", \"cache_hits\": " << p.cacheHits << ", \"cache_misses\": " << p.cacheMisses
                      << ", \"compile_time_s\": " << p.compileTimeS << ", \"estimated_runtime_ms\": "
                      << (p.runtimeMs < 0 ? std::string("null") : session::RankOverview::millis(p.runtimeMs)) << "},\n\"session\": ";
            // a rank whose file could not be read at all has no session
            if (targets[i]->counts.status() == session::SessionStatus::Running && !p.error.empty()) std::cout << "null";
            else std::cout << jsonOf(imported.sessions[i]);
            std::cout << "}";
        }
        std::cout << "\n], \"divergence\": [";
        for (size_t i = 0; i < divergences.size(); ++i) {
            const auto& d = divergences[i];
            std::cout << (i ? ",\n" : "\n") << "{\"aspect\": " << session::jsonQuoted(d.aspect) << ", \"ranks\": " << ints(d.ranks)
                      << ", \"majority\": " << ints(d.majority)
                      << ", \"no_majority\": " << (d.noMajority ? "true" : "false") << ", \"detail\": " << session::jsonQuoted(d.detail) << "}";
        }
        std::cout << "\n], \"runtime\": [";
        for (size_t i = 0; i < runtimes.size(); ++i) {
            const auto& g = runtimes[i];
            std::cout << (i ? ",\n" : "\n") << "{\"compile_id\": " << session::jsonQuoted(g.compileId) << ", \"ranks\": [";
            for (size_t k = 0; k < g.ranks.size(); ++k)
                std::cout << (k ? ", " : "") << "{\"rank\": " << g.ranks[k].first << ", \"estimated_ms\": " << session::RankOverview::millis(g.ranks[k].second) << "}";
            std::cout << "], \"fastest_rank\": " << g.fastestRank << ", \"slowest_rank\": " << g.slowestRank
                      << ", \"delta_ms\": " << session::RankOverview::millis(g.deltaMs()) << "}";
        }
        std::cout << "\n]}\n";
    }
    if (rankFailed) return 1;
    return notRecorded ? kExitNotRecorded : 0;
}

CommandRegistrar reg({"import", "import TORCH_TRACE logs (file or per-rank directory) as sessions", importCommand});

} // namespace
} // namespace gs::cli
