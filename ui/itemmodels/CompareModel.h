#pragma once
// Two sessions side by side (session browser "compare"): counts, recompiles per reason
// category and compiles per function, with the difference.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class CompareModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Metric, Left, Right, Difference, ColumnCount };
    explicit CompareModel(QObject* parent = nullptr);
    void setSessions(session::SessionIndexPtr left, session::SessionIndexPtr right);

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    struct Row {
        QString metric;
        int64_t left = 0, right = 0;
        bool group = false; // a heading row
    };
    session::SessionIndexPtr left_, right_;
    std::vector<Row> rows_;
};

} // namespace gs::ui
