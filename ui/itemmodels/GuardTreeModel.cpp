#include "ui/itemmodels/GuardTreeModel.h"

#include <QFont>

#include <unordered_map>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

GuardTreeModel::GuardTreeModel(QObject* parent) : NodeModel(parent) {}

void GuardTreeModel::setState(session::SessionIndexPtr data, int entry, int64_t callPos) {
    std::vector<int> parents;
    std::vector<session::GuardResult> results;
    if (data && entry >= 0 && size_t(entry) < data->session().compiles.size()) {
        const auto& guards = data->session().compiles[size_t(entry)].guards;
        std::unordered_map<int, int> pos;
        for (size_t i = 0; i < guards.size(); ++i) pos.emplace(guards[i].id, int(i));
        for (const auto& g : guards) {
            auto it = pos.find(g.parent);
            parents.push_back(it == pos.end() ? -1 : it->second);
        }
        results = data->guardResults(entry, callPos);
    } else {
        entry = -1;
    }
    resetWith([&] {
        data_ = std::move(data);
        entry_ = entry;
        call_ = callPos;
        results_ = std::move(results);
        setTree(parents);
    });
}

QModelIndex GuardTreeModel::indexOfGuard(int guardId) const {
    if (entry_ < 0) return {};
    const auto& guards = data_->session().compiles[size_t(entry_)].guards;
    for (size_t i = 0; i < guards.size(); ++i)
        if (guards[i].id == guardId) return indexOfNode(int(i));
    return {};
}

std::vector<int> GuardTreeModel::guardsOfLine(int line) const {
    std::vector<int> out;
    if (entry_ < 0 || line <= 0) return out;
    for (const auto& g : data_->session().compiles[size_t(entry_)].guards)
        if (g.line == line) out.push_back(g.id);
    return out;
}

int GuardTreeModel::firstFailure() const {
    for (size_t i = 0; i < results_.size(); ++i)
        if (results_[i] == session::GuardResult::FirstFailure) return data_->session().compiles[size_t(entry_)].guards[i].id;
    return -1;
}

QVariant GuardTreeModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Guard", "Source", "Code", "Line", "Result"};
    return QString::fromLatin1(names[column]);
}

QVariant GuardTreeModel::cell(int node, int column, int role) const {
    const auto& g = data_->session().compiles[size_t(entry_)].guards[size_t(node)];
    const session::GuardResult r = results_[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Kind: return qs(g.kind);
        case Source: return Describe::localName(g.source);
        case Code: return Describe::firstLine(g.code);
        case Line: return g.line > 0 ? QVariant(g.line) : QVariant();
        case Result: return Theme::resultLabel(r);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = qs(g.code);
        if (!g.userCode.empty()) tip += QStringLiteral("\ncreated by line %1: %2").arg(g.line).arg(qs(g.userCode));
        return tip;
    }
    case Qt::ForegroundRole:
        return r == session::GuardResult::NotEvaluated && column != Result ? QVariant() : QVariant(Theme::resultColor(r));
    case Qt::BackgroundRole:
        return r == session::GuardResult::FirstFailure ? QVariant(Theme::resultFill(r)) : QVariant();
    case Qt::FontRole:
        if (r == session::GuardResult::FirstFailure) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IdRole: return QStringLiteral("guard:%1:%2").arg(entry_).arg(g.id);
    case EntryRole: return entry_;
    case GuardRole: return g.id;
    case LineRole: return g.line;
    case StatusRole: return Theme::resultLabel(r);
    case SortRole: return column == Line ? QVariant(g.line) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
