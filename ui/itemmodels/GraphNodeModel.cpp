#include "ui/itemmodels/GraphNodeModel.h"

#include <QStringList>

#include "ui/shared/Describe.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

GraphNodeModel::GraphNodeModel(QObject* parent) : NodeModel(parent) {}

void GraphNodeModel::setState(session::SessionIndexPtr data, int entry) {
    if (!data || entry < 0 || size_t(entry) >= data->session().compiles.size()) entry = -1;
    resetWith([&] {
        data_ = std::move(data);
        entry_ = entry;
        setFlat(entry_ < 0 ? 0 : int(data_->session().compiles[size_t(entry_)].graph.size()));
    });
}

QVariant GraphNodeModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Node", "Op", "Target", "Shape", "Dtype", "Line", "Args"};
    return QString::fromLatin1(names[column]);
}

QVariant GraphNodeModel::cell(int node, int column, int role) const {
    const auto& n = data_->session().compiles[size_t(entry_)].graph[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Name: return qs(n.name);
        case Op: return qs(n.op);
        case Target: return qs(n.target);
        case Args: {
            QStringList a;
            for (const auto& s : n.args) a << qs(s);
            return a.join(QStringLiteral(", "));
        }
        case Shape: return qs(n.shape);
        case Dtype: return qs(n.dtype);
        case Line: return n.line > 0 ? QVariant(n.line) : QVariant();
        case ColumnCount: break;
        }
        return {};
    case IdRole: return nodeId(entry_, n.id);
    case EntryRole: return entry_;
    case LineRole: return n.line;
    case SortRole: return column == Line ? QVariant(n.line) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
