#pragma once
// Every call of the session, one row each (the table under the timeline). Rows after the time
// cursor report FutureRole so views can dim them; moving the cursor only emits dataChanged.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class CallTableModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Index, Function, Outcome, Entry, Reason, Line, Arguments, ColumnCount };
    explicit CallTableModel(QObject* parent = nullptr);

    void setSession(session::SessionIndexPtr data);
    void setCursor(int64_t cursor);

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    int64_t cursor_ = -1;
};

} // namespace gs::ui
