#pragma once
// Sub-commands of guardscope-cli register themselves; main.cpp dispatches on argv[1].
#include <functional>
#include <string>
#include <vector>

namespace gs::cli {

struct Command {
    std::string name;      // e.g. "run", "sessions", "import"
    std::string summary;   // one line for `guardscope-cli --help`
    // args excludes the program name and the command name. Returns the process exit code.
    std::function<int(const std::vector<std::string>& args)> run;
};

std::vector<Command>& commands();

// Exit status of a command whose result could not be recorded in the history database (the
// message names the file and the cause). Distinct from 1 (failed tests), 2 (usage, syntax) and
// 3 (a limit was reached); documented in `run --help` and guardscope-cli(1).
constexpr int kExitNotRecorded = 4;

struct CommandRegistrar {
    explicit CommandRegistrar(Command c) { commands().push_back(std::move(c)); }
};

// Database path from --db, or SessionStore::defaultPath().
std::string databasePath(const std::string& dbOption);

} // namespace gs::cli
