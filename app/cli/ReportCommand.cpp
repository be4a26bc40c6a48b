// `guardscope-cli report (SESSION_ID | LOG | DIR) -o OUTDIR`: the static HTML report of a
// recorded session, of a TORCH_TRACE log or of a folder of rank logs (issue 11 item 4).
#include <boost/program_options.hpp>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/cli/Command.h"
#include "core/io/AtomicFile.h"
#include "core/io/IoError.h"
#include "core/record/Recording.h"
#include "core/report/SessionReport.h"
#include "core/store/SessionStore.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace gs::cli {
namespace {

// Writes one file of a report being built in a folder nobody sees yet (no sync per file: the
// folder becomes visible by one rename when every file is written).
void writePlain(const fs::path& target, const std::string& bytes) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        const int err = errno;
        throw io::IoError(target.string() + ": cannot write: " + io::osReason(err), err, io::osReason(err));
    }
}

bool isId(const std::string& s) {
    return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string::npos;
}

int reportCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    std::string db, out, what;
    opts.add_options()("help,h", "show this help")
        ("output,o", po::value<std::string>(&out), "folder to write the report into (created; must be empty unless --overwrite)")
        ("overwrite", "write into a folder that already has files (the report's own files are replaced, others left alone)")
        ("db", po::value<std::string>(&db), "history database for a SESSION_ID (default: $XDG_DATA_HOME/guardscope/sessions.db)")
        ("input", po::value<std::string>(&what), "SESSION_ID, TORCH_TRACE log (.log, .gz, .zst) or folder of rank logs");
    po::positional_options_description pos;
    pos.add("input", 1);
    po::variables_map vm;
    if (!parseCommandLine("report", args, opts, pos, vm)) return 2;
    if (vm.count("help") || what.empty() || out.empty()) {
        std::ostream& os = vm.count("help") ? std::cout : std::cerr;
        os << "Usage: guardscope-cli report (SESSION_ID | LOG | DIR) -o OUTDIR [--db PATH] [--overwrite]\n\n"
              "Writes a static HTML report to send to a teammate: OUTDIR/index.html (summary, why it\n"
              "recompiled, recompile chains with fixes, where the compiles come from) and one page per\n"
              "compile (reasons, guard diff, guard tree, graph, symbols, stack, metrics, cache lookups,\n"
              "artifacts). A folder of rank logs gives one index of the ranks and where they disagree,\n"
              "and each rank's pages under rank-N/. No scripts, no network: open index.html anywhere.\n\n"
           << opts;
        return vm.count("help") ? 0 : 2;
    }

    std::vector<session::Session> sessions;
    std::error_code ec;
    if (isId(what) && !fs::exists(what, ec)) {
        auto st = store::SessionStore::open(databasePath(db), store::OpenMode::ReadOnly);
        const int64_t id = std::stoll(what);
        if (!st->row(id)) {
            std::cerr << "guardscope-cli report: error: there is no session " << id << " in " << st->path()
                      << " (see `guardscope-cli sessions list`)\n";
            return 1;
        }
        sessions.push_back(st->load(id));
    } else {
        if (!fs::exists(what, ec)) {
            std::cerr << "guardscope-cli report: error: " << what << ": no such file or folder (nor a session id)\n";
            return 1;
        }
        record::RecordOptions options;  // in memory only: a report does not change the history
        record::ImportRecording imported = record::recordImport(what, {}, options);
        if (!imported.error.empty()) {
            std::cerr << "guardscope-cli report: error: " << imported.error << "\n";
            return 1;
        }
        for (auto& r : imported.sessions) sessions.push_back(std::move(r.session));
        if (sessions.empty()) {
            std::cerr << "guardscope-cli report: error: " << what << " holds no TORCH_TRACE log\n";
            return 1;
        }
    }

    if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
        std::cerr << "guardscope-cli report: error: " << out << " is a file, not a folder\n";
        return 1;
    }
    if (fs::exists(out, ec) && !fs::is_empty(out, ec) && !vm.count("overwrite")) {
        std::cerr << "guardscope-cli report: error: " << out << " is not empty (use --overwrite to write into it anyway)\n";
        return 1;
    }
    const std::vector<report::ReportPage> pages = report::SessionReport::build(sessions);
    int64_t bytes = 0;
    // A new folder is written under a hidden name beside it and renamed when complete: a failed
    // report leaves nothing, and a reader never sees half a site. Into a folder that already has
    // files (--overwrite), each file is replaced atomically and the others are left alone.
    const bool fresh = !fs::exists(out, ec) || fs::is_empty(out, ec);
    const fs::path finalDir = fs::absolute(fs::path(out), ec).lexically_normal();
    const fs::path dir = fresh ? finalDir.parent_path() / ("." + finalDir.filename().string() + ".partial-" + std::to_string(::getpid()))
                               : finalDir;
    try {
        for (const auto& p : pages) {
            const fs::path target = dir / p.path;
            fs::create_directories(target.parent_path());
            if (fresh) writePlain(target, p.html);
            else io::writeFileAtomically(target.string(), p.html);
            bytes += static_cast<int64_t>(p.html.size());
        }
        if (fresh) {
            if (fs::exists(finalDir, ec)) fs::remove(finalDir);  // empty (checked above)
            fs::rename(dir, finalDir);
        }
    } catch (const std::exception& e) {
        if (fresh) fs::remove_all(dir, ec);
        std::cerr << "guardscope-cli report: error: " << e.what() << "\n";
        return 1;
    }
    std::cout << "wrote " << pages.size() << " files (" << (bytes + 1023) / 1024 << " KiB) for " << sessions.size()
              << (sessions.size() == 1 ? " session" : " sessions") << " to " << (fs::path(out) / "index.html").string() << "\n";
    return 0;
}

CommandRegistrar reg({"report", "write a static HTML report of a session, a TORCH_TRACE log or a folder of ranks", reportCommand});

} // namespace
} // namespace gs::cli
