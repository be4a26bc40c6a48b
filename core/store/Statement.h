#pragma once
// A prepared SQLite statement (RAII; finalized on destruction), in the spirit of Perfetto's
// scoped_db.h. Binding is 1-based like SQLite; columns are 0-based.
#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace gs::store {

class Database;

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    // Text is bound without copying: it must stay alive until the next step()/reset().
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    // Bytes as a BLOB, bound without copying like text.
    Statement& bindBlob(int index, std::string_view bytes);

    // Steps once: true when a row is available. Errors throw StoreError.
    bool step();
    // Steps a statement that returns no rows, then resets it.
    void run();
    // Resets so the statement can be bound and stepped again (bindings are cleared too).
    void reset();

    int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::string_view textView(int column) const;  // valid until the next step()
    std::string_view blobView(int column) const;  // valid until the next step()
    bool isNull(int column) const;

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

} // namespace gs::store
