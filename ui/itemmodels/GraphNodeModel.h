#pragma once
// The nodes of an entry's captured graph (ops with output shapes incl. symbols); the Graphviz
// picture selects rows of this model by id.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class GraphNodeModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Name, Op, Target, Shape, Dtype, Line, Args, ColumnCount };
    explicit GraphNodeModel(QObject* parent = nullptr);

    void setState(session::SessionIndexPtr data, int entry);
    int entry() const { return entry_; }
    static QString nodeId(int entry, int graphNodeId) { return QStringLiteral("node:%1:%2").arg(entry).arg(graphNodeId); }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    int entry_ = -1;
};

} // namespace gs::ui
