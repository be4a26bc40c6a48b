#include "ui/itemmodels/SessionListModel.h"

#include "ui/shared/Describe.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

SessionListModel::SessionListModel(QObject* parent) : NodeModel(parent) {}

void SessionListModel::setRows(std::vector<store::SessionRow> rows) {
    resetWith([&] {
        rows_ = std::move(rows);
        setFlat(int(rows_.size()));
    });
}

QModelIndex SessionListModel::indexOfSession(int64_t id) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id) return indexOfNode(int(i));
    return {};
}

QVariant SessionListModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Id", "Title", "Kind", "Created", "Status", "Calls", "Compiles", "Recompiles"};
    return QString::fromLatin1(names[column]);
}

QVariant SessionListModel::cell(int node, int column, int role) const {
    const auto& r = rows_[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Id: return qint64(r.id);
        case Title: return qs(r.title);
        case Kind: return qs(std::string(session::toString(r.kind)));
        case Created: return qs(r.created);
        case Status: return qs(std::string(session::toString(r.status)));
        case Calls: return qint64(r.calls);
        case Compiles: return qint64(r.compiles);
        case Recompiles: return qint64(r.recompiles);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return r.group.empty() ? QVariant() : QVariant(qs(r.group));
    case IdRole: return QStringLiteral("session:%1").arg(r.id);
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
