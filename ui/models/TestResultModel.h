#pragma once
// TestCase results of a scenario: pass / fail / error / skip, each linked to its line.
#include "ui/models/NodeModel.h"
#include "ui/model/SessionData.h"

namespace gs::ui {

class TestResultModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Status, Class, Test, Line, Message, ColumnCount };
    explicit TestResultModel(QObject* parent = nullptr);
    void setSession(SessionDataPtr data);

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    SessionDataPtr data_;
};

} // namespace gs::ui
