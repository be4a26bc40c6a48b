#include "ui/itemmodels/DemoModel.h"

#include <QFileInfo>

#include "ui/itemmodels/Roles.h"

namespace gs::ui {

DemoModel::DemoModel(QObject* parent) : NodeModel(parent) {}

void DemoModel::setDemos(std::vector<Demo> demos) {
    resetWith([&] {
        demos_ = std::move(demos);
        setFlat(int(demos_.size()));
    });
}

QVariant DemoModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Demo", "What it shows", "File"};
    return QString::fromLatin1(names[column]);
}

QVariant DemoModel::cell(int node, int column, int role) const {
    const Demo& d = demos_[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        if (column == Title) return d.title;
        if (column == Explanation) return d.explanation;
        return QFileInfo(d.path).fileName();
    case Qt::ToolTipRole: return d.explanation;
    case IdRole: return QStringLiteral("demo:%1").arg(d.path);
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
