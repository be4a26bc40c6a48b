#include "core/store/Transaction.h"

#include "core/store/Database.h"

namespace gs::store {

Transaction::Transaction(Database& db, Mode mode) : db_(db) {
    db_.exec(mode == Mode::Exclusive ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE", "starting a write");
    open_ = true;
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        db_.exec("ROLLBACK", "rolling back");
    } catch (...) {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing left to undo.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT", "saving a batch");
    open_ = false;
}

} // namespace gs::store
