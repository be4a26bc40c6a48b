#pragma once
// RAII write transaction: BEGIN IMMEDIATE on construction (so a busy database fails at the start,
// not half-way), ROLLBACK on destruction unless commit() succeeded. One per batch of events.
namespace gs::store {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool open_ = false;
};

} // namespace gs::store
