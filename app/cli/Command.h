#pragma once
// Sub-commands of guardscope-cli register themselves; main.cpp dispatches on argv[1].
#include <functional>
#include <string>
#include <vector>

namespace boost::program_options {
class options_description;
class positional_options_description;
class variables_map;
} // namespace boost::program_options

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

// Parses a sub-command's arguments into `vm`. On bad usage prints
// "guardscope-cli NAME: why" and where the options are listed, and returns false: the command
// then exits 2.
bool parseCommandLine(const std::string& name, const std::vector<std::string>& args,
                      const boost::program_options::options_description& opts,
                      const boost::program_options::positional_options_description& positional,
                      boost::program_options::variables_map& vm);

// Database path from --db, or SessionStore::defaultPath().
std::string databasePath(const std::string& dbOption);

} // namespace gs::cli
