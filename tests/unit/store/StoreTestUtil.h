#pragma once
// Helpers shared by the store tests: a fresh temporary folder per test, file bytes, and the
// list of sessions every round-trip test runs over.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/session/Session.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/SyntheticSession.h"

// `text` contains `part` (shown on failure).
#define EXPECT_CONTAINS(text, part) EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

namespace gs::testing {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "gs-store-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// The database file's page count, read by a connection of its own (-1 when it cannot be read).
inline int64_t pageCount(const std::string& path) {
    sqlite3* db = nullptr;
    int64_t pages = -1;
    if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            pages = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return pages;
}

// The message of the StoreError `f` throws, empty when it throws none.
inline std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const store::StoreError& e) {
        return e.what();
    }
    return "";
}

// Sessions every round-trip test covers. When the engine lands, append one session per
// conformance scenario here (run it through engine::runScenario into a SessionBuilder).
inline std::vector<session::Session> roundTripSessions() {
    std::vector<session::Session> all;
    all.push_back(syntheticSession("rich", 3, 40));
    all.push_back(syntheticSession("one frame, no calls", 1, 0));
    session::Session empty;
    empty.info.title = "";
    empty.info.created = "2026-01-01T00:00:00Z";  // the recorder stamps an empty one
    empty.info.status = session::SessionStatus::Failed;
    all.push_back(empty);
    session::Session running = syntheticSession("still running", 1, 5);
    running.info.status = session::SessionStatus::Running;  // this process writes it: stays running
    all.push_back(running);
    return all;
}

} // namespace gs::testing
