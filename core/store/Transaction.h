#pragma once
// RAII write transaction: BEGIN IMMEDIATE on construction (so a busy database fails at the start,
// not half-way), ROLLBACK on destruction unless commit() succeeded. One per batch of events.
namespace gs::store {

class Database;

class Transaction {
public:
    // Immediate takes the write lock at BEGIN; Exclusive also keeps readers out (in a
    // rollback-journal file; in WAL mode it is the same as Immediate), for schema changes.
    enum class Mode { Immediate, Exclusive };
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool open_ = false;
};

} // namespace gs::store
