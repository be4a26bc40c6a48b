#pragma once
// Cache entries per frame at the time cursor (issue 5 "Cache entries"): frames are top-level
// rows, their entries F/N below, with hit counts at the cursor, the creating call and status.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class CacheEntryModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Hits, CreatedBy, Reason, Guards, Ops, Symbols, ColumnCount };
    explicit CacheEntryModel(QObject* parent = nullptr);

    // Rebuilds the snapshot for this session at this cursor.
    void setState(session::SessionIndexPtr data, int64_t cursor);
    // Node of an entry (index into Session::compiles) or -1 if not shown at this cursor.
    QModelIndex indexOfEntry(int entry) const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    struct Row {
        int track = -1;   // frame rows
        int entry = -1;   // entry rows
    };
    QString statusOf(int entry) const;
    session::SessionIndexPtr data_;
    int64_t cursor_ = -1;
    std::vector<Row> rows_;
};

} // namespace gs::ui
