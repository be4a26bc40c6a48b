// `guardscope-cli sessions ...`: the session history kept in SQLite (issue 4).
//   list | show ID | delete ID | rename ID TITLE | export ID --json [-o FILE] | diff ID1 ID2
// Every sub-command takes --db PATH (default: SessionStore::defaultPath()).
#include <boost/program_options.hpp>

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/cli/Command.h"
#include "core/io/AtomicFile.h"
#include "core/session/SessionJson.h"
#include "core/session/SummaryText.h"
#include "core/store/SessionStore.h"

namespace po = boost::program_options;
using namespace gs::session;
using gs::store::SessionStore;

namespace gs::cli {
namespace {

// A usage mistake: printed with a hint to --help, exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SubCommand {
    const char* name;
    const char* args;     // positional arguments, for the usage line
    const char* summary;  // one line
};

constexpr SubCommand kSubCommands[] = {
    {"list", "", "list the recorded sessions (id, title, kind, when, status, calls, compiles, recompiles)"},
    {"show", "ID", "print the summary of a session: frames, cache entries, recompiles with reasons and fixes"},
    {"delete", "ID", "delete a session and everything recorded with it"},
    {"rename", "ID TITLE", "give a session a new title"},
    {"export", "ID --json [-o FILE]", "write a whole session as JSON (to standard output, or FILE)"},
    {"diff", "ID1 ID2", "compare two sessions side by side (e.g. before and after a fix)"},
};

void printUsage(std::ostream& out) {
    out << "Usage: guardscope-cli sessions SUBCOMMAND [ARGS] [--db PATH]\n\n"
           "The history of recorded runs and imported traces.\n\nSubcommands:\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : kSubCommands) rows.push_back({std::string(s.name) + (*s.args ? " " : "") + s.args, s.summary});
    out << SummaryText::alignColumns(rows, "  ")
        << "\nOptions of every subcommand:\n"
           "  --db PATH   the session database (default: " << SessionStore::defaultPath() << ")\n"
           "  -h, --help  this text, or the subcommand's\n";
}

// Parsed arguments of one subcommand.
struct Args {
    std::string db;
    std::vector<std::string> positional;
    bool json = false;
    std::string output;
    bool help = false;
};

Args parse(const SubCommand& sub, const std::vector<std::string>& argv, po::options_description& options) {
    Args a;
    options.add_options()("db", po::value(&a.db)->value_name("PATH"), "session database file (default: the per-user database)")(
        "help,h", po::bool_switch(&a.help), "show this help");
    if (std::string(sub.name) == "export")
        options.add_options()("json", po::bool_switch(&a.json), "write JSON (the one format for now)")(
            "output,o", po::value(&a.output)->value_name("FILE"), "write to FILE instead of standard output");
    po::options_description hidden;
    hidden.add_options()("arg", po::value(&a.positional));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description pos;
    pos.add("arg", -1);
    try {
        po::variables_map vm;
        po::store(po::command_line_parser(argv).options(all).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return a;
}

int64_t parseId(const std::string& text) {
    int64_t id = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
        throw UsageError("'" + text + "' is not a session id (use a number from `guardscope-cli sessions list`)");
    return id;
}

void expectArgs(const Args& a, size_t n, const SubCommand& sub) {
    if (a.positional.size() != n)
        throw UsageError(std::string("`sessions ") + sub.name + "` takes " + (n == 0 ? "no arguments" : sub.args) +
                         (a.positional.size() > n ? "; unexpected '" + a.positional[n] + "'" : ""));
}

// Opens an existing database. A read-only file or folder opens for reading by itself; an older
// schema is upgraded here, as in the GUI.
std::unique_ptr<SessionStore> openExisting(const Args& a) {
    const std::string path = databasePath(a.db);
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec))
        throw store::StoreError("there is no session database at '" + path +
                                "'. Record a session first (guardscope-cli run FILE), or name another file with --db.");
    return SessionStore::open(path);
}

std::string when(const std::string& iso) {
    // 2026-11-28T10:00:00Z -> 2026-11-28 10:00 (UTC, as stored)
    if (iso.size() >= 16 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 5);
    return iso.empty() ? "?" : iso;
}

std::string clip(const std::string& text, size_t max) {
    if (SummaryText::width(text) <= max) return text;
    std::string out;
    size_t chars = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80 && ++chars > max - 1) break;
        out += c;
    }
    return out + "…";
}

