// Helpers shared by the CLI commands (declared in Command.h).
#include "app/cli/Command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "core/store/SessionStore.h"

namespace gs::cli {

std::string databasePath(const std::string& dbOption) {
    return dbOption.empty() ? store::SessionStore::defaultPath() : dbOption;
}

bool parseCommandLine(const std::string& name, const std::vector<std::string>& args,
                      const boost::program_options::options_description& opts,
                      const boost::program_options::positional_options_description& positional,
                      boost::program_options::variables_map& vm) {
    namespace po = boost::program_options;
    try {
        po::store(po::command_line_parser(args).options(opts).positional(positional).run(), vm);
        po::notify(vm);
        return true;
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli " << name << ": " << e.what() << "\nRun `guardscope-cli " << name << " --help` for the options.\n";
        return false;
    }
}

} // namespace gs::cli
