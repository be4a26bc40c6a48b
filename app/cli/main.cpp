// guardscope-cli: dispatches to the registered sub-commands.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/cli/Command.h"
#include "app/cli/TerminalColour.h"
#include "core/buildinfo/BuildInfo.h"

namespace gs::cli {
std::vector<Command>& commands() {
    static std::vector<Command> all;
    return all;
}
} // namespace gs::cli

static void usage(std::ostream& os) {
    os << "Usage: guardscope-cli COMMAND [OPTIONS]\n\n"
          "Inspect torch.compile recompiles without a display.\n\nCommands:\n";
    auto cmds = gs::cli::commands();
    std::sort(cmds.begin(), cmds.end(), [](auto& a, auto& b) { return a.name < b.name; });
    for (const auto& c : cmds) os << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << "\n";
    os << "\nRun `guardscope-cli COMMAND --help` for the options of a command.\n";
}

int main(int argc, char** argv) {
    if (gs::cli::stderrWantsColour()) gs::cli::colourDiagnostics(std::cerr);
    if (argc < 2) {
        usage(std::cerr);
        return 2;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return 0;
    }
    if (name == "--version" || name == "-V") {
        std::cout << gs::buildinfo::versionLine("guardscope-cli") << "\n";
        return 0;
    }
    for (const auto& c : gs::cli::commands()) {
        if (c.name == name) {
            std::vector<std::string> args(argv + 2, argv + argc);
            try {
                return c.run(args);
            } catch (const std::exception& e) {
                std::cerr << "guardscope-cli " << name << ": error: " << e.what() << "\n";
                return 1;
            }
        }
    }
    std::cerr << "guardscope-cli: unknown command '" << name << "'\n\n";
    usage(std::cerr);
    return 2;
}