int list(const Args& a) {
    const std::string path = databasePath(a.db);
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec)) {
        std::cout << "No sessions recorded yet (" << path << " does not exist).\n";
        return 0;
    }
    auto store = openExisting(a);
    auto rows = store->list();
    if (rows.empty()) {
        std::cout << "No sessions in " << store->path() << ".\n";
        return 0;
    }
    std::vector<std::vector<std::string>> table{
        {"ID", "TITLE", "KIND", "WHEN (UTC)", "STATUS", "CALLS", "COMPILES", "RECOMPILES"}};
    for (const auto& r : rows)
        table.push_back({std::to_string(r.id), clip(r.title.empty() ? "(untitled)" : r.title, 40),
                         std::string(toString(r.kind)), when(r.created), std::string(toString(r.status)),
                         std::to_string(r.calls), std::to_string(r.compiles), std::to_string(r.recompiles)});
    std::cout << SummaryText::alignColumns(table);
    if (store->isReadOnly()) std::cerr << "note: " << store->path() << " is read-only; listing only.\n";
    return 0;
}

int show(const Args& a, const SubCommand& sub) {
    expectArgs(a, 1, sub);
    auto store = openExisting(a);
    Session s = store->loadWithoutCalls(parseId(a.positional[0]));
    std::cout << SummaryText::render(s, store->summary(s));
    return 0;
}

int remove(const Args& a, const SubCommand& sub) {
    expectArgs(a, 1, sub);
    auto store = openExisting(a);
    const int64_t id = parseId(a.positional[0]);
    auto row = store->row(id);
    store->remove(id);
    std::cout << "Deleted session " << id << (row && !row->title.empty() ? " (" + row->title + ")" : "") << ".\n";
    return 0;
}

int rename(const Args& a, const SubCommand& sub) {
    expectArgs(a, 2, sub);
    auto store = openExisting(a);
    const int64_t id = parseId(a.positional[0]);
    store->rename(id, a.positional[1]);
    std::cout << "Renamed session " << id << " to \"" << a.positional[1] << "\".\n";
    return 0;
}

int exportSession(const Args& a, const SubCommand& sub) {
    expectArgs(a, 1, sub);
    if (!a.json) throw UsageError("choose the format of the export: --json");
    auto store = openExisting(a);
    const int64_t id = parseId(a.positional[0]);
    const Session s = store->loadWithoutCalls(id);
    const Summary summary = store->summary(s);
    // Calls are streamed in pages, so a session with millions of calls exports in flat memory.
    int64_t next = INT64_MIN;
    auto nextPage = [&] {
        auto page = store->calls(id, next, 10'000);
        if (!page.empty()) next = page.back().index + 1;
        return page;
    };
    if (a.output.empty() || a.output == "-") {
        writeJson(std::cout, s, summary, nextPage);
        std::cout.flush();
        if (!std::cout) throw std::runtime_error("could not write to standard output");
        return 0;
    }
    // Readers never see a half-written file, and a failed export leaves nothing behind.
    io::AtomicFile out(a.output);
    writeJson(out.stream(), s, summary, nextPage);
    out.commit();
    std::cerr << "Wrote session " << id << " to " << a.output << ".\n";
    return 0;
}

int diff(const Args& a, const SubCommand& sub) {
    expectArgs(a, 2, sub);
    auto store = openExisting(a);
    const Session x = store->loadWithoutCalls(parseId(a.positional[0]));
    const Session y = store->loadWithoutCalls(parseId(a.positional[1]));
    std::cout << SummaryText::diff(x, store->summary(x), y, store->summary(y));
    return 0;
}

int run(const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        printUsage(argv.empty() ? std::cerr : std::cout);
        return argv.empty() ? 2 : 0;
    }
    const SubCommand* sub = nullptr;
    for (const auto& s : kSubCommands)
        if (argv[0] == s.name) sub = &s;
    if (!sub) {
        std::cerr << "guardscope-cli sessions: unknown subcommand '" << argv[0] << "'\n\n";
        printUsage(std::cerr);
        return 2;
    }
    const std::string name = std::string("guardscope-cli sessions ") + sub->name;
    try {
        po::options_description options("Options");
        Args a = parse(*sub, std::vector<std::string>(argv.begin() + 1, argv.end()), options);
        if (a.help) {
            std::cout << "Usage: " << name << (*sub->args ? " " : "") << sub->args << " [--db PATH]\n\n"
                      << static_cast<char>(std::toupper(static_cast<unsigned char>(sub->summary[0])))
                      << (sub->summary + 1) << ".\n\n" << options;
            return 0;
        }
        const std::string n = sub->name;
        if (n == "list") return expectArgs(a, 0, *sub), list(a);
        if (n == "show") return show(a, *sub);
        if (n == "delete") return remove(a, *sub);
        if (n == "rename") return rename(a, *sub);
        if (n == "export") return exportSession(a, *sub);
        return diff(a, *sub);
    } catch (const UsageError& e) {
        std::cerr << name << ": " << e.what() << "\nRun `" << name << " --help` for usage.\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << name << ": " << e.what() << "\n";
        return 1;
    }
}

const CommandRegistrar registrar{Command{"sessions", "list, show, delete, rename, export and compare recorded sessions", run}};

} // namespace
} // namespace gs::cli
