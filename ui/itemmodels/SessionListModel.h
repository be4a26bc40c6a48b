#pragma once
// The rows of the SQLite session history (session browser).
#include <vector>

#include "core/store/SessionStore.h"
#include "ui/itemmodels/NodeModel.h"

namespace gs::ui {

class SessionListModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Id, Title, Kind, Created, Status, Calls, Compiles, Recompiles, ColumnCount };
    explicit SessionListModel(QObject* parent = nullptr);

    void setRows(std::vector<store::SessionRow> rows);
    const std::vector<store::SessionRow>& rows() const { return rows_; }
    QModelIndex indexOfSession(int64_t id) const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    std::vector<store::SessionRow> rows_;
};

} // namespace gs::ui
