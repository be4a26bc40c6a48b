// Helpers shared by the CLI commands (declared in Command.h).
#include "app/cli/Command.h"
#include "core/store/SessionStore.h"

namespace gs::cli {

std::string databasePath(const std::string& dbOption) {
    return dbOption.empty() ? store::SessionStore::defaultPath() : dbOption;
}

} // namespace gs::cli
