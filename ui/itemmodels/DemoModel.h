#pragma once
// The demo gallery's list: title, explanation, file.
#include "ui/itemmodels/NodeModel.h"
#include "ui/services/DemoCatalog.h"

namespace gs::ui {

class DemoModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Title, Explanation, File, ColumnCount };
    explicit DemoModel(QObject* parent = nullptr);
    void setDemos(std::vector<Demo> demos);
    const Demo& demo(int row) const { return demos_[size_t(row)]; }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    std::vector<Demo> demos_;
};

} // namespace gs::ui
