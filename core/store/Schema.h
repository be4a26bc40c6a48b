#pragma once
// The database schema: an ordered list of forward migrations, applied by PRAGMA user_version.
// Migration i (0-based) turns version i into version i+1; version 0 is an empty file.
// Never edit a released migration: add a new one.
#include <cstdint>
#include <string_view>
#include <vector>

namespace gs::store {

class Database;

class Schema {
public:
    // 'GScp': PRAGMA application_id of every Guardscope database, so a foreign SQLite file is
    // recognised before anything is written to it.
    static constexpr int32_t kApplicationId = 0x47536370;

    // SQL of each migration, in order; migrations()[i] upgrades version i to i+1.
    static const std::vector<std::string_view>& migrations();
    static int currentVersion() { return static_cast<int>(migrations().size()); }

    // Checks the file is ours and not newer, then applies the missing migrations in one
    // transaction. A newer or foreign file is refused before anything is written.
    static void prepare(Database& db);
    // Reads application_id and user_version and throws StoreError if this build cannot use the
    // file (newer schema or another program's database). Writes nothing.
    static int checkVersion(Database& db);
};

} // namespace gs::store
