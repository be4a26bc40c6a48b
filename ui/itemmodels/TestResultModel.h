#pragma once
// TestCase results of a scenario: pass / fail / error / skip, each linked to its line.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class TestResultModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Status, Class, Test, Line, Message, ColumnCount };
    explicit TestResultModel(QObject* parent = nullptr);
    void setSession(session::SessionIndexPtr data);

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
};

} // namespace gs::ui
