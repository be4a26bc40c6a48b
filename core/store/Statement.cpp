#include "core/store/Statement.h"

#include <sqlite3.h>

#include "core/store/Database.h"

namespace gs::store {

Statement::Statement(Database& db, std::string_view sql) : db_(db), sql_(sql) {
    int rc = sqlite3_prepare_v3(db_.handle(), sql_.data(), static_cast<int>(sql_.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        db_.fail(rc, "preparing a query");
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // An empty text binds as '' (not NULL), so NOT NULL columns accept it.
    int rc = sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    int rc = sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_STATIC);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
    return *this;
}

Statement& Statement::bindNull(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
    return *this;
}

bool Statement::step() {
    const bool fresh = !sqlite3_stmt_busy(stmt_);  // not in the middle of its rows
    if (fresh) db_.beginOperation();
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Busy before it did anything, outside an explicit transaction: safe to run again
    // (https://sqlite.org/c3ref/step.html). Inside one, the caller's transaction rolls back.
    if (fresh && sqlite3_get_autocommit(db_.handle())) {
        while (db_.retryAfterBusy(rc)) {
            sqlite3_reset(stmt_);
            rc = sqlite3_step(stmt_);
            if (rc == SQLITE_ROW) return true;
            if (rc == SQLITE_DONE) return false;
        }
    }
    sqlite3_reset(stmt_);
    db_.fail(rc, sqlite3_stmt_readonly(stmt_) ? "reading" : "writing");
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::textView(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const { return std::string(textView(column)); }

std::string_view Statement::blobView(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

} // namespace gs::store
